/** Answers that are not what CRM Platform should send: errors that say so, never data, "nothing", "not found" or a refusal that did not happen. */
import { useFakeClock } from '../harness/fakeClock';
import { newContact, useCrmPlatform } from './setup';

const NOT_JSON = 'CRM Platform answered with something that is not the expected JSON';
const MISLEADING = /not found|needs:|rejected|password/i;

describe('CRM Platform: every answer is checked', () => {
	const crm = useCrmPlatform({ seedContacts: 250 });
	useFakeClock();

	it.each([
		['an HTML page', { status: 200, kind: 'html' as const }],
		['a cut-off JSON document', { status: 200, kind: 'malformed' as const }],
		['an empty body', { status: 200, kind: 'empty' as const }],
		['the plugin’s create refusal text', { status: 200, kind: 'malformed' as const, body: 'Required Parameters are missing' }],
	])('Contact Get answered with %s is the not-JSON error, never "not found" or "rejected … needs"', async (_name, fault) => {
		const own = await newContact(crm.emulator);
		crm.emulator.injectFault({ ...fault, match: `/crm-plugin/contact/${String(own.id)}` });
		const result = await crm.run({ resource: 'contact', operation: 'get', id: String(own.id) });
		expect(result.items).toHaveLength(0);
		expect(result.error?.message).toBe(NOT_JSON);
		expect(result.error?.description).toContain('HTTP 200');
		expect(`${result.error?.message} ${result.error?.description}`).not.toMatch(MISLEADING);
	});

	it('a JSON answer of the wrong shape (a list where a record belongs) is the not-JSON error too', async () => {
		crm.emulator.injectFault({ status: 200, body: [], match: '/crm-plugin/contact/1' });
		const result = await crm.run({ resource: 'contact', operation: 'get', id: '1' });
		expect(result.error?.message).toBe(NOT_JSON);
		expect(result.error?.description).toContain('Expected a JSON object with "id"');
	});

	it('Get Many with a broken first page is an error, not 0 contacts', async () => {
		crm.emulator.injectFault({ status: 200, kind: 'html', match: '/crm-plugin/contact?' });
		const result = await crm.run({ resource: 'contact', operation: 'getAll', returnAll: true });
		expect(result.items).toHaveLength(0);
		expect(result.error?.message).toBe(NOT_JSON);
	});

	it('Return All with a broken page 2 of 3 is an error, not a shortened list', async () => {
		crm.emulator.injectFault({ status: 200, kind: 'malformed', match: '/crm-plugin/contact?', skip: 1 });
		const result = await crm.run({ resource: 'contact', operation: 'getAll', returnAll: true });
		expect(result.items).toHaveLength(0);
		expect(result.error?.message).toBe(NOT_JSON);
		expect(crm.calls().filter((request) => request.path.endsWith('/crm-plugin/contact'))).toHaveLength(2);
	});

	it('Count answered with something that is not a number is an error, not a count', async () => {
		crm.emulator.injectFault({ status: 200, kind: 'html', match: '/crm-plugin/states/count' });
		const result = await crm.run({ resource: 'state', operation: 'count' });
		expect(result.error?.message).toBe(NOT_JSON);
		expect(result.error?.description).toContain('Expected a number');
	});

	it('the plugin’s plain-text refusal on an update is a refusal without a create hint', async () => {
		crm.emulator.injectFault({ status: 200, kind: 'malformed', body: 'Parameters are empty', method: 'PUT' });
		const result = await crm.run({ resource: 'tag', operation: 'update', id: '1', updateFields: { description: 'x' } });
		expect(result.error?.message).toBe('CRM Platform rejected the request: Parameters are empty');
		expect(result.error?.description).not.toContain('needs:');
	});

	it('the create hint names the fields of the collection the request went to', async () => {
		const contact = await crm.run({ resource: 'apiRequest', operation: 'send', method: 'POST', path: '/crm-plugin/contact', jsonBody: '{"name":"No type"}' });
		expect(contact.error?.message).toBe('CRM Platform rejected the request: Required Parameters are missing');
		expect(contact.error?.description).toContain('Creating a contact needs: name, contact_type.');
		const activity = await crm.run({ resource: 'apiRequest', operation: 'send', method: 'POST', path: '/crm-plugin/activities', jsonBody: '{"description":"no title"}' });
		expect(activity.error?.description).toContain('Creating an activity needs: title.');
	});

	it('a connection reset on a contact create says it may or may not have been done', async () => {
		crm.emulator.injectFault({ kind: 'reset', method: 'POST', match: '/crm-plugin/contact' });
		const result = await crm.run({ resource: 'contact', operation: 'create', name: 'Reset Person', contact_type: 'organization' });
		expect(result.error?.message).toBe('The connection to CRM Platform broke before its answer arrived');
		expect(result.error?.description).toContain('may or may not have been processed');
		expect(crm.calls().filter((request) => request.method === 'POST' && request.path.endsWith('/crm-plugin/contact'))).toHaveLength(1);
	});

	it('a wrong password is tried once for 5 items with Continue On Fail, and every item says so', async () => {
		const credentialId = crm.addCredential({ password: 'wrong-pass-5' });
		const result = await crm.run({ resource: 'user', operation: 'getMe' }, [{}, {}, {}, {}, {}], { credentialId, continueOnFail: true });
		expect(crm.emulator.counters.failedLogins).toBe(1);
		expect(result.items).toHaveLength(5);
		for (const item of result.items) expect(item.json.error).toBe('CRM Platform login failed: identifier or password invalid. Use a users-permissions account of the Strapi app (not an admin-panel login).');
	});

	it('a login answered 502 with a gateway page is retried, and a lasting one is a server fault, never a password error', async () => {
		crm.emulator.injectFault({ status: 502, kind: 'html', match: '/auth/local' });
		const recovered = await crm.run({ resource: 'user', operation: 'getMe' }, [{}], { credentialId: crm.addCredential({ identifier: 'demo@example.org' }) });
		expect(recovered.error).toBeUndefined();
		crm.emulator.injectFault({ status: 502, kind: 'html', match: '/auth/local', times: 'always' });
		const failed = await crm.run({ resource: 'user', operation: 'getMe' }, [{}], { credentialId: crm.addCredential({ identifier: 'DEMO@example.org' }) });
		expect(failed.error?.message).toBe(
			'CRM Platform could not log in: the server answered HTTP 502 with a web page. This is a server or gateway fault, not a problem with the credentials (tried 4 times)',
		);
	});
});
