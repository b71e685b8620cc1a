/**
 * Faveo's throttle as observed on v2.0.3 (60 requests per fixed 60 s window per IP, logins
 * included, the 61st refused) against the node's pacing, on one fake clock for both.
 */
import { useFakeClock } from '../harness/fakeClock';
import { newAgent, useFaveo } from './setup';

const MINUTE = 60_000;

describe('Faveo pacing under its fixed 60 s window', () => {
	const clock = useFakeClock();
	const faveo = useFaveo({ rateLimit: 60, tokenTtlSeconds: 50, now: () => clock.now });

	it('300 items while a token expires in every window (50 s lifetime): no throttle reply, at most 60 requests (logins included) in any window', async () => {
		faveo.emulator.resetThrottle();
		faveo.emulator.resetCounters();
		const arrivals: number[] = [];
		const requests = faveo.emulator.requests;
		const push = requests.push.bind(requests);
		requests.push = (...entries) => {
			for (let i = 0; i < entries.length; i++) arrivals.push(clock.now);
			return push(...entries);
		};
		try {
			const result = await faveo.run({ resource: 'ticket', operation: 'get', ticketId: '1' }, Array.from({ length: 300 }, () => ({})), { credentialId: faveo.addCredential(newAgent(faveo.emulator)) });
			expect(result.error).toBeUndefined();
			expect(result.items.filter((item) => item.json.error !== undefined)).toEqual([]);
		} finally {
			requests.push = push;
		}
		expect(faveo.emulator.counters.expiredTokenReplies).toBeGreaterThanOrEqual(3);
		expect(faveo.emulator.counters.throttled).toBe(0);
		for (let i = 60; i < arrivals.length; i++) expect(arrivals[i] - arrivals[i - 60]).toBeGreaterThanOrEqual(MINUTE);
	});
});
