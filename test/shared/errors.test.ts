import { NodeApiError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

import { providerText, readFailure, redact, toNodeApiError } from '../../nodes/shared/transport/errors';
import type { ProviderSpec } from '../../nodes/shared/transport/types';

const node = { id: '1', name: 'Test', type: 'test', typeVersion: 1, position: [0, 0], parameters: {} } as INode;
const spec: ProviderSpec = {
	displayName: 'Acme',
	credentialType: 'acmeApi',
	apiBase: () => ({ root: 'https://acme.test/api' }),
	explainStatus: (status) => (status === 418 ? { message: 'Acme is a teapot', description: 'Brew coffee elsewhere.' } : undefined),
	secretFields: ['password'],
};
const request = { method: 'GET' as const, path: '/things' };

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

	it('recognises a login failure that n8n 1.x re-wrapped without its cause', () => {
		const rewrapped = { name: 'NodeApiError', httpCode: null, message: 'Acme login failed: user or password wrong (HTTP 401)' };
		expect(readFailure(rewrapped)).toMatchObject({ loginFailure: 'Acme login failed: user or password wrong (HTTP 401)' });
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
		expect(offline.message).toBe('Could not reach Acme');
		expect(offline.description).toContain('ECONNREFUSED: check the base URL');
	});
});

describe('redact', () => {
	it('removes secrets with and without their spaces, ignoring very short values', () => {
		expect(redact('pw=abcd efgh and abcdefgh, id=ab', ['abcd efgh', 'ab'])).toBe('pw=*** and ***, id=ab');
	});
});
