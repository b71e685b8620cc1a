import { NodeApiError } from 'n8n-workflow';
import type { IAdditionalCredentialOptions, IDataObject, IHttpRequestMethods, IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';

import { readAnswer } from './answer';
import type { Answer } from './answer';
import { readFailure, toNodeApiError, unexpectedAnswerError } from './errors';
import type { ErrorContext } from './errors';
import { slowDown, takeTurn } from './pacing';
import { collectPages } from './pagination';
import type { PagingStrategy } from './pagination';
import { requestTimeout, retryAfterMs, withRetries } from './retry';
import type { Outcome } from './retry';
import { loginFailureSince, loginFingerprint, markTokenRefused, tokensHandedOnSince } from './session';
import type { ApiBase, ApiRequest, ProviderSpec, RequestContext } from './types';
import { buildUrl } from './url';

interface CredentialFacts {
	base: ApiBase;
	secrets: string[];
	ignoreSsl: boolean;
	/** "This credential at this server", for pacing (no secrets in it). */
	accountKey: string;
	/** The login's fingerprint, for token credentials. */
	loginFingerprint?: string;
}

/** One credential read per node run: the base URL cannot change mid-run, and each read decrypts. */
const factsByRun = new WeakMap<object, Promise<CredentialFacts>>();

async function readCredentialFacts(context: RequestContext, spec: ProviderSpec): Promise<CredentialFacts> {
	const credentials = await context.getCredentials(spec.credentialType);
	const secrets = spec.secretFields
		.map((field) => credentials[field])
		.filter((value): value is string => typeof value === 'string' && value !== '');
	const base = spec.apiBase(credentials);
	return {
		base,
		accountKey: `${spec.credentialType}|${context.getNode().credentials?.[spec.credentialType]?.id ?? ''}|${base.root}`,
		secrets,
		ignoreSsl: spec.ignoreSslField ? credentials[spec.ignoreSslField] === true : false,
		loginFingerprint: spec.loginIdentity ? loginFingerprint(...spec.loginIdentity(credentials)) : undefined,
	};
}

export async function credentialFacts(this: RequestContext, spec: ProviderSpec): Promise<CredentialFacts> {
	let facts = factsByRun.get(this);
	if (!facts) {
		facts = readCredentialFacts(this, spec);
		factsByRun.set(this, facts);
		facts.catch(() => factsByRun.delete(this));
	}
	return await facts;
}

/**
 * The credential as n8n would read it, handed to n8n explicitly: n8n writes the token it logs in with
 * into this same object, so afterwards it shows the token the last attempt carried. With `token`, the
 * stored token is replaced: '' makes n8n's preAuthentication log in (once, shared) and persist the
 * new token, for tokens refused where n8n's own 401 refresh cannot help.
 */
async function credentialToSend(context: RequestContext, spec: ProviderSpec, token?: string): Promise<IAdditionalCredentialOptions> {
	const reference = context.getNode().credentials?.[spec.credentialType];
	const data = { ...(await context.getCredentials(spec.credentialType)) };
	if (token !== undefined && spec.tokenField) data[spec.tokenField] = token;
	return { credentialsDecrypted: { id: reference?.id ?? '', name: reference?.name ?? spec.credentialType, type: spec.credentialType, data } };
}

const tokenCarried = (spec: ProviderSpec, sent: IAdditionalCredentialOptions | undefined) =>
	spec.tokenField ? sent?.credentialsDecrypted?.data?.[spec.tokenField] : undefined;

function tokenExpired(spec: ProviderSpec, outcome: Outcome<IN8nHttpFullResponse>): boolean {
	if (!spec.expiredToken) return false;
	if (outcome.ok) return spec.expiredToken(outcome.value.statusCode, readAnswer(outcome.value.statusCode, outcome.value.headers, outcome.value.body).json);
	const failure = readFailure(outcome.error);
	return failure.status !== undefined && spec.expiredToken(failure.status, failure.body);
}

/** The token was refused: a 401 that is not a failed login, or the provider's own "expired" reply. */
function tokenRefused(spec: ProviderSpec, outcome: Outcome<IN8nHttpFullResponse>): boolean {
	if (tokenExpired(spec, outcome)) return true;
	if (outcome.ok) return false;
	const failure = readFailure(outcome.error);
	return failure.status === 401 && !failure.loginFailure;
}

/** A login failure is recognised by its class, or (where n8n re-wrapped it) by the shared login's record of this request. */
function failureOf(error: unknown, facts: CredentialFacts, startedAt: number) {
	const failure = readFailure(error);
	if (failure.loginFailure || !facts.loginFingerprint) return failure;
	const loginFailure = loginFailureSince(facts.loginFingerprint, startedAt);
	return loginFailure ? { ...failure, loginFailure, message: loginFailure.message } : failure;
}

function checkAnswer(this: RequestContext, answer: Answer, context: ErrorContext): unknown {
	const { spec, request } = context;
	const bodyHint = spec.bodyError?.(answer, request);
	if (bodyHint) {
		throw toNodeApiError(this.getNode(), { status: answer.status, body: answer.json ?? answer.text, headers: {}, message: bodyHint.message }, context, bodyHint);
	}
	if (!request.expect.accepts(answer)) throw unexpectedAnswerError(this.getNode(), answer, request.expect, context);
	return answer.json;
}

/**
 * The one way nodes talk to a provider: builds the URL from the credential, sends through n8n's
 * authenticated helper (so logins and 401 refreshes apply), retries what is safe to retry, checks
 * the answer against what the request expects, and turns every failure — including errors sent
 * with HTTP 200 and answers of the wrong shape — into a NodeApiError.
 */
export async function providerRequest<T = unknown>(this: RequestContext, spec: ProviderSpec, request: ApiRequest): Promise<T> {
	const facts = await credentialFacts.call(this, spec);
	const { url, qs } = buildUrl(facts.base, request.path, request.qs);
	const context: ErrorContext = { spec, request, secrets: facts.secrets, rateLimited: false };
	const startedAt = Date.now();
	const options = (): IHttpRequestOptions => ({
		method: request.method,
		url,
		qs,
		body: request.body,
		json: true,
		arrayFormat: 'brackets',
		headers: { Accept: 'application/json', ...request.headers },
		skipSslCertificateValidation: facts.ignoreSsl,
		timeout: requestTimeout.ms,
		returnFullResponse: true,
	});
	const send = async (additional?: IAdditionalCredentialOptions) =>
		await withRetries(
			request.method,
			async () => {
				const answered = spec.pacing ? await takeTurn(facts.accountKey, spec.pacing, request.method !== 'GET') : undefined;
				try {
					return (await this.helpers.httpRequestWithAuthentication.call(this, spec.credentialType, options(), additional)) as IN8nHttpFullResponse;
				} finally {
					answered?.();
				}
			},
			(error) => {
				const failure = failureOf(error, facts, startedAt);
				context.rateLimited = failure.status !== undefined && (spec.isRateLimited?.(failure.status, failure.body) ?? false);
				const retryAfter = failure.headers['retry-after'] ?? (context.rateLimited ? spec.rateLimitRetryAfter?.() : undefined);
				if ((context.rateLimited || failure.status === 429) && spec.pacing) slowDown(facts.accountKey, retryAfterMs(retryAfter, 0));
				// A failed login already had its own retries.
				return { ...failure, networkCode: failure.loginFailure ? undefined : failure.networkCode, retryAfter, rateLimited: context.rateLimited };
			},
		);
	let sent = spec.tokenField ? await credentialToSend(this, spec) : undefined;
	let outcome = await send(sent);
	if (tokenExpired(spec, outcome)) {
		markTokenRefused(tokenCarried(spec, sent));
		sent = await credentialToSend(this, spec, '');
		outcome = await send(sent);
	}
	// The refresh handed this process's newest token on, which another process (a queue-mode worker)
	// may have seen refused already: mark it and log in for real, once.
	const handedOn = facts.loginFingerprint ? tokensHandedOnSince(facts.loginFingerprint, startedAt) : [];
	const carried = tokenCarried(spec, sent);
	if (typeof carried === 'string' && handedOn.includes(carried) && tokenRefused(spec, outcome)) {
		markTokenRefused(carried);
		outcome = await send(await credentialToSend(this, spec, ''));
	}
	if (!outcome.ok) throw toNodeApiError(this.getNode(), failureOf(outcome.error, facts, startedAt), context);
	const response = outcome.value;
	return checkAnswer.call(this, readAnswer(response.statusCode, response.headers, response.body), context) as T;
}

export interface PagedRequest {
	path: string;
	qs?: IDataObject;
	strategy: PagingStrategy;
	pageSize: number;
	/** Undefined means "return all". */
	limit?: number;
}

/** Every page of a list, each checked like any answer; paging that cannot end safely is an error, never a short list. */
export async function providerPages(this: RequestContext, spec: ProviderSpec, list: PagedRequest): Promise<IDataObject[]> {
	const fetchPage = async (query: IDataObject, expect: ApiRequest['expect']) =>
		await providerRequest.call(this, spec, { method: 'GET', path: list.path, qs: { ...list.qs, ...query }, expect });
	const stuck = (reason: string) => {
		const message = `${spec.displayName} paging stopped: ${reason}`;
		return new NodeApiError(this.getNode(), { message }, { message, description: `The item stopped here so that no record is lost. [GET ${list.path}]` });
	};
	return await collectPages(list.strategy, fetchPage, { limit: list.limit, pageSize: list.pageSize, stuck });
}

export type ObjectRequest = (
	this: RequestContext,
	method: IHttpRequestMethods,
	path: string,
	expect: ApiRequest['expect'],
	options?: { qs?: IDataObject; body?: IDataObject },
) => Promise<IDataObject>;

/** A provider's request function for answers that are JSON objects (their shape is what `expect` says). */
export function objectRequest(policyOf: ProviderSpec | ((context: RequestContext) => ProviderSpec)): ObjectRequest {
	return async function (this: RequestContext, method, path, expect, options = {}) {
		const spec = typeof policyOf === 'function' ? policyOf(this) : policyOf;
		return (await providerRequest.call(this, spec, { method, path, expect, ...options })) as IDataObject;
	};
}
