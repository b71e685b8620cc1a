import { sleep } from 'n8n-workflow';
import type { IHttpRequestMethods } from 'n8n-workflow';

export const MAX_RETRIES = 3;
/** A rate-limit refusal means "not processed, come back later": worth more patience than a failure. */
export const MAX_RATE_LIMIT_RETRIES = 10;
const MAX_WAIT_MS = 60_000;
const BACKOFF_MS = [1_000, 2_000, 4_000];
const IDEMPOTENT: IHttpRequestMethods[] = ['GET', 'HEAD', 'PUT', 'DELETE'];
const TRANSIENT_STATUS = [502, 503, 504];
const NETWORK_CODES = ['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'ECONNABORTED', 'EPIPE', 'EAI_AGAIN'];

/** Replaceable so tests can record waits instead of sleeping through them. */
export const retryClock = { sleep: (ms: number): Promise<void> => sleep(ms) };

/** How long one request may wait for its answer; replaceable so tests need not wait that long. */
export const requestTimeout = { ms: 120_000 };

export interface FailureFacts {
	status?: number;
	networkCode?: string;
	retryAfter?: string;
	rateLimited: boolean;
}

/** Seconds or an HTTP date, as RFC 9110 allows; falls back to exponential back-off. */
export function retryAfterMs(header: string | undefined, attempt: number, now = Date.now()): number {
	const fallback = BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length - 1)];
	if (!header) return fallback;
	const seconds = Number(header);
	const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - now;
	if (!Number.isFinite(ms) || ms < 0) return fallback;
	return Math.min(ms, MAX_WAIT_MS);
}

/** How long to wait before the next attempt, or undefined when the failure must not be retried. */
export function retryDelay(method: IHttpRequestMethods, facts: FailureFacts, attempt: number): number | undefined {
	if (facts.rateLimited || facts.status === 429) return attempt < MAX_RATE_LIMIT_RETRIES ? retryAfterMs(facts.retryAfter, attempt) : undefined;
	if (attempt >= MAX_RETRIES) return undefined;
	if (!isIdempotent(method)) return undefined;
	const transient =
		(facts.status !== undefined && TRANSIENT_STATUS.includes(facts.status)) ||
		(facts.status === undefined && facts.networkCode !== undefined && NETWORK_CODES.includes(facts.networkCode));
	return transient ? retryAfterMs(facts.retryAfter, attempt) : undefined;
}

export const isIdempotent = (method: IHttpRequestMethods): boolean => IDEMPOTENT.includes(method);

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

async function attempt<T>(send: () => Promise<T>): Promise<Outcome<T>> {
	try {
		return { ok: true, value: await send() };
	} catch (error) {
		return { ok: false, error };
	}
}

/** Runs `send`, retrying as `retryDelay` allows; the caller words the final failure. */
export async function withRetries<T>(
	method: IHttpRequestMethods,
	send: () => Promise<T>,
	classify: (error: unknown) => FailureFacts,
): Promise<Outcome<T>> {
	for (let tries = 0; ; tries++) {
		const outcome = await attempt(send);
		if (outcome.ok) return outcome;
		const wait = retryDelay(method, classify(outcome.error), tries);
		if (wait === undefined) return outcome;
		await retryClock.sleep(wait);
	}
}
