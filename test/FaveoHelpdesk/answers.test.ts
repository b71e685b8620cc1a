/** Answers that are not what Faveo should send: errors that say so, never data, "nothing", "not found" or a password problem. */
import { useFakeClock } from '../harness/fakeClock';
import { newAgent, seedTicket, useFaveo } from './setup';

const NOT_JSON = 'Faveo Helpdesk answered with something that is not the expected JSON';
const SERVER_FAULT = 'This is a server or gateway fault, not a problem with the credentials';
const getAll = (extra: object = {}) => ({ resource: 'ticket', operation: 'getAll', view: 'all', returnAll: true, ...extra });

describe('Faveo Helpdesk: every answer is checked', () => {
	const faveo = useFaveo({ seedTickets: 25 });
	useFakeClock();

	it.each([
		['an HTML page', { status: 200, kind: 'html' as const }],
		['a cut-off JSON document', { status: 200, kind: 'malformed' as const }],
		['an empty body', { status: 200, kind: 'empty' as const }],
	])('Ticket Get answered with %s is "not the expected JSON", never "ticket not found"', async (_name, fault) => {
		const id = seedTicket(faveo.emulator);
		faveo.emulator.injectFault({ ...fault, match: `/helpdesk/ticket?ticket_id=${id}` });
		const result = await faveo.run({ resource: 'ticket', operation: 'get', ticketId: String(id) });
		expect(result.items).toHaveLength(0);
		expect(result.error?.message).toBe(NOT_JSON);
		expect(result.error?.description).toContain('HTTP 200');
	});

	it('Ticket Get of an id Faveo does not have (HTTP 200 field error) is "not found"', async () => {
		const result = await faveo.run({ resource: 'ticket', operation: 'get', ticketId: '424242' });
		expect(result.error?.message).toBe('Faveo ticket 424242 was not found');
	});

	it('Get Many with a broken first page is an error, not 0 tickets', async () => {
		faveo.emulator.injectFault({ status: 200, kind: 'html', match: '/helpdesk/tickets?' });
		const result = await faveo.run(getAll());
		expect(result.items).toHaveLength(0);
		expect(result.error?.message).toBe(NOT_JSON);
	});

	it('Return All with a broken page 2 of 3 is an error, not a shortened list', async () => {
		faveo.emulator.injectFault({ status: 200, kind: 'malformed', match: '/helpdesk/tickets?', skip: 1 });
		const result = await faveo.run(getAll());
		expect(result.items).toHaveLength(0);
		expect(result.error?.message).toBe(NOT_JSON);
		expect(faveo.calls().filter((request) => request.path.endsWith('/helpdesk/tickets'))).toHaveLength(2);
	});

	it('the filtered (v2) list with a page of another shape is an error, not 0 tickets', async () => {
		faveo.emulator.injectFault({ status: 200, kind: 'json', body: { success: true, data: [] }, match: '/v2/helpdesk/tickets?' });
		const result = await faveo.run(getAll({ view: 'inbox', listOptions: { useFilteredList: true } }));
		expect(result.error?.message).toBe(NOT_JSON);
	});

	it('a ticket thread that is not JSON is an error, not an empty conversation', async () => {
		const id = seedTicket(faveo.emulator);
		faveo.emulator.injectFault({ status: 200, kind: 'html', match: '/helpdesk/ticket-thread?' });
		const result = await faveo.run({ resource: 'ticket', operation: 'getThreads', ticketId: String(id) });
		expect(result.error?.message).toBe(NOT_JSON);
	});

	it('a connection reset on a ticket create says it may or may not have been done, and is not repeated', async () => {
		faveo.emulator.injectFault({ kind: 'reset', method: 'POST', match: '/helpdesk/create' });
		const before = faveo.emulator.state.tickets.length;
		const result = await faveo.run({ resource: 'ticket', operation: 'create', email: 'reset@example.test', first_name: 'Reset', subject: 'Connection reset test', body: 'The body of the reset test.', helptopic: 1, sla: 1, priority: 2 });
		expect(result.error?.message).toBe('The connection to Faveo Helpdesk broke before its answer arrived');
		expect(result.error?.description).toContain('may or may not have been processed');
		expect(faveo.calls().filter((request) => request.path.endsWith('/helpdesk/create'))).toHaveLength(1);
		expect(faveo.emulator.state.tickets).toHaveLength(before);
	});
});

