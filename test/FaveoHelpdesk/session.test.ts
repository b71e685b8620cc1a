import { FaveoHelpdeskApi } from '../../credentials/FaveoHelpdeskApi.credentials';
import { useFakeClock } from '../harness/fakeClock';
import { newAgent, useFaveo } from './setup';

const getTicket = { resource: 'ticket', operation: 'get', ticketId: '={{ $json.id }}' };
const CREDENTIAL_FIELDS = new FaveoHelpdeskApi().properties.map((property) => property.name);

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
	const faveo = useFaveo({ version, tokenTtlSeconds: 100, now: clock.now, seedTickets: 12 });
	// Pacing (58 requests/minute) waits in fake time here; the emulator's throttle is off.
	useFakeClock();

	it('logs in with the credentials in the JSON body, never in the URL', async () => {
		await faveo.run(getTicket, [{ id: 1 }], { credentialId: faveo.addCredential(newAgent(faveo.emulator)) });
		const login = faveo.calls().find((request) => request.path.endsWith('/api/v1/authenticate'))!;
		expect(login.method).toBe('POST');
		expect(login.query).toEqual({});
		expect(faveo.emulator.counters.credentialsInQuery).toBe(0);
	});

	it('300 items while tokens expire every ~100 s: no failed item, logins = expiries + 1', async () => {
		const ids = faveo.emulator.state.tickets.map((ticket) => ticket.id);
		const items = Array.from({ length: 300 }, (_, index) => ({ id: ids[index % ids.length] }));
		const credentialId = faveo.addCredential(newAgent(faveo.emulator));
		const requests = faveo.emulator.requests;
		const push = requests.push.bind(requests);
		requests.push = (...entries) => {
			clock.state.requests += entries.length;
			return push(...entries);
		};
		try {
			const result = await faveo.run(getTicket, items, { credentialId });
			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(300);
			expect(result.items.every((item) => item.json.error === undefined && typeof item.json.id === 'number')).toBe(true);
		} finally {
			requests.push = push;
		}
		// The emulator counts both the 2.x 401 and the 1.9 200-body expiry answers.
		const expiries = faveo.emulator.counters.expiredTokenReplies;
		expect(expiries).toBeGreaterThanOrEqual(2);
		expect(faveo.emulator.counters.logins).toBe(expiries + 1);
	});

	it('a refused token costs one shared re-login for 20 items; the stored credential keeps only its own fields and the new token', async () => {
		const credentialId = faveo.addCredential(newAgent(faveo.emulator));
		await faveo.run(getTicket, [{ id: 1 }], { credentialId });
		const refused = faveo.harness.credentialData(credentialId).token;
		faveo.emulator.expireAllTokens();
		faveo.emulator.resetCounters();
		const result = await faveo.run(getTicket, Array.from({ length: 20 }, () => ({ id: 1 })), { credentialId });
		expect(result.items.filter((item) => item.json.error !== undefined)).toEqual([]);
		expect(faveo.emulator.counters.expiredTokenReplies).toBe(1);
		expect(faveo.emulator.counters.logins).toBe(1);
		const stored = faveo.harness.credentialData(credentialId);
		expect(Object.keys(stored).filter((field) => !CREDENTIAL_FIELDS.includes(field))).toEqual([]);
		expect(stored.token).not.toBe(refused);
		expect(String(stored.token).length).toBeGreaterThan(20);
	});

	it('a newer token this process would hand on, but which the server dropped meanwhile (another queue-mode worker saw it), is replaced by one real login: no failed item', async () => {
		const agent = newAgent(faveo.emulator);
		await faveo.run(getTicket, [{ id: 1 }], { credentialId: faveo.addCredential(agent) });
		// Another worker logged in with the same account and stored its token; then the server dropped every token.
		const login = await fetch(`${faveo.emulator.siteUrl}/api/v1/authenticate`, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(agent) });
		const othersToken = ((await login.json()) as { token: string }).token;
		const stored = faveo.addCredential({ ...agent, token: othersToken });
		faveo.emulator.expireAllTokens();
		faveo.emulator.resetCounters();
		const result = await faveo.run(getTicket, [{ id: 1 }, { id: 1 }, { id: 1 }], { credentialId: stored });
		expect(result.items.map((item) => item.json.error)).toEqual([undefined, undefined, undefined]);
		expect(faveo.emulator.counters.logins).toBe(1);
	});

	it('10 executions at once on a stored dead token: one shared login, no failed item', async () => {
		const credentialId = faveo.addCredential(newAgent(faveo.emulator));
		await faveo.run(getTicket, [{ id: 1 }], { credentialId });
		faveo.emulator.expireAllTokens();
		faveo.emulator.resetCounters();
		const results = await Promise.all(Array.from({ length: 10 }, async () => await faveo.run(getTicket, [{ id: 1 }], { credentialId })));
		expect(results.flatMap((result) => result.items.map((item) => item.json.error))).toEqual(Array.from({ length: 10 }, () => undefined));
		expect(faveo.emulator.counters.logins).toBe(1);
	});
});
