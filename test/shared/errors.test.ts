import { NodeApiError } from 'n8n-workflow';
import type { INode, JsonObject } from 'n8n-workflow';

import { expectObject } from '../../nodes/shared/transport/answer';

import { providerText, readFailure, redact, toNodeApiError } from '../../nodes/shared/transport/errors';
import { LoginFailedError } from '../../nodes/shared/transport/session';
import type { ProviderSpec } from '../../nodes/shared/transport/types';

const node = { id: '1', name: 'Test', type: 'test', typeVersion: 1, position: [0, 0], parameters: {} } as INode;
const spec: ProviderSpec = {
	displayName: 'Acme',
	credentialType: 'acmeApi',
	apiBase: () => ({ root: 'https://acme.test/api' }),
	explainStatus: (status) => (status === 418 ? { message: 'Acme is a teapot', description: 'Brew coffee elsewhere.' } : undefined),
	secretFields: ['password'],
};
const request = { method: 'GET' as const, path: '/things', expect: expectObject() };

describe('providerText', () => {
	it.each([
		[{ code: 'rest_forbidden', message: 'Sorry, you are not allowed to do that.' }, 'Sorry, you are not allowed to do that.'],
		[{ error: 'invalid_credentials', status_code: 401 }, 'invalid_credentials'],
		[{ result: 'wrong api key' }, 'wrong api key'],
		[{ email: { unique: 'Provided email already assigned to another subscriber.' }, status: { required: 'The status field is required.' } }, 'email: Provided email already assigned to another subscriber.; status: The status field is required.'],
		['Required Parameters are missing', 'Required Parameters are missing'],
		['<html><body><p>There has been a critical error</p></body></html>', 'There has been a critical error'],
		[{ Errors: [{ PropertyName: 'Email' }] }, undefined],
		['', undefined],
	])('%j → %s', (body, expected) => {
		expect(providerText(body)).toBe(expected);
	});
});

describe('readFailure', () => {
	it('reads status, body and headers from an axios-style cause', () => {
		const error = { httpCode: '429', cause: { response: { status: 429, data: { message: 'slow down' }, headers: { 'retry-after': '3' } } } };
		expect(readFailure(error)).toMatchObject({ status: 429, body: { message: 'slow down' }, headers: { 'retry-after': '3' } });
	});

	it('recognises a login failure by its class anywhere in the cause chain, never by its wording', () => {
		const login = new LoginFailedError('Acme login failed: user or password wrong (HTTP 401)', 'rejected');
		const wrapped = new NodeApiError(node, login as unknown as JsonObject);
		expect(readFailure(wrapped).loginFailure).toBe(login);
		const lookalike = { name: 'NodeApiError', httpCode: '500', message: 'Acme login failed: the same words' };
		expect(readFailure(lookalike).loginFailure).toBeUndefined();
	});

	it('reads the body from context.data when n8n 1.x left no cause', () => {
		expect(readFailure({ httpCode: '422', context: { data: { message: 'Subscriber not found' } } })).toMatchObject({ status: 422, body: { message: 'Subscriber not found' } });
	});

	it('reads the network code when there is no response', () => {
		expect(readFailure({ message: 'connect ECONNREFUSED', cause: { code: 'ECONNREFUSED' } })).toMatchObject({ status: undefined, networkCode: 'ECONNREFUSED' });
	});
});

describe('toNodeApiError', () => {
	const secret = 'abcd efgh ijkl mnop';

	it('uses the provider hint, keeps the provider text and never leaks secrets', () => {
		const failure = { status: 418, body: { message: `bad password ${secret.replace(/ /g, '')}` }, headers: {}, message: '' };
		const error = toNodeApiError(node, failure, { spec, request, secrets: [secret] });
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Acme is a teapot');
		expect(error.description).toContain('Brew coffee elsewhere.');
		expect(error.description).toContain('Acme said: bad password ***');
		expect(error.httpCode).toBe('418');
		expect(JSON.stringify(error)).not.toContain('abcdefghijklmnop');
	});

	it.each([
		[401, 'rejected the credentials'],
		[403, 'refused access'],
		[404, 'could not find'],
		[429, 'rate limiting'],
	])('gives generic, actionable advice for %s', (status, text) => {
		const error = toNodeApiError(node, { status, headers: {}, message: '' }, { spec, request, secrets: [] });
		expect(error.message).toContain(text);
	});

	it('explains HTML answers and unreachable servers', () => {
		const html = toNodeApiError(node, { status: 500, body: '<!DOCTYPE html><html>oops</html>', headers: {}, message: '' }, { spec, request, secrets: [] });
		expect(html.message).toContain('web page instead of JSON');
		const offline = toNodeApiError(node, { headers: {}, networkCode: 'ECONNREFUSED', message: '' }, { spec, request, secrets: [] });
		expect(offline.message).toBe('Could not reach Acme: connection refused');
		expect(offline.description).toContain('Check the base URL');
		expect(offline.description).toContain('(ECONNREFUSED)');
	});

	it('a broken connection on a write says it may or may not have been processed, never "check the base URL"', () => {
		const post = { method: 'POST' as const, path: '/things', expect: expectObject() };
		const reset = toNodeApiError(node, { headers: {}, networkCode: 'ECONNRESET', message: 'socket hang up' }, { spec, request: post, secrets: [] });
		expect(reset.message).toBe('The connection to Acme broke before its answer arrived');
		expect(reset.description).toContain('may or may not have been processed. Check in Acme before you run it again');
		expect(reset.description).not.toContain('base URL');
		const timeout = toNodeApiError(node, { headers: {}, networkCode: 'ECONNABORTED', message: 'timeout' }, { spec, request: post, secrets: [] });
		expect(timeout.message).toMatch(/^Acme did not answer within \d+ (s|ms)$/);
		expect(timeout.description).toContain('may or may not have been processed');
	});

	it('a login failure keeps its own words and the advice of its kind', () => {
		const server = new LoginFailedError('Acme could not log in: the server answered HTTP 502 with a web page', 'server');
		const error = toNodeApiError(node, { headers: {}, message: server.message, loginFailure: server }, { spec, request, secrets: [] });
		expect(error.message).toBe(server.message);
		expect(error.description).toContain('Nothing is wrong with the credentials');
	});
});

describe('redact', () => {
	it('removes secrets with and without their spaces, ignoring very short values', () => {
		expect(redact('pw=abcd efgh and abcdefgh, id=ab', ['abcd efgh', 'ab'])).toBe('pw=*** and ***, id=ab');
	});
});
