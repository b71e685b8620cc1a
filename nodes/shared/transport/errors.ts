import { NodeApiError } from 'n8n-workflow';
import type { ICredentialType, INode, JsonObject } from 'n8n-workflow';

import { excerpt } from './answer';
import type { Answer, Expectation } from './answer';
import { isIdempotent, requestTimeout } from './retry';
import { LoginFailedError } from './session';
import type { LoginFailureKind } from './session';
import type { ApiRequest, ErrorHint, ProviderSpec } from './types';

export interface Failure {
	status?: number;
	body?: unknown;
	headers: Record<string, string>;
	networkCode?: string;
	message: string;
	/** Set when the credential's login (preAuthentication) failed: its message is already user-ready. */
	loginFailure?: LoginFailedError;
}

interface ErrorLike {
	name?: string;
	message?: string;
	code?: string;
	httpCode?: string | null;
	response?: { status?: number; data?: unknown; headers?: Record<string, string> };
	context?: { data?: unknown };
	cause?: ErrorLike;
}

function findLoginFailure(error: ErrorLike | undefined): LoginFailedError | undefined {
	for (let current = error, depth = 0; current && depth < 5; current = current.cause, depth++) {
		if (current instanceof LoginFailedError) return current;
	}
	return undefined;
}

/** Reads status, body and headers from whatever n8n's request helper threw. */
export function readFailure(error: unknown): Failure {
	const outer = (error ?? {}) as ErrorLike;
	const loginFailure = findLoginFailure(outer);
	if (loginFailure) return { headers: {}, message: loginFailure.message, loginFailure };
	const response = outer.response ?? outer.cause?.response;
	const status = response?.status ?? (outer.httpCode ? Number(outer.httpCode) : undefined);
	return {
		status: Number.isFinite(status) ? status : undefined,
		// n8n 1.x keeps no `cause` on request errors; the parsed body is only in `context.data`.
		body: response?.data ?? outer.context?.data,
		headers: response?.headers ?? {},
		networkCode: outer.cause?.code ?? outer.code,
		message: String(outer.message ?? error),
	};
}

function stripHtml(text: string): string {
	return text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
}

function flattenFieldBag(body: Record<string, unknown>): string | undefined {
	const parts: string[] = [];
	for (const [field, value] of Object.entries(body)) {
		if (value && typeof value === 'object' && !Array.isArray(value)) {
			const texts = Object.values(value).filter((text) => typeof text === 'string');
			if (texts.length) parts.push(`${field}: ${texts.join(', ')}`);
		} else if (Array.isArray(value) && value.every((text) => typeof text === 'string')) {
			parts.push(`${field}: ${value.join(', ')}`);
		}
	}
	return parts.length ? parts.join('; ') : undefined;
}

/** Strapi's Boom envelope: `message: [{ messages: [{ id, message }] }]`. */
function nestedMessages(value: unknown): string | undefined {
	if (!Array.isArray(value)) return undefined;
	const texts = value
		.flatMap((entry) => (Array.isArray((entry as { messages?: unknown })?.messages) ? (entry as { messages: unknown[] }).messages : [entry]))
		.map((entry) => (entry as { message?: unknown })?.message)
		.filter((text): text is string => typeof text === 'string');
	return texts.length ? texts.join('; ') : undefined;
}

/** The provider's own words about a failure, from the common body shapes. */
export function providerText(body: unknown): string | undefined {
	if (body === undefined || body === null || body === '') return undefined;
	if (typeof body === 'string') return stripHtml(body).slice(0, 300) || undefined;
	if (typeof body !== 'object' || Array.isArray(body)) return undefined;
	const record = body as Record<string, unknown>;
	for (const key of ['message', 'error', 'result']) {
		const value = record[key];
		if (typeof value === 'string' && value.trim()) return stripHtml(value);
		const nested = nestedMessages(value);
		if (nested) return nested;
	}
	return railsErrors(record.errors) ?? flattenFieldBag(record);
}

