import type { IHttpRequestHelper, IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';

import { readAnswer } from './answer';
import type { Answer } from './answer';
import { networkWords, readFailure, redact } from './errors';
import { MAX_RETRIES, requestTimeout, retryAfterMs, retryClock } from './retry';
import { LoginFailedError, loginFingerprint, markTokenRefused, sharedLogin } from './session';
import type { LoginFailureKind } from './session';

export interface TokenLogin {
	providerName: string;
	/** Non-secret identity of the login (base URL, user) plus the password: hashed into the fingerprint. */
	identity: unknown[];
	/** The token the caller holds now: '' when cold, otherwise the one the provider just refused. */
	currentToken: unknown;
	request: IHttpRequestOptions;
	readToken(json: unknown): unknown;
	/** The provider's words when its answer means "these credentials are refused"; undefined otherwise. */
	refusal(status: number, json: unknown): string | undefined;
	/** What to check when the login URL does not exist (HTTP 404/405). */
	urlHint: string;
	/** Answers besides 429 that mean "slow down". */
	isRateLimited?(status: number, json: unknown): boolean;
	/** How long to wait on a rate-limit answer without Retry-After. */
	rateLimitRetryAfter?(): string | undefined;
	secrets: unknown[];
}

type Attempt = { token: string } | { failure: LoginFailedError; rateLimited?: boolean; retryAfter?: string };

const sample = (answer: Answer) => (answer.text ?? '').replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80);

function serverFault(login: TokenLogin, status: number, answer: Answer, rateLimited: boolean): LoginFailedError {
	const what = rateLimited
		? 'is rate limiting logins'
		: answer.text !== undefined && /<(!doctype|html|body)\b/i.test(answer.text)
			? `answered HTTP ${status} with a web page`
			: answer.empty
				? `answered HTTP ${status} with an empty body`
				: answer.text !== undefined
					? `answered HTTP ${status} with something that is not JSON ("${sample(answer)}")`
					: `answered HTTP ${status} without a token (${JSON.stringify(answer.json).slice(0, 80)})`;
	return new LoginFailedError(`${login.providerName} could not log in: the server ${what}. This is a server or gateway fault, not a problem with the credentials`, 'server');
}

function judge(login: TokenLogin, status: number, answer: Answer): Attempt {
	const name = login.providerName;
	const words = answer.json !== undefined ? login.refusal(status, answer.json) : undefined;
	if (words) return { failure: new LoginFailedError(`${name} login failed: ${words}`, 'rejected') };
	const rateLimited = status === 429 || (login.isRateLimited?.(status, answer.json) ?? false);
	if (rateLimited || status >= 500 || status === 408 || (status < 300 && answer.json === undefined)) {
		return { failure: serverFault(login, status, answer, rateLimited), rateLimited };
	}
	if (status === 404 || status === 405) {
		return { failure: new LoginFailedError(`${name} login failed: no login endpoint at this address (HTTP ${status}): ${login.urlHint}`, 'misconfigured') };
	}
	if (status < 300) return { failure: serverFault(login, status, answer, false) };
	const said = answer.json !== undefined ? JSON.stringify(answer.json).slice(0, 120) : sample(answer);
	return { failure: new LoginFailedError(`${name} login failed: the server refused it (HTTP ${status}${said ? `: ${said}` : ''})`, 'rejected') };
}

async function attemptLogin(helpers: IHttpRequestHelper['helpers'], login: TokenLogin): Promise<Attempt> {
	const options: IHttpRequestOptions = { json: true, timeout: requestTimeout.ms, ...login.request, returnFullResponse: true };
	try {
		const response = (await helpers.httpRequest(options)) as IN8nHttpFullResponse;
		const answer = readAnswer(response.statusCode, response.headers, response.body);
		const token = answer.json !== undefined ? login.readToken(answer.json) : undefined;
		if (typeof token === 'string' && token.trim() !== '') return { token };
		return judge(login, response.statusCode, answer);
	} catch (error) {
		const failure = readFailure(error);
		if (failure.status === undefined) {
			const message = `Could not reach ${login.providerName} to log in (${networkWords(failure.networkCode)}): check the base URL in the credential and that the server is online`;
			return { failure: new LoginFailedError(message, 'unreachable') };
		}
		const attempt = judge(login, failure.status, readAnswer(failure.status, failure.headers, failure.body));
		if ('token' in attempt) return attempt;
		const retryAfter = failure.headers['retry-after'] ?? (attempt.rateLimited ? login.rateLimitRetryAfter?.() : undefined);
		return { ...attempt, retryAfter };
	}
}

const RETRIED: LoginFailureKind[] = ['server', 'unreachable'];

/** One login with the retries any idempotent request gets: server faults and network errors only. */
async function loginWithRetries(helpers: IHttpRequestHelper['helpers'], login: TokenLogin, secrets: string[]): Promise<string> {
	for (let tries = 0; ; tries++) {
		const attempt = await attemptLogin(helpers, login);
		if ('token' in attempt) return attempt.token;
		const { failure } = attempt;
		if (!RETRIED.includes(failure.kind) || tries >= MAX_RETRIES) {
			const tried = tries > 0 ? ` (tried ${tries + 1} times)` : '';
			throw new LoginFailedError(redact(`${failure.message}${tried}`, secrets), failure.kind);
		}
		await retryClock.sleep(retryAfterMs(attempt.retryAfter, tries));
	}
}

export const fingerprintOf = (login: Pick<TokenLogin, 'identity'>) => loginFingerprint(...login.identity);

/**
 * The body of every `preAuthentication`: one HTTP login shared by concurrent callers, a clear
 * LoginFailedError (never an empty token) that says whether the credentials were refused or the
 * server failed, and no repeated attempts with credentials the provider just refused.
 */
export async function loginForToken(helpers: IHttpRequestHelper['helpers'], login: TokenLogin): Promise<string> {
	const secrets = login.secrets.filter((value): value is string => typeof value === 'string' && value !== '');
	const current = String(login.currentToken ?? '');
	// n8n only logs in with a token in hand when the provider refused that token.
	markTokenRefused(current);
	return await sharedLogin(fingerprintOf(login), current, async () => await loginWithRetries(helpers, login, secrets));
}
