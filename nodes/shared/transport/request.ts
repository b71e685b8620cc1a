import type { IAdditionalCredentialOptions, IHttpRequestOptions } from 'n8n-workflow';

import { readFailure, toNodeApiError } from './errors';
import { takeTurn } from './pacing';
import { withRetries } from './retry';
import type { Outcome } from './retry';
import type { ApiBase, ApiRequest, ProviderSpec, RequestContext } from './types';
import { buildUrl } from './url';

interface CredentialFacts {
	base: ApiBase;
	secrets: string[];
	ignoreSsl: boolean;
	/** "This credential at this server", for pacing (no secrets in it). */
	accountKey: string;
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
 * For tokens a provider rejects without a 401: hand n8n the credential with an emptied token, so its
 * preAuthentication logs in (once, shared) and persists the new token (n8n.md §1.6). The stale token
 * travels along so the shared login can tell whether someone already replaced it.
 */
async function withEmptiedToken(context: RequestContext, spec: ProviderSpec, field: string): Promise<IAdditionalCredentialOptions> {
	const reference = context.getNode().credentials?.[spec.credentialType];
	const data = await context.getCredentials(spec.credentialType);
	return {
		credentialsDecrypted: {
			id: reference?.id ?? '',
			name: reference?.name ?? spec.credentialType,
			type: spec.credentialType,
			data: { ...data, [field]: '', expiredToken: data[field] },
		},
	};
}

function tokenExpired(spec: ProviderSpec, outcome: Outcome<unknown>): boolean {
	if (!spec.expiredToken) return false;
	if (outcome.ok) return spec.expiredToken.test(200, outcome.value);
	const failure = readFailure(outcome.error);
	return failure.status !== undefined && spec.expiredToken.test(failure.status, failure.body);
}

/**
 * The one way nodes talk to a provider: builds the URL from the credential, sends through
 * n8n's authenticated helper (so logins and 401 refreshes apply), retries what is safe to
 * retry, and turns every failure — including errors sent with HTTP 200 — into a NodeApiError.
 */
export async function providerRequest<T = unknown>(this: RequestContext, spec: ProviderSpec, request: ApiRequest): Promise<T> {
	const facts = await credentialFacts.call(this, spec);
	const { url, qs } = buildUrl(facts.base, request.path, request.qs);
	const errorContext = { spec, request, secrets: facts.secrets, rateLimited: false };
	const options = (): IHttpRequestOptions => ({
		method: request.method,
		url,
		qs,
		body: request.body,
		json: true,
		arrayFormat: 'brackets',
		headers: { Accept: 'application/json', ...request.headers },
		skipSslCertificateValidation: facts.ignoreSsl,
	});
	const send = async (additional?: IAdditionalCredentialOptions) =>
		await withRetries(
			request.method,
			async () => {
				if (spec.pacing) await takeTurn(facts.accountKey, spec.pacing, request.method !== 'GET');
				return await this.helpers.httpRequestWithAuthentication.call(this, spec.credentialType, options(), additional);
			},
			(error) => {
				const failure = readFailure(error);
				errorContext.rateLimited = failure.status !== undefined && (spec.isRateLimited?.(failure.status, failure.body) ?? false);
				const retryAfter = failure.headers['retry-after'] ?? (errorContext.rateLimited ? spec.rateLimitRetryAfter?.() : undefined);
				return { ...failure, retryAfter, rateLimited: errorContext.rateLimited };
			},
		);
	let outcome = await send();
	if (spec.expiredToken && tokenExpired(spec, outcome)) {
		outcome = await send(await withEmptiedToken(this, spec, spec.expiredToken.field));
	}
	if (!outcome.ok) throw toNodeApiError(this.getNode(), readFailure(outcome.error), errorContext);
	const body = outcome.value;
	const bodyHint = spec.bodyError?.(body, request);
	if (bodyHint) {
		throw toNodeApiError(this.getNode(), { body, headers: {}, message: bodyHint.message }, errorContext, bodyHint);
	}
	return body as T;
}