/** `errors: { base: "…", field: ["…"] }` (Rails in Fuse, Laravel 422 in Faveo). */
function railsErrors(errors: unknown): string | undefined {
	if (!errors || typeof errors !== 'object' || Array.isArray(errors)) return undefined;
	const parts = Object.entries(errors as Record<string, unknown>).map(([field, value]) => {
		const text = Array.isArray(value) ? value.join(', ') : String(value);
		return field === 'base' ? text : `${field}: ${text}`;
	});
	return parts.length ? parts.join('; ') : undefined;
}

export function looksLikeHtml(body: unknown): boolean {
	return typeof body === 'string' && /<(!doctype|html|head|body)\b/i.test(body);
}

/** Replaces every secret (and its space-free variant) with asterisks. */
export function redact(text: string, secrets: string[]): string {
	let clean = text;
	const variants = secrets.flatMap((secret) => [secret, secret.replace(/\s+/g, '')]);
	for (const secret of variants.filter((value) => value.length >= 4).sort((a, b) => b.length - a.length)) {
		clean = clean.split(secret).join('***');
	}
	return clean;
}

const UNREACHABLE = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'];
const TIMED_OUT = ['ECONNABORTED', 'ETIMEDOUT'];

/**
 * Network error codes in words. Messages never carry the raw code: n8n replaces any message that
 * contains one with its own generic sentence.
 */
export function networkWords(code: string | undefined): string {
	const words: Record<string, string> = {
		ECONNREFUSED: 'connection refused',
		ENOTFOUND: 'host name not found',
		EAI_AGAIN: 'host name lookup failed',
		EHOSTUNREACH: 'host unreachable',
		ENETUNREACH: 'network unreachable',
		ECONNRESET: 'connection reset',
		EPIPE: 'connection closed',
		ECONNABORTED: 'timed out',
		ETIMEDOUT: 'timed out',
	};
	return (code && words[code]) || 'no answer';
}

/** A request that got no HTTP answer: never reached the server, timed out, or lost its connection. */
function networkHint(spec: ProviderSpec, failure: Failure, request: ApiRequest): ErrorHint {
	const name = spec.displayName;
	const code = failure.networkCode ?? '';
	const codeNote = code ? ` (${code})` : '';
	if (UNREACHABLE.includes(code)) {
		return { message: `Could not reach ${name}: ${networkWords(code)}`, description: `Check the base URL in the credential and that the server is online${codeNote}.` };
	}
	if (/CERT|SSL|TLS/i.test(code)) {
		return { message: `${name}’s TLS certificate was not accepted`, description: `Check the base URL; a self-signed test server needs the credential’s "Ignore SSL Issues" option where it has one${codeNote}.` };
	}
	const what = TIMED_OUT.includes(code)
		? `${name} did not answer within ${requestTimeout.ms < 1000 ? `${requestTimeout.ms} ms` : `${Math.round(requestTimeout.ms / 1000)} s`}`
		: `The connection to ${name} broke before its answer arrived`;
	if (!isIdempotent(request.method)) {
		return {
			message: what,
			description: `The server was reached, so the ${request.method} request may or may not have been processed. Check in ${name} before you run it again, or it may be done twice${codeNote}.`,
		};
	}
	return { message: what, description: `The node tried again a few times. Try later; if it persists, check the server${codeNote}.` };
}

function genericHint(spec: ProviderSpec, failure: Failure, request: ApiRequest, rateLimited: boolean): ErrorHint {
	const name = spec.displayName;
	const status = failure.status;
	if (status === undefined) return networkHint(spec, failure, request);
	if (rateLimited || status === 429) {
		return {
			message: `${name} is rate limiting the requests (HTTP ${status})`,
			description: 'The node already waited and retried. Try again later, or process fewer items per run.',
		};
	}
	if (status === 401) return { message: `${name} rejected the credentials (HTTP 401)`, description: 'Check the username and password in the credential.' };
	if (status === 403) return { message: `${name} refused access (HTTP 403)`, description: 'The account in the credential lacks permission for this operation.' };
	if (status === 404) return { message: `${name} could not find the requested resource (HTTP 404)`, description: 'Check the ID and the base URL in the credential.' };
	if (looksLikeHtml(failure.body)) {
		return {
			message: `${name} answered HTTP ${status} with a web page instead of JSON`,
			description: 'The server had an internal error, or the base URL does not point at the API.',
		};
	}
	return { message: `${name} returned HTTP ${status}` };
}

