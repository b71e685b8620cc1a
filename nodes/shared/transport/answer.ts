import type { IDataObject } from 'n8n-workflow';

/** One HTTP answer as the kernel judges it: parsed JSON, or the raw text when it is not JSON. */
export interface Answer {
	status: number;
	contentType: string;
	/** True when the body was empty. */
	empty: boolean;
	/** The parsed body, when it was JSON. */
	json?: unknown;
	/** The body as received, when it was not JSON (an HTML page, a cut-off document, plain text). */
	text?: string;
}

/**
 * What a request must get back. Anything else stops the item with an error instead of becoming
 * data or "nothing": a sync must never mistake a broken answer for an empty list.
 */
export interface Expectation {
	/** For messages, e.g. `a JSON object with "subscriber"`. */
	what: string;
	accepts(answer: Answer): boolean;
}

export const isRecord = (value: unknown): value is IDataObject => value !== null && typeof value === 'object' && !Array.isArray(value);

const isJson = (answer: Answer) => !answer.empty && answer.text === undefined;

export function expectObject(...keys: string[]): Expectation {
	return {
		what: keys.length ? `a JSON object with ${keys.map((key) => `"${key}"`).join(' and ')}` : 'a JSON object',
		accepts: (answer) => isJson(answer) && isRecord(answer.json) && keys.every((key) => key in (answer.json as IDataObject)),
	};
}

export const expectArray: Expectation = {
	what: 'a JSON array',
	accepts: (answer) => isJson(answer) && Array.isArray(answer.json),
};

export const expectNumber: Expectation = {
	what: 'a number',
	accepts: (answer) => isJson(answer) && typeof answer.json === 'number' && Number.isFinite(answer.json),
};

const noContent = (answer: Answer) => answer.empty && answer.status === 204;

/** Any JSON document; for writes also "204 No Content" (an empty 200 is not a success signal). */
export function expectJsonFor(method: string): Expectation {
	return {
		what: method === 'GET' ? 'a JSON document' : 'a JSON document or "204 No Content"',
		accepts: (answer) => isJson(answer) || (method !== 'GET' && noContent(answer)),
	};
}

/** The same expectation, or "204 No Content" (a write that answers with nothing on purpose). */
export function orNoContent(expectation: Expectation): Expectation {
	return { what: `${expectation.what} or "204 No Content"`, accepts: (answer) => noContent(answer) || expectation.accepts(answer) };
}

/** The same expectation, but an empty body is a valid answer too: only for a provider's documented "nothing here". */
export function orEmpty(expectation: Expectation): Expectation {
	return { what: `${expectation.what} or an empty answer`, accepts: (answer) => answer.empty || expectation.accepts(answer) };
}

/** Reads a 2xx body as n8n's request helper delivered it (JSON parsed, anything else a string). */
export function readAnswer(status: number, headers: IDataObject | undefined, body: unknown): Answer {
	const contentType = String(headers?.['content-type'] ?? '');
	if (body === undefined || body === '') return { status, contentType, empty: true };
	if (typeof body !== 'string') return { status, contentType, empty: false, json: body };
	const trimmed = body.trim();
	if (trimmed === '') return { status, contentType, empty: true };
	try {
		return { status, contentType, empty: false, json: JSON.parse(trimmed) };
	} catch {
		return { status, contentType, empty: false, text: body };
	}
}

/** A short, single-line sample of what arrived, for error messages. */
export function excerpt(answer: Answer, length = 120): string {
	if (answer.empty) return 'an empty body';
	const raw = answer.text ?? JSON.stringify(answer.json);
	const line = raw.replace(/\s+/g, ' ').trim();
	return `"${line.length > length ? `${line.slice(0, length)}…` : line}"`;
}
