import { NodeApiError } from 'n8n-workflow';
import type { INode, JsonObject } from 'n8n-workflow';

import type { ApiRequest, ErrorHint, ProviderSpec } from './types';

export interface Failure {
	status?: number;
	body?: unknown;
	headers: Record<string, string>;
	networkCode?: string;
	message: string;
	/** Set when the credential's login (preAuthentication) refused: its message is already user-ready. */
	loginFailure?: string;
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

/** How LoginFailedError messages start (see login.ts): n8n 1.x keeps the text but drops the error's class. */
const LOGIN_FAILURE_TEXT = /^(.+ login failed: |Could not reach .+ to log in)/;

function findLoginFailure(error: ErrorLike | undefined): string | undefined {
	for (let current = error, depth = 0; current && depth < 5; current = current.cause, depth++) {
		if (current.name === 'LoginFailedError') return current.message;
		if (typeof current.message === 'string' && LOGIN_FAILURE_TEXT.test(current.message)) return current.message;
	}
	return undefined;
}

/** Reads status, body and headers from whatever n8n's request helper threw. */
export function readFailure(error: unknown): Failure {
	const outer = (error ?? {}) as ErrorLike;
	const loginFailure = findLoginFailure(outer);
	if (loginFailure) return { headers: {}, message: loginFailure, loginFailure };
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

function genericHint(spec: ProviderSpec, failure: Failure, rateLimited: boolean): ErrorHint {
	const name = spec.displayName;
	const status = failure.status;
	if (status === undefined) {
		return {
			message: `Could not reach ${name}`,
			description: `${failure.networkCode ? `${failure.networkCode}: ` : ''}check the base URL in the credential and that the server is online.`,
		};
	}
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
	const hint =
		bodyHint ??
		(failure.loginFailure ? { message: failure.loginFailure, description: 'Check the credential.' } : undefined) ??
		(failure.status !== undefined ? spec.explainStatus(failure.status, failure.body, request) : undefined) ??
		genericHint(spec, failure, context.rateLimited ?? false);
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