const LOGIN_ADVICE: Record<LoginFailureKind, string> = {
	rejected: 'Check the credential. Other items of this run got the same answer without another login attempt, so repeated failures do not lock the account.',
	misconfigured: 'Check the base URL in the credential.',
	server: 'Nothing is wrong with the credentials: try again later, or ask the server’s administrator.',
	unreachable: 'Check the base URL in the credential and that the server is online.',
};

/** A miss the provider reported in its own way (200 with null, an empty body, …), worded once. */
export function notFoundError(node: INode, message: string, description?: string): NodeApiError {
	return new NodeApiError(node, { message }, { message, description, httpCode: '404' });
}

export interface ErrorContext {
	spec: ProviderSpec;
	request: ApiRequest;
	secrets: string[];
	rateLimited?: boolean;
}

/** Builds the one NodeApiError users see: actionable message, provider's words, no secrets. */
export function toNodeApiError(node: INode, failure: Failure, context: ErrorContext, bodyHint?: ErrorHint): NodeApiError {
	const { spec, request, secrets } = context;
	const login = failure.loginFailure;
	const hint =
		bodyHint ??
		(login ? { message: login.message, description: LOGIN_ADVICE[login.kind] } : undefined) ??
		(failure.status !== undefined ? spec.explainStatus(failure.status, failure.body, request) : undefined) ??
		genericHint(spec, failure, request, context.rateLimited ?? false);
	const said = providerText(failure.body);
	const details = [hint.description, said && !hint.message.includes(said) ? `${spec.displayName} said: ${said}` : undefined]
		.filter(Boolean)
		.join(' ');
	const message = redact(hint.message, secrets);
	const description = redact(`${details} [${request.method} ${request.path}]`.trim(), secrets);
	const response: JsonObject = { message: redact(said ?? hint.message, secrets) };
	return new NodeApiError(node, response, {
		message,
		description,
		httpCode: failure.status !== undefined ? String(failure.status) : undefined,
	});
}

/**
 * A 2xx answer that is not what the request expects (a web page, a cut-off document, an empty body,
 * JSON of another shape). The item stops here: treating it as data or as "no records" loses records.
 */
export function unexpectedAnswerError(node: INode, answer: Answer, expectation: Expectation, context: ErrorContext): NodeApiError {
	const { spec, request, secrets } = context;
	const kind = answer.contentType ? `, ${answer.contentType.split(';')[0]}` : '';
	const hint = spec.explainUnexpected?.(answer, request);
	const description = [
		`Expected ${expectation.what}; got HTTP ${answer.status}${kind}: ${excerpt(answer)}.`,
		'The item stopped here so that no record is lost or half-written.',
		hint ?? 'Check the base URL in the credential; if it is right, the server or a proxy in front of it had a problem: run it again later.',
		`[${request.method} ${request.path}]`,
	].join(' ');
	const message = `${spec.displayName} answered with something that is not the expected JSON`;
	return new NodeApiError(node, { message }, { message, description: redact(description, secrets), httpCode: String(answer.status) });
}

/** The credential fields whose values are secrets: the ones n8n itself treats as passwords. */
export const secretFieldsOf = (credential: ICredentialType): string[] =>
	credential.properties.filter((property) => property.typeOptions?.password === true).map((property) => property.name);

/** The hidden field where n8n stores the login's token (the one marked expirable), for token credentials. */
export const tokenFieldOf = (credential: ICredentialType): string | undefined =>
	credential.properties.find((property) => property.typeOptions?.expirable === true)?.name;
