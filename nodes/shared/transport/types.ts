import type { Answer, Expectation } from './answer';
import type { Pacing } from './pacing';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

export type RequestContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions | IHookFunctions | IWebhookFunctions;

/** Where a provider's API lives, derived from the credential. */
export interface ApiBase {
	/** Absolute URL of the API root, no trailing slash (e.g. https://site/blog/wp-json/fluent-crm/v2). */
	root: string;
	/** WordPress sites without pretty permalinks: send the route in `?rest_route=` instead of the path. */
	restRoute?: { siteUrl: string; prefix: string };
}

export interface ApiRequest {
	method: IHttpRequestMethods;
	/** Path relative to the API root, starting with `/`. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[];
	headers?: IDataObject;
	/** What the answer must be; anything else is an error, never data. */
	expect: Expectation;
}

/** What a provider knows about its own failures. */
export interface ErrorHint {
	message: string;
	description?: string;
}

export interface ProviderSpec {
	/** Shown in messages: "FluentCRM rejected the request …". */
	displayName: string;
	credentialType: string;
	apiBase(credentials: ICredentialDataDecryptedObject): ApiBase;
	/** Turns an HTTP status (and its parsed body) into advice the user can act on. */
	explainStatus(status: number, body: unknown, request: ApiRequest): ErrorHint | undefined;
	/** Errors that providers send with a 2xx status (seen before the answer is checked against the expectation). */
	bodyError?(answer: Answer, request: ApiRequest): ErrorHint | undefined;
	/** What to check when a 2xx answer is not what the request expects (e.g. a site that answers with a web page). */
	explainUnexpected?(answer: Answer, request: ApiRequest): string | undefined;
	/** The login's identity (as hashed by the credential's login), for token credentials. */
	loginIdentity?(credentials: ICredentialDataDecryptedObject): unknown[];
	/** Replies that mean "slow down" besides 429 (Nexudus 409, Faveo 500 "Too Many Attempts."). */
	isRateLimited?(status: number, body: unknown): boolean;
	/** Credential fields whose values must never appear in messages or outputs. */
	secretFields: string[];
	/** Credential field that switches off TLS certificate checks, if the credential has one. */
	ignoreSslField?: string;
	/** How long to wait on a rate-limit reply without Retry-After (default: exponential back-off). */
	rateLimitRetryAfter?(): string | undefined;
	/** The credential's hidden token field (n8n's expirable property), for credentials that log in. */
	tokenField?: string;
	/**
	 * Replies that mean "this token expired" without an HTTP 401 (Faveo 1.9 answers 200 `token_expired`).
	 * The kernel marks the token refused and forces one fresh login through the token field.
	 */
	expiredToken?(status: number | undefined, body: unknown): boolean;
	/** Documented request budgets; the kernel spaces requests to stay under them. */
	pacing?: Pacing;
	/** Paths the package refuses to call, even through the API Request operation. */
	forbiddenPath?(method: IHttpRequestMethods, path: string): string | undefined;
}
