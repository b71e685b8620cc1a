/** Answers that are not what Nexudus should send: errors that say so, never data, "nothing" or "not found". */
import { NexudusTrigger } from '../../nodes/Nexudus/NexudusTrigger.node';
import { uniqueEmail, useNexudus } from './setup';

const NOT_JSON = 'Nexudus answered with something that is not the expected JSON';
const LIST = '/api/spaces/coworkers?';

const brokenBodies = [
	['an HTML page', { status: 200, kind: 'html' as const }],
	['a cut-off JSON document', { status: 200, kind: 'malformed' as const }],
	['an empty body', { status: 200, kind: 'empty' as const }],
] as const;

describe('Nexudus: every answer is checked', () => {
	const nexudus = useNexudus({ seedCoworkers: 1203 });
	const listCalls = () => nexudus.calls().filter((request) => request.method === 'GET' && request.path === '/api/spaces/coworkers');
	const getAll = { resource: 'coworker', operation: 'getAll', returnAll: true };

	it.each(brokenBodies)('Get Many with a first page that is %s is an error, not 0 coworkers', async (_name, fault) => {
		nexudus.emulator.injectFault({ ...fault, match: LIST });
		const result = await nexudus.run({ ...getAll, returnAll: false, limit: 10 });
		expect(result.items).toHaveLength(0);
		expect(result.error?.message).toBe(NOT_JSON);
		expect(result.error?.description).toContain('HTTP 200');
	});

	it('Return All over 1,203 coworkers reads 3 pages; with page 2 broken it is an error, never 500 of them', async () => {
		const whole = await nexudus.json(getAll);
		expect(whole).toHaveLength(nexudus.emulator.state.coworkers.length);
		expect(listCalls()).toHaveLength(3);

		nexudus.emulator.resetLog();
		nexudus.emulator.injectFault({ status: 200, kind: 'malformed', match: LIST, skip: 1 });
		const result = await nexudus.run(getAll);
		expect(result.items).toHaveLength(0);
		expect(result.error?.message).toBe(NOT_JSON);
		expect(listCalls().map((request) => request.query.page)).toEqual(['1', '2']);
	});

	it('a page of another shape (no "HasNextPage") is an error, not the last page', async () => {
		nexudus.emulator.injectFault({ status: 200, body: { Records: [] }, match: LIST, skip: 1 });
		const result = await nexudus.run(getAll);
		expect(result.items).toHaveLength(0);
		expect(result.error?.message).toBe(NOT_JSON);
		expect(result.error?.description).toContain('"HasNextPage"');
	});

	it.each(brokenBodies)('Get of a coworker that exists answered with %s is an error, not "was not found"', async (_name, fault) => {
		const ada = nexudus.addCoworker();
		nexudus.emulator.injectFault({ ...fault, match: `/spaces/coworkers/${ada.Id}` });
		const result = await nexudus.run({ resource: 'coworker', operation: 'get', id: String(ada.Id) });
		expect(result.items).toHaveLength(0);
		expect(result.error?.message).toBe(NOT_JSON);
		expect(`${result.error?.message} ${result.error?.description}`).not.toMatch(/not found/i);
	});

	it('Get answered with a JSON object that is not a record (no "Id") is an error, not an item', async () => {
		const ada = nexudus.addCoworker();
		nexudus.emulator.injectFault({ status: 200, body: { Message: 'Welcome' }, match: `/spaces/coworkers/${ada.Id}` });
		const result = await nexudus.run({ resource: 'coworker', operation: 'get', id: String(ada.Id) });
		expect(result.error?.message).toBe(NOT_JSON);
	});

	it('only Nexudus\' 404 "Not found" means a missing record; a 404 from a wrong base URL says so', async () => {
		const missing = await nexudus.run({ resource: 'coworker', operation: 'get', id: '999' });
		expect(missing.error?.message).toBe('The Nexudus record was not found');
		const credentialId = nexudus.addCredential({ baseUrl: `${nexudus.emulator.url}/apx` });
		const elsewhere = await nexudus.run({ resource: 'coworker', operation: 'get', id: '999' }, [{}], { credentialId });
		expect(elsewhere.error?.message).toBe('Nexudus has no such endpoint (HTTP 404)');
		expect(elsewhere.error?.description).toContain('API base URL');
	});

	it('a lasting 502 gateway page is retried, then reported as a web page, not as Nexudus\' words', async () => {
		const ada = nexudus.addCoworker();
		nexudus.emulator.injectFault({ status: 502, kind: 'html', match: `/spaces/coworkers/${ada.Id}`, times: 'always' });
		const result = await nexudus.run({ resource: 'coworker', operation: 'get', id: String(ada.Id) });
		expect(result.error?.message).toBe('Nexudus answered HTTP 502 with a web page instead of JSON');
		expect(nexudus.calls()).toHaveLength(4);
	});

	it('a create answered without the new record\'s id is an error, not the answer as the record', async () => {
		nexudus.emulator.injectFault({ status: 200, body: { WasSuccessful: true, Value: null }, method: 'POST', match: '/spaces/teams' });
		const business = Number(nexudus.emulator.state.businesses[0].Id);
		const result = await nexudus.run({ resource: 'team', operation: 'create', BusinessId: business, Name: 'No Id Team' });
		expect(result.items).toHaveLength(0);
		expect(result.error?.message).toBe(NOT_JSON);
		expect(result.error?.description).toContain('"Value.Id"');
	});

	it('an update whose PUT is answered with a web page is an error, not a success', async () => {
		const ada = nexudus.addCoworker();
		nexudus.emulator.injectFault({ status: 200, kind: 'html', method: 'PUT', match: '/spaces/coworkers' });
		const result = await nexudus.run({ resource: 'coworker', operation: 'update', id: String(ada.Id), updateFields: { Notes: 'x' } });
		expect(result.error?.message).toBe(NOT_JSON);
	});

	it('a connection reset on a coworker create says it may or may not have been processed', async () => {
		nexudus.emulator.injectFault({ kind: 'reset', method: 'POST', match: '/spaces/coworkers' });
		const result = await nexudus.run({ resource: 'coworker', operation: 'create', FullName: 'Reset Person', Email: uniqueEmail('reset'), CountryId: 1, SimpleTimeZoneId: 1 });
		expect(result.error?.message).toBe('The connection to Nexudus broke before its answer arrived');
		expect(result.error?.description).toContain('may or may not have been processed');
		expect(nexudus.calls().filter((request) => request.method === 'POST')).toHaveLength(1);
	});

	it('a broken answer with Continue On Fail becomes an error item on the error output, in order', async () => {
		const [first, second] = [nexudus.addCoworker(), nexudus.addCoworker()];
		nexudus.emulator.injectFault({ status: 200, kind: 'html', match: `/spaces/coworkers/${first.Id}` });
		const result = await nexudus.run({ resource: 'coworker', operation: 'get', id: '={{ $json.id }}' }, [{ id: first.Id }, { id: second.Id }], { continueOnFail: true });
		expect(result.items.map((item) => Object.keys(item.json).sort())).toEqual([['error', 'message'], expect.arrayContaining(['Id'])]);
		expect(result.items[0].json.error).toBe(NOT_JSON);
		expect(result.items[1].json.Id).toBe(second.Id);
	});

	it('Trigger: a broken webhook list on activation is an error, never "the webhooks are gone"', async () => {
		const business = Number(nexudus.emulator.state.businesses[0].Id);
		const trigger = nexudus.harness.trigger({ parameters: { businessId: business, events: [3], sharedSecret: '' }, credentials: { nexudusApi: nexudus.credentialId } }, new NexudusTrigger());
		const node = new NexudusTrigger();
		await node.webhookMethods.default.create.call(trigger.hook());
		try {
			nexudus.emulator.injectFault({ status: 200, kind: 'html', match: '/api/sys/webhooks?' });
			await expect(node.webhookMethods.default.checkExists.call(trigger.hook())).rejects.toThrow(NOT_JSON);
			expect(await node.webhookMethods.default.checkExists.call(trigger.hook())).toBe(true);
		} finally {
			await node.webhookMethods.default.delete.call(trigger.hook());
		}
	});
});
