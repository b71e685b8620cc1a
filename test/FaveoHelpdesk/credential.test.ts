import { retryClock } from '../../nodes/shared/transport/retry';
import { useFakeClock } from '../harness/fakeClock';
import { API_KEY, newAgent, seedTicket, useFaveo } from './setup';

const getTicket = (id: number) => ({ resource: 'ticket', operation: 'get', ticketId: String(id) });
const filteredList = { resource: 'ticket', operation: 'getAll', view: 'inbox', returnAll: true, listOptions: { useFilteredList: true } };
const reply = (id: number) => ({ resource: 'ticket', operation: 'reply', ticketId: String(id), replyContent: 'Looking into it right now.' });

describe('Faveo API key on a stock server (not enforced)', () => {
	const faveo = useFaveo({ seedTickets: 12 });

	it('goes in the login body and in POST bodies, never in a URL', async () => {
		const credentialId = faveo.addCredential({ ...newAgent(faveo.emulator), apiKey: API_KEY });
		const id = seedTicket(faveo.emulator);
		expect((await faveo.run(getTicket(id), [{}], { credentialId })).error).toBeUndefined();
		expect((await faveo.run(reply(id), [{}], { credentialId })).error).toBeUndefined();
		const calls = faveo.calls();
		expect(calls.find((request) => request.path.endsWith('/api/v1/authenticate'))?.body).toMatchObject({ api_key: API_KEY });
		expect(calls.find((request) => request.path.endsWith('/helpdesk/reply'))?.body).toMatchObject({ api_key: API_KEY });
		expect(calls.every((request) => !('api_key' in request.query))).toBe(true);
		expect(faveo.emulator.counters.apiKeyInQuery).toBe(0);
	});

	it('the filtered (v2) list returns the tickets (Faveo empties it when its query has a key)', async () => {
		const open = faveo.emulator.state.tickets.filter((row) => row.status === 1).length;
		for (const keyInGetQueries of [false, true]) {
			const credentialId = faveo.addCredential({ apiKey: API_KEY, keyInGetQueries });
			const tickets = await faveo.run(filteredList, [{}], { credentialId });
			expect({ keyInGetQueries, count: tickets.items.length }).toEqual({ keyInGetQueries, count: open });
		}
		expect(faveo.calls().filter((request) => request.path.endsWith('/api/v2/helpdesk/tickets')).every((request) => !('api_key' in request.query))).toBe(true);
	});

	it('an empty API key is sent nowhere', async () => {
		const credentialId = faveo.addCredential({ ...newAgent(faveo.emulator), apiKey: '', keyInGetQueries: true });
		const id = seedTicket(faveo.emulator);
		await faveo.run(reply(id), [{}], { credentialId });
		expect(JSON.stringify(faveo.calls().map((request) => [request.query, request.body]))).not.toContain('api_key');
	});
});

describe('Faveo API key on a server patched to enforce it', () => {
	const faveo = useFaveo({ enforceApiKey: true, seedTickets: 3 });

	it('with "Server Checks the API Key on Every Request", GET queries carry it (except the v2 list) and everything works', async () => {
		const credentialId = faveo.addCredential({ ...newAgent(faveo.emulator), apiKey: API_KEY, keyInGetQueries: true });
		const id = seedTicket(faveo.emulator);
		expect((await faveo.run(getTicket(id), [{}], { credentialId })).error).toBeUndefined();
		expect((await faveo.run(reply(id), [{}], { credentialId })).error).toBeUndefined();
		const filtered = await faveo.run(filteredList, [{}], { credentialId });
		expect(filtered.items.length).toBeGreaterThan(0);
		const get = faveo.calls().find((request) => request.path.endsWith('/helpdesk/ticket'));
		expect(get?.query).toMatchObject({ api_key: API_KEY });
		expect(faveo.calls().find((request) => request.path.endsWith('/api/v2/helpdesk/tickets'))?.query).not.toHaveProperty('api_key');
		expect(faveo.emulator.counters.apiKeyRejected).toBe(0);
	});

	it('without that option a GET is refused by Faveo, and the error names the option', async () => {
		const credentialId = faveo.addCredential({ ...newAgent(faveo.emulator), apiKey: API_KEY });
		const result = await faveo.run(getTicket(seedTicket(faveo.emulator)), [{}], { credentialId });
		expect(result.error?.message).toBe('Faveo rejected the API key');
		expect(result.error?.description).toContain('Server Checks the API Key on Every Request');
	});

	it('a wrong API key is named as such at login, after one attempt, and never shown', async () => {
		const credentialId = faveo.addCredential({ ...newAgent(faveo.emulator), apiKey: 'wrongwrongwrongwrongwrongwrong12' });
		const result = await faveo.run(getTicket(1), [{}, {}], { credentialId, continueOnFail: true });
		expect(result.items.map((item) => item.json.error)).toEqual(Array(2).fill('Faveo Helpdesk login failed: the API key is wrong (Admin → API shows the current key)'));
		expect(faveo.calls().filter((request) => request.path.endsWith('/api/v1/authenticate'))).toHaveLength(1);
		expect(JSON.stringify(result.items)).not.toContain('wrongwrongwrong');
	});
});

