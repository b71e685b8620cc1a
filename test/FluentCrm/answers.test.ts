/** Answers that are not what FluentCRM sends: errors that say so, never data, "nothing" or a wrong "not found". */
import { FluentCrmTrigger } from '../../nodes/FluentCrm/FluentCrmTrigger.node';
import { PAGE_SIZE } from '../../nodes/FluentCrm/transport';
import { useFakeClock } from '../harness/fakeClock';
import { byId, useFluentCrm } from './setup';

const NOT_JSON = 'FluentCRM answered with something that is not the expected JSON';
const BROKEN = [
	['an HTML page', { status: 200, kind: 'html' as const }],
	['a cut-off JSON document', { status: 200, kind: 'malformed' as const }],
	['an empty body', { status: 200, kind: 'empty' as const }],
] as const;

describe('FluentCRM: every answer is checked', () => {
	const fluent = useFluentCrm({ seedContacts: 2 * PAGE_SIZE + 50 });
	useFakeClock();
	const listCalls = () => fluent.calls().filter((request) => request.method === 'GET' && request.path.endsWith('/subscribers'));

	it.each(BROKEN)('Get Many answered with %s is an error, not 0 contacts', async (_name, fault) => {
		fluent.emulator.injectFault({ ...fault, match: '/subscribers?' });
		const result = await fluent.run({ resource: 'contact', operation: 'getAll', returnAll: true });
		expect(result.items).toHaveLength(0);
		expect(result.error?.message).toBe(NOT_JSON);
		expect(result.error?.description).toContain('HTTP 200');
		expect(result.error?.description).toContain('a JSON page with "data" and its page numbers');
	});

	it('Return All with a broken page 2 of 3 is an error, not a shortened list', async () => {
		fluent.emulator.injectFault({ status: 200, kind: 'malformed', match: '/subscribers?', skip: 1 });
		const result = await fluent.run({ resource: 'contact', operation: 'getAll', returnAll: true });
		expect(result.items).toHaveLength(0);
		expect(result.error?.message).toBe(NOT_JSON);
		expect(listCalls().map((request) => request.query.page)).toEqual(['1', '2']);
	});

	it('a page of another shape (a paginator under the wrong key) is an error, not the end of the list', async () => {
		const page = { total: 1, per_page: 100, current_page: 1, last_page: 1, data: [{ id: 1 }] };
		fluent.emulator.injectFault({ status: 200, body: { tags: page }, match: '/subscribers?' });
		const result = await fluent.run({ resource: 'contact', operation: 'getAll', returnAll: true });
		expect(result.error?.message).toBe(NOT_JSON);
	});

	it.each(BROKEN)('Get answered with %s is a not-JSON error, never "not found"', async (_name, fault) => {
		fluent.emulator.injectFault({ ...fault, match: '/subscribers/3' });
		const result = await fluent.run({ resource: 'contact', operation: 'get', contact: byId(3) });
		expect(result.items).toHaveLength(0);
		expect(result.error?.message).toBe(NOT_JSON);
		expect(result.error?.httpCode).toBe('200');
		expect(`${result.error?.message} ${result.error?.description}`).not.toMatch(/not found/i);
	});

	it('FluentCRM’s own 200 answers for a miss stay "not found": {"tag":null} and the empty body of GET /lists/{id}', async () => {
		const tag = await fluent.run({ resource: 'tag', operation: 'get', tagId: '9999' });
		expect(tag.error).toMatchObject({ message: 'FluentCRM tag 9999 was not found', httpCode: '404' });
		const list = await fluent.run({ resource: 'list', operation: 'get', listId: '9999' });
		expect(list.error).toMatchObject({ message: 'FluentCRM list 9999 was not found', httpCode: '404' });
	});

	it('an empty body for a tag, or a web page for a list, is not FluentCRM’s "not found": an error that says so', async () => {
		fluent.emulator.injectFault({ status: 200, kind: 'empty', match: '/tags/1' });
		expect((await fluent.run({ resource: 'tag', operation: 'get', tagId: '1' })).error?.message).toBe(NOT_JSON);
		fluent.emulator.injectFault({ status: 200, kind: 'html', match: '/lists/1' });
		expect((await fluent.run({ resource: 'list', operation: 'get', listId: '1' })).error?.message).toBe(NOT_JSON);
	});

	it('a write answered without the contact is an error, not an empty success', async () => {
		fluent.emulator.injectFault({ status: 200, body: { message: 'ok' }, method: 'PUT', match: '/subscribers/4' });
		const result = await fluent.run({ resource: 'contact', operation: 'update', contact: byId(4), updateFields: { city: 'Porto' } });
		expect(result.error?.message).toBe(NOT_JSON);
		expect(result.error?.description).toContain('a JSON object with a "contact" record');
	});

	it('a connection reset on a contact create says it may or may not have been done, and does not send it again', async () => {
		fluent.emulator.injectFault({ kind: 'reset', method: 'POST', match: '/subscribers' });
		const result = await fluent.run({ resource: 'contact', operation: 'create', email: 'reset.person@example.test', status: 'subscribed' });
		expect(result.error?.message).toBe('The connection to FluentCRM broke before its answer arrived');
		expect(result.error?.description).toContain('may or may not have been processed');
		expect(fluent.calls().filter((request) => request.method === 'POST')).toHaveLength(1);
	});

	it('Create or Update: a broken answer to the email lookup is an error, never "no such contact" (nothing is created)', async () => {
		fluent.emulator.injectFault({ status: 200, kind: 'html', match: 'get_by_email' });
		const result = await fluent.run({ resource: 'contact', operation: 'upsert', email: 'lookup.broken@example.test', status: 'subscribed' });
		expect(result.error?.message).toBe(NOT_JSON);
		expect(fluent.calls().some((request) => request.method !== 'GET')).toBe(false);
	});

	it('the wrong REST style (WordPress redirects to a page) fails Get Many with advice to switch it, instead of 0 contacts', async () => {
		fluent.emulator.config.plainPermalinks = true;
		try {
			const result = await fluent.run({ resource: 'contact', operation: 'getAll', returnAll: false, limit: 5 });
			expect(result.items).toHaveLength(0);
			expect(result.error?.message).toBe(NOT_JSON);
			expect(result.error?.description).toContain('WordPress answered with a web page');
			expect(result.error?.description).toContain('REST Style "?rest_route="');
			expect(fluent.calls().map((request) => request.status)).toEqual([301, 200]);
			fluent.emulator.config.theme = false;
			const blank = await fluent.run({ resource: 'contact', operation: 'getAll', returnAll: false, limit: 5 });
			expect(blank.error?.description).toContain('an empty body');
			expect(blank.error?.description).toContain('REST Style "?rest_route="');
		} finally {
			fluent.emulator.config.plainPermalinks = false;
			fluent.emulator.config.theme = true;
		}
	});

	it('a wrong sub-folder (redirected to a post page) fails Get Many the same way', async () => {
		const credentialId = fluent.addCredential({ siteUrl: `${fluent.emulator.siteUrl}/shop` });
		const result = await fluent.run({ resource: 'contact', operation: 'getAll', returnAll: true }, [{}], { credentialId });
		expect(result.error?.message).toBe(NOT_JSON);
		expect(result.error?.description).toContain('including any sub-folder');
	});

	it('the Trigger stops on a broken page instead of reporting "no new contacts"', async () => {
		const poller = fluent.harness.trigger({ parameters: { event: 'contactUpdated', options: {} }, credentials: { fluentCrmApi: fluent.credentialId } }, new FluentCrmTrigger());
		fluent.emulator.injectFault({ status: 200, kind: 'html', match: '/subscribers?' });
		await expect(poller.poll()).rejects.toThrow(NOT_JSON);
		expect(poller.staticData()).toEqual({ 'node:FluentCRM Trigger': { event: 'contactUpdated', cursor: {} } });
	});
});
