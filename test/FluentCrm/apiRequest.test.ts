import { PAGE_SIZE } from '../../nodes/FluentCrm/transport';
import { useFluentCrm } from './setup';

describe('FluentCRM API Request operation', () => {
	const contacts = 2 * PAGE_SIZE + 50;
	const fluent = useFluentCrm({ seedContacts: contacts });
	const send = (parameters: Record<string, unknown>) => fluent.run({ resource: 'apiRequest', operation: 'send', method: 'GET', ...parameters });

	it('GET with query parameters returns the response without __bench', async () => {
		const result = await send({ path: '/subscribers?per_page=2', queryParameters: { parameter: [{ name: 'sort_type', value: 'ASC' }] } });
		expect(fluent.calls()[0].query).toMatchObject({ per_page: '2', sort_type: 'ASC' });
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toHaveProperty('subscribers.data');
		expect(result.items[0].json).not.toHaveProperty('__bench');
	});

	it('Return All Pages follows FluentCRM paging and returns each record as an item', async () => {
		const result = await send({ path: '/subscribers', returnAllPages: true });
		expect(result.items).toHaveLength(contacts);
		expect(fluent.calls()).toHaveLength(3);
	});

	it('POST sends the JSON body; invalid JSON is refused before any request', async () => {
		const created = await fluent.run({ resource: 'apiRequest', operation: 'send', method: 'POST', path: '/tags', jsonBody: '{"title":"From API"}' });
		expect(created.items[0].json).toMatchObject({ message: 'Successfully saved the tag.' });
		fluent.emulator.resetLog();
		const bad = await fluent.run({ resource: 'apiRequest', operation: 'send', method: 'POST', path: '/tags', jsonBody: '{title:' });
		expect(bad.error?.message).toBe('JSON Body is not valid JSON');
		expect(fluent.calls()).toHaveLength(0);
	});

	it.each([
		['http://127.0.0.1:1/steal', 'Refusing to send the credential'],
		['/../../wp/v2/users', 'climbs out of the API base'],
		['/%2e%2e/%2e%2e/wp/v2/users', 'climbs out of the API base'],
		['/setting/reset_db', 'erases FluentCRM data'],
		['/setting/system-logs/reset', 'erases FluentCRM data'],
	])('refuses %s without sending anything', async (path, message) => {
		const result = await send({ path });
		expect(result.error?.message).toContain(message);
		expect(fluent.calls()).toHaveLength(0);
		expect(fluent.emulator.destructiveCalls).toHaveLength(0);
	});

	it('the injected "Custom API Call" option fails with a pointer to the API Request resource', async () => {
		const result = await fluent.run({ resource: 'contact', operation: '__CUSTOM_API_CALL__' });
		expect(result.error?.message).toBe('The operation "__CUSTOM_API_CALL__" of resource "contact" is not supported');
		expect(result.error?.description).toContain('"API Request" resource');
	});
});
