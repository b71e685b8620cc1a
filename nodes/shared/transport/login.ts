import type { IHttpRequestHelper, IHttpRequestOptions } from 'n8n-workflow';

import { readFailure, redact } from './errors';
import { LoginFailedError, loginFingerprint, sharedLogin } from './session';

export interface TokenLogin {
	providerName: string;
	/** Non-secret identity of the login (base URL, user) plus the password, hashed together. */
	identity: unknown[];
	/** The token the caller holds now ('' when cold): decides whether a fresh login is needed. */
	currentToken: unknown;
	request: IHttpRequestOptions;
	readToken(body: unknown): unknown;
	/** Words a failed login for the user; `status` is undefined for an answer with no usable token. */
	explainFailure(status: number | undefined, body: unknown): string;
	secrets: unknown[];
}

/**
 * The body of every `preAuthentication`: one HTTP login shared by concurrent callers, and a clear
 * LoginFailedError (never an empty token) when the provider refuses — including refusals sent with 200.
 */
export async function loginForToken(helpers: IHttpRequestHelper['helpers'], login: TokenLogin): Promise<string> {
	const secrets = login.secrets.filter((value): value is string => typeof value === 'string' && value !== '');
	const fail = (status: number | undefined, body: unknown) =>
		new LoginFailedError(redact(`${login.providerName} login failed: ${login.explainFailure(status, body)}`, secrets));
	return await sharedLogin(loginFingerprint(...login.identity), String(login.currentToken ?? ''), async () => {
		const answer = await helpers.httpRequest({ json: true, ...login.request }).then(
			(body: unknown) => ({ body }),
			(error: unknown) => ({ failure: readFailure(error) }),
		);
		if ('failure' in answer) {
			const { status, networkCode, body } = answer.failure;
			if (status !== undefined) throw fail(status, body);
			throw new LoginFailedError(`Could not reach ${login.providerName} to log in${networkCode ? ` (${networkCode})` : ''}: check the base URL`);
		}
		const body = answer.body;
		const token = login.readToken(body);
		if (typeof token !== 'string' || token.trim() === '') throw fail(undefined, body);
		return token;
	});
}
