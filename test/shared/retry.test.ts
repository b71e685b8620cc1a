import { MAX_RATE_LIMIT_RETRIES, MAX_RETRIES, retryAfterMs, retryClock, retryDelay, withRetries } from '../../nodes/shared/transport/retry';

describe('retryDelay', () => {
	it('honours Retry-After in seconds and as an HTTP date, capped at 60 s', () => {
		expect(retryAfterMs('2', 0)).toBe(2000);
		expect(retryAfterMs(new Date(Date.now() + 5000).toUTCString(), 0)).toBeGreaterThan(3000);
		expect(retryAfterMs('3600', 0)).toBe(60_000);
		expect(retryAfterMs(undefined, 1)).toBe(2000);
		expect(retryAfterMs('soon', 2)).toBe(4000);
	});

	it('retries rate limits for any method, transient failures only for idempotent ones', () => {
		expect(retryDelay('POST', { status: 429, rateLimited: false, retryAfter: '1' }, 0)).toBe(1000);
		expect(retryDelay('POST', { status: 409, rateLimited: true }, 0)).toBe(1000);
		expect(retryDelay('POST', { status: 503, rateLimited: false }, 0)).toBeUndefined();
		expect(retryDelay('GET', { status: 503, rateLimited: false }, 0)).toBe(1000);
		expect(retryDelay('PUT', { networkCode: 'ECONNRESET', rateLimited: false }, 0)).toBe(1000);
		expect(retryDelay('POST', { networkCode: 'ECONNRESET', rateLimited: false }, 0)).toBeUndefined();
	});

	it('never retries client errors, failures more than MAX_RETRIES times, or rate limits more than MAX_RATE_LIMIT_RETRIES times', () => {
		for (const status of [400, 401, 403, 404, 422, 500]) expect(retryDelay('GET', { status, rateLimited: false }, 0)).toBeUndefined();
		expect(retryDelay('GET', { status: 503, rateLimited: false }, MAX_RETRIES)).toBeUndefined();
		expect(MAX_RATE_LIMIT_RETRIES).toBeGreaterThan(MAX_RETRIES);
		expect(retryDelay('GET', { status: 429, rateLimited: false, retryAfter: '1' }, MAX_RETRIES)).toBe(1000);
		expect(retryDelay('POST', { status: 409, rateLimited: true, retryAfter: '1' }, MAX_RATE_LIMIT_RETRIES - 1)).toBe(1000);
		expect(retryDelay('GET', { status: 429, rateLimited: false }, MAX_RATE_LIMIT_RETRIES)).toBeUndefined();
	});
});

describe('withRetries', () => {
	const waits: number[] = [];
	const realSleep = retryClock.sleep;
	beforeEach(() => {
		waits.length = 0;
		retryClock.sleep = async (ms) => {
			waits.push(ms);
		};
	});
	afterAll(() => {
		retryClock.sleep = realSleep;
	});

	it('stops after MAX_RETRIES retries and hands back the last error', async () => {
		let calls = 0;
		const outcome = await withRetries('GET', async () => {
			calls++;
			throw new Error(`fail ${calls}`);
		}, () => ({ status: 503, rateLimited: false, retryAfter: '1' }));
		expect(calls).toBe(MAX_RETRIES + 1);
		expect(waits).toEqual([1000, 1000, 1000]);
		expect(outcome).toEqual({ ok: false, error: new Error(`fail ${MAX_RETRIES + 1}`) });
	});

	it('a rate limit is waited out up to MAX_RATE_LIMIT_RETRIES times, as long as the server asks each time', async () => {
		let calls = 0;
		const outcome = await withRetries('POST', async () => {
			calls++;
			throw new Error(`refused ${calls}`);
		}, () => ({ status: 409, rateLimited: true, retryAfter: '2' }));
		expect(calls).toBe(MAX_RATE_LIMIT_RETRIES + 1);
		expect(waits).toEqual(Array.from({ length: MAX_RATE_LIMIT_RETRIES }, () => 2000));
		expect(outcome).toEqual({ ok: false, error: new Error(`refused ${MAX_RATE_LIMIT_RETRIES + 1}`) });
	});

	it('returns the first success', async () => {
		let calls = 0;
		const outcome = await withRetries('GET', async () => {
			if (++calls < 3) throw new Error('busy');
			return 'done';
		}, () => ({ status: 503, rateLimited: false }));
		expect(outcome).toEqual({ ok: true, value: 'done' });
		expect(waits).toEqual([1000, 2000]);
	});
});