describe('Faveo token placement', () => {
	const faveo = useFaveo({ stripAuthorization: true, seedTickets: 2 });

	it('"query" sends ?token= for servers that strip the Authorization header', async () => {
		const credentialId = faveo.addCredential({ placement: 'query' });
		const result = await faveo.run(getTicket(1), [{}], { credentialId });
		expect(result.error).toBeUndefined();
		expect(faveo.emulator.counters.tokenFrom).toMatchObject({ query: 1, header: 0 });
	});
});

/** Records when each retry wait ends (in the fake clock's time). */
function recordWaitEnds(clock: { now: number }) {
	const ends: number[] = [];
	const sleep = retryClock.sleep;
	retryClock.sleep = async (ms) => {
		ends.push(clock.now + ms);
		await sleep(ms);
	};
	return { ends, restore: () => (retryClock.sleep = sleep) };
}

describe('Faveo 2.x throttling (HTTP 500 "Too Many Attempts." without Retry-After)', () => {
	const clock = useFakeClock();
	const faveo = useFaveo({ rateLimit: 5, now: () => clock.now, seedTickets: 3 });

	it('waits until just after the next minute boundary, again if the window is still closed, and loses no item', async () => {
		// Half a minute past a boundary: Faveo's 60 s window (from its first request) outlasts the next boundary.
		clock.now = Math.floor(clock.now / 60_000) * 60_000 + 90_500;
		faveo.emulator.resetThrottle();
		const waits = recordWaitEnds(clock);
		try {
			const result = await faveo.run({ ...getTicket(1), ticketId: '={{ $json.id }}' }, Array.from({ length: 8 }, () => ({ id: 1 })));
			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(8);
		} finally {
			waits.restore();
		}
		expect(faveo.emulator.counters.throttled).toBe(2);
		expect(waits.ends.map((end) => end % 60_000)).toEqual([1_500, 1_500]);
	});
});

describe('Faveo 1.9 throttling (HTTP 429 with Retry-After)', () => {
	const clock = useFakeClock();
	const faveo = useFaveo({ version: '1.9', rateLimit: 5, now: () => clock.now, seedTickets: 3 });

	it('waits as long as Retry-After says, once, and loses no item', async () => {
		faveo.emulator.resetThrottle();
		const credentialId = faveo.addCredential(newAgent(faveo.emulator));
		const run = async (count: number) => await faveo.run({ ...getTicket(1), ticketId: '={{ $json.id }}' }, Array.from({ length: count }, () => ({ id: 1 })), { credentialId });
		const windowStart = clock.now;
		expect((await run(3)).error).toBeUndefined();
		clock.now += 20_000;
		const waits = recordWaitEnds(clock);
		try {
			const result = await run(5);
			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(5);
		} finally {
			waits.restore();
		}
		expect(faveo.emulator.counters.throttled).toBe(1);
		expect(waits.ends).toEqual([windowStart + 60_000]);
	});
});
