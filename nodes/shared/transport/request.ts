import type { IHttpRequestOptions } from 'n8n-workflow';

import { readFailure, toNodeApiError } from './errors';
import { takeTurn } from './pacing';
import { loginFingerprint } from './session';
import { withRetries } from './retry';
import type { ApiBase, ApiRequest, ProviderSpec, RequestContext } from './types';
import { buildUrl } from './url';

interface CredentialFacts {
	base: ApiBase;
	secrets: string[];
	ignoreSsl: boolean;
	/** Non-secret key of "this account at this server", for pacing. */
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
		accountKey: loginFingerprint(spec.credentialType, base.root, ...secrets),
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
 * The one way nodes talk to a provider: builds the URL from the credential, sends through
 * n8n's authenticated helper (so logins and 401 refreshes apply), retries what is safe to
 * retry, and turns every failure — including errors sent with HTTP 200 — into a NodeApiError.
 */
export async function providerRequest<T = unknown>(
	this: RequestContext,
	spec: ProviderSpec,
	request: ApiRequest,
): Promise<T> {
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
	const outcome = await withRetries(
		request.method,
		async () => {
			if (spec.pacing) await takeTurn(facts.accountKey, spec.pacing, request.method !== 'GET');
			return await this.helpers.httpRequestWithAuthentication.call(this, spec.credentialType, options());
		},
		(error) => {
			const failure = readFailure(error);
			errorContext.rateLimited = failure.status !== undefined && (spec.isRateLimited?.(failure.status, failure.body) ?? false);
			return { ...failure, retryAfter: failure.headers['retry-after'], rateLimited: errorContext.rateLimited };
		},
	);
	if (!outcome.ok) throw toNodeApiError(this.getNode(), readFailure(outcome.error), errorContext);
	const body = outcome.value;
	const bodyHint = spec.bodyError?.(body, request);
	if (bodyHint) {
		throw toNodeApiError(this.getNode(), { body, headers: {}, message: bodyHint.message }, errorContext, bodyHint);
	}
	return body as T;
}
