/**
 * Nexudus' request budgets, with the emulator enforcing them (one request per 100 ms, 120 a minute,
 * 409 + Retry-After beyond) on the same fake clock as the node's pacing and retry waits.
 */
import { MAX_RATE_LIMIT_RETRIES } from '../../nodes/shared/transport/retry';
import { useNexudus } from './setup';

const MINUTE = 60_000;

describe('Nexudus pacing and rate limits', () => {
	const nexudus = useNexudus({ seedCoworkers: 5, rateLimit: { enabled: true, minIntervalMs: 100, perMinute: 120, writesPerMinute: 60, retryAfterSeconds: null } });
	const getCoworker = () => ({ resource: 'coworker', operation: 'get', id: String(nexudus.emulator.state.coworkers[0].Id) });
	const items = (count: number) => Array.from({ length: count }, () => ({}));
	const arrivals = () => nexudus.calls().map((request) => request.clockMs as number);

	beforeEach(() => nexudus.emulator.resetRateLimits());

	it('paces itself: at least 100 ms between requests and at most 120 per minute, so Nexudus never throttles', async () => {
		const credentialId = nexudus.addCredential();
		const result = await nexudus.run(getCoworker(), items(130), { credentialId });
		expect(result.items).toHaveLength(130);
		expect(nexudus.emulator.counters.throttled).toBe(0);
		const times = arrivals();
		expect(times).toHaveLength(130);
		const gaps = times.slice(1).map((time, index) => time - times[index]);
		expect(Math.min(...gaps)).toBeGreaterThanOrEqual(100);
		for (let index = 120; index < times.length; index++) expect(times[index] - times[index - 120]).toBeGreaterThanOrEqual(MINUTE);
		expect(times[129] - times[0]).toBeLessThan(MINUTE + 2_000);
	});

	it('a 409 with Retry-After: the node waits as told, then every item succeeds', async () => {
		nexudus.emulator.configure({ rateLimit: { perMinute: 3 } });
		try {
			const credentialId = nexudus.addCredential();
			const result = await nexudus.run(getCoworker(), items(6), { credentialId });
			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(6);
			expect(nexudus.emulator.counters.throttled).toBe(1);
			const calls = nexudus.calls();
			const refused = calls.findIndex((request) => request.status === 409);
			expect(refused).toBe(3);
			// The 4th request came 300 ms after the 1st: Nexudus asks for the rest of the minute, rounded up to seconds.
			expect(nexudus.waits).toContain(60_000);
			expect(calls[refused + 1].clockMs! - calls[refused].clockMs!).toBe(60_000);
			expect(calls.slice(refused + 1).every((request) => request.status === 200)).toBe(true);
		} finally {
			nexudus.emulator.configure({ rateLimit: { perMinute: 120 } });
		}
	});

	it('a lasting 409 ends in a clear rate-limit error after a bounded number of retries', async () => {
		nexudus.emulator.configure({ rateLimit: { perMinute: 1, retryAfterSeconds: 2 } });
		try {
			const credentialId = nexudus.addCredential();
			const result = await nexudus.run(getCoworker(), items(2), { credentialId });
			expect(result.error?.message).toBe('Nexudus is rate limiting the requests (HTTP 409)');
			const statuses = nexudus.calls().map((request) => request.status);
			expect(statuses).toEqual([200, ...Array.from({ length: MAX_RATE_LIMIT_RETRIES + 1 }, () => 409)]);
			expect(nexudus.waits.filter((ms) => ms === 2_000)).toHaveLength(MAX_RATE_LIMIT_RETRIES);
		} finally {
			nexudus.emulator.configure({ rateLimit: { perMinute: 120, retryAfterSeconds: null } });
		}
	});
});
