import { useFakeClock } from '../harness/fakeClock';
import { useFaveo } from './setup';

const getTicket = { resource: 'ticket', operation: 'get', ticketId: '={{ $json.id }}' };

/** Each request moves the emulator's clock by one second, so a 100 s token expires every ~100 requests. */
function requestClock() {
	const state = { requests: 0, start: Date.now() };
	return { state, now: () => state.start + state.requests * 1000 };
}

describe.each([
	['2.x (401 on expiry)', '2'],
	['1.9 (HTTP 200 token_expired)', '1.9'],
])('Faveo %s', (_label, version) => {
	const clock = requestClock();
	const faveo = useFaveo({ version, tokenTtlSeconds: 100, now: clock.now });
	// Pacing (55 requests/minute) waits in fake time here; the emulator's throttle is off.
	useFakeClock();

	it('logs in with the credentials in the JSON body, never in the URL', async () => {
		await faveo.run(getTicket, [{ id: 1 }], { credentialId: faveo.addCredential() });
		const login = faveo.calls().find((request) => request.path.endsWith('/api/v1/authenticate'))!;
		expect(login.method).toBe('POST');
		expect(login.query).toEqual({});
		expect(faveo.emulator.counters.credentialsInQuery).toBe(0);
		expect(faveo.calls().every((request) => !JSON.stringify(request.query).includes('demopass'))).toBe(true);
	});

	it('300 items while tokens expire every ~100 s: no failed item, logins = expiries + 1', async () => {
		const ids = faveo.emulator.state.tickets.map((ticket) => ticket.id);
		const items = Array.from({ length: 300 }, (_, index) => ({ id: ids[index % ids.length] }));
		// An account no other test logged in with, so the run starts truly cold.
		const credentialId = faveo.addCredential({ username: version === '2' ? 'amelia.hart' : 'rohan.mehta', password: version === '2' ? 'agentpass1' : 'agentpass2' });
		const counting = faveo.emulator.requests.push.bind(faveo.emulator.requests);
		faveo.emulator.requests.push = (...entries) => {
			clock.state.requests += entries.length;
			return counting(...entries);
		};
		const result = await faveo.run(getTicket, items, { credentialId });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(300);
		expect(result.items.every((item) => item.json.error === undefined && typeof item.json.id === 'number')).toBe(true);
		// The emulator counts both the 2.x 401 and the 1.9 200-body expiry replies.
		const expiries = faveo.emulator.counters.expiredTokenReplies;
		expect(expiries).toBeGreaterThanOrEqual(2);
		expect(faveo.emulator.counters.logins).toBe(expiries + 1);
	});
});