describe('Faveo Helpdesk: login failures are classified', () => {
	const faveo = useFaveo({ seedTickets: 3 });
	const clock = useFakeClock();
	const getTicket = { resource: 'ticket', operation: 'get', ticketId: '1' };
	const REFUSED = 'Faveo Helpdesk login failed: the username or password is wrong, or the account is inactive (Faveo gives the same answer for both)';

	it('a wrong password (HTTP 200 invalid_credentials) is tried once for 5 items with Continue On Fail, and every item says so', async () => {
		const credentialId = faveo.addCredential({ password: 'Wrong-Password-5!' });
		const result = await faveo.run(getTicket, [{}, {}, {}, {}, {}], { credentialId, continueOnFail: true });
		expect(faveo.emulator.counters.failedLogins).toBe(1);
		expect(result.items).toHaveLength(5);
		for (const item of result.items) expect(item.json.error).toBe(REFUSED);
		expect(faveo.harness.credentialData(credentialId).token).toBe('');
		expect(JSON.stringify(result.items)).not.toContain('Wrong-Password-5!');
	});

	it('an inactive account gets the same answer from Faveo, and the same words', async () => {
		const credentialId = faveo.addCredential({ username: 'former.agent', password: 'agentpass3' });
		const result = await faveo.run(getTicket, [{}], { credentialId });
		expect(result.error?.message).toBe(REFUSED);
		expect(faveo.emulator.counters.failedLogins).toBe(1);
	});

	it('"could_not_create_token" (HTTP 200) is a server fault: retried, never a password error', async () => {
		faveo.emulator.injectFault({ status: 200, kind: 'json', body: { error: 'could_not_create_token', 0: 500 }, match: '/api/v1/authenticate', method: 'POST' });
		const recovered = await faveo.run(getTicket, [{}], { credentialId: faveo.addCredential(newAgent(faveo.emulator)) });
		expect(recovered.error).toBeUndefined();
		expect(clock.waits).toHaveLength(1);

		faveo.emulator.setConfig({ failTokenCreation: true });
		try {
			const agent = newAgent(faveo.emulator);
			const failed = await faveo.run(getTicket, [{}], { credentialId: faveo.addCredential(agent) });
			expect(failed.error?.message).toContain(SERVER_FAULT);
			expect(failed.error?.message).not.toMatch(/password/i);
			const logins = faveo.calls().filter((request) => request.path.endsWith('/api/v1/authenticate'));
			expect(logins.filter((request) => (request.body as { username?: string }).username === agent.username)).toHaveLength(4);
		} finally {
			faveo.emulator.setConfig({ failTokenCreation: false });
		}
	});

	it.each([
		['HTTP 502 with a gateway page', { status: 502, kind: 'html' as const }],
		['HTTP 500 with JSON', { status: 500, kind: 'json' as const, body: { error: 'SQLSTATE[HY000] [2002] Connection refused' } }],
		['HTTP 200 with a web page', { status: 200, kind: 'html' as const }],
	])('a login answered %s is retried, and a lasting one is a server fault', async (_name, fault) => {
		faveo.emulator.injectFault({ ...fault, match: '/api/v1/authenticate' });
		const recovered = await faveo.run(getTicket, [{}], { credentialId: faveo.addCredential(newAgent(faveo.emulator)) });
		expect(recovered.error).toBeUndefined();
		expect(faveo.calls().filter((request) => request.path.endsWith('/api/v1/authenticate'))).toHaveLength(2);

		faveo.emulator.injectFault({ ...fault, match: '/api/v1/authenticate', times: 'always' });
		const failed = await faveo.run(getTicket, [{}], { credentialId: faveo.addCredential(newAgent(faveo.emulator)) });
		expect(failed.error?.message).toMatch(/^Faveo Helpdesk could not log in: the server answered HTTP \d{3} .*\(tried 4 times\)$/);
		expect(failed.error?.message).toContain(SERVER_FAULT);
		expect(failed.error?.description).toContain('Nothing is wrong with the credentials');
	});
});
