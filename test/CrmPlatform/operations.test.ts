import { crmApi, newContact, useCrmPlatform } from './setup';

describe('CRM Platform operations', () => {
	const crm = useCrmPlatform({ seedContacts: 250 });

	it('missing required fields are caught before sending', async () => {
		const result = await crm.run({ resource: 'country', operation: 'create', name: 'Wakanda', abbreviation: '={{ $json.abbreviation }}', is_active: true }, [{ abbreviation: '' }]);
		expect(result.error?.message).toBe('Country needs: Abbreviation');
		expect(crm.calls().filter((request) => !request.path.endsWith('/auth/local'))).toHaveLength(0);
	});

	it('the plugin’s HTTP 200 plain-text refusal of a create is an error naming what that collection needs', async () => {
		const tags = await crm.run({ resource: 'apiRequest', operation: 'send', method: 'POST', path: '/crm-plugin/tags', jsonBody: '{"description":"no name"}' });
		expect(tags.error?.message).toBe('CRM Platform rejected the request: Required Parameters are missing');
		expect(tags.error?.description).toContain('Creating a tag needs: name.');
		const countries = await crm.run({ resource: 'apiRequest', operation: 'send', method: 'POST', path: '/crm-plugin/countries', jsonBody: '{}' });
		expect(countries.error?.message).toBe('CRM Platform rejected the request: Parameters are empty');
		expect(countries.error?.description).toContain('Creating a country needs: name, abbreviation, is_active.');
	});

	it('get many over 250 contacts pages with _start/_limit, sorted by id unless told otherwise', async () => {
		const all = await crm.json({ resource: 'contact', operation: 'getAll', returnAll: true });
		expect(all.length).toBe(crm.emulator.state.tables.contact.length);
		expect(new Set(all.map((row) => row.id)).size).toBe(all.length);
		const pages = crm.calls().filter((request) => request.path.endsWith('/crm-plugin/contact'));
		expect(pages.map((request) => request.query)).toEqual(
			Array.from({ length: Math.floor(all.length / 100) + 1 }, (_, page) => ({ _start: String(page * 100), _limit: '100', _sort: 'id:ASC' })),
		);
		expect(await crm.json({ resource: 'contact', operation: 'getAll', returnAll: false, limit: 7 })).toHaveLength(7);
	});

	it('filters, search and sort are passed the Strapi way', async () => {
		const own = await newContact(crm.emulator, { name: 'Zelda Filterton', first_name: 'Zelda' });
		const rows = await crm.json({
			resource: 'contact',
			operation: 'getAll',
			returnAll: false,
			limit: 5,
			queryOptions: { filters: { condition: [{ field: 'name', operator: 'contains', value: 'filterton' }, { field: 'contact_type', operator: 'eq', value: 'individual' }] }, sort: 'name:DESC' },
		});
		expect(crm.calls().at(-1)?.query).toMatchObject({ name_contains: 'filterton', contact_type: 'individual', _sort: 'name:DESC', _limit: '5' });
		expect(rows.map((row) => row.id)).toEqual([own.id]);
	});

	it('an unknown sort field is the server’s refusal with a hint, not an empty list', async () => {
		const result = await crm.run({ resource: 'contact', operation: 'getAll', returnAll: true, queryOptions: { sort: 'nickname:ASC' } });
		expect(result.error?.message).toMatch(/^CRM Platform rejected the request: .*ER_BAD_FIELD_ERROR: Unknown column 'contacts.nickname' in 'order clause'$/);
		expect(result.error?.description).toContain('use the API’s field names');
	});

	it('tags and activities link the contacts given by ID; names are refused, not sent', async () => {
		const own = await newContact(crm.emulator);
		const [tag] = await crm.json({ resource: 'tag', operation: 'create', name: 'VIP', additionalFields: { contacts: `${own.id}` } });
		expect(crm.calls().find((request) => request.method === 'POST' && request.path.endsWith('/tags'))?.body).toMatchObject({ name: 'VIP', contacts: [own.id] });
		expect(tag).toMatchObject({ name: 'VIP', contacts: [{ id: own.id }] });
		const [type] = await crm.json({ resource: 'activityType', operation: 'create', name: 'Call' });
		const [activity] = await crm.json({ resource: 'activity', operation: 'create', title: 'Intro call', additionalFields: { activitytype: Number(type.id), contacts: String(own.id) } });
		expect(activity).toMatchObject({ title: 'Intro call', activitytype: { id: type.id }, contacts: [{ id: own.id }] });
		crm.emulator.resetLog();
		const named = await crm.run({ resource: 'tag', operation: 'create', name: 'Named', additionalFields: { contacts: `${own.id}, Jane Doe` } });
		expect(named.error?.message).toBe('"Jane Doe" is not a contact ID');
		expect(crm.calls()).toHaveLength(0);
	});

	it('contact tags link a contact and a tag; activity types count', async () => {
		const own = await newContact(crm.emulator);
		const tag = await crmApi(crm.emulator, 'POST', '/crm-plugin/tags', { name: 'Linked' });
		const [link] = await crm.json({ resource: 'contactTag', operation: 'create', contact: Number(own.id), tag: Number(tag.id) });
		expect(link).toMatchObject({ contact: { id: own.id }, tag: { id: tag.id } });
		const [{ count }] = await crm.json({ resource: 'contactTag', operation: 'count', queryOptions: { filters: { condition: [{ field: 'tag', operator: 'eq', value: String(tag.id) }] } } });
		expect(count).toBe(1);
		expect((await crm.json({ resource: 'activityType', operation: 'count' }))[0].count).toBe(crm.emulator.state.tables.activitytype.length);
	});

	it('geography: create, count, update, delete a state', async () => {
		const [state] = await crm.json({ resource: 'state', operation: 'create', name: 'Goa', additionalFields: { country: 1, abbreviation: 'GA-X' } });
		const [{ count }] = await crm.json({ resource: 'state', operation: 'count', queryOptions: { filters: { condition: [{ field: 'abbreviation', operator: 'eq', value: 'GA-X' }] } } });
		expect(count).toBe(1);
		expect((await crm.json({ resource: 'state', operation: 'update', id: String(state.id), updateFields: { is_active: false } }))[0].is_active).toBe(false);
		expect(await crm.json({ resource: 'state', operation: 'delete', id: String(state.id) })).toEqual([{ id: state.id, deleted: true }]);
	});

	it('a record ID that is not a number is refused before sending', async () => {
		const result = await crm.run({ resource: 'contact', operation: 'get', id: 'jane' });
		expect(result.error?.message).toBe('"jane" is not a valid contact ID');
		expect(crm.calls()).toHaveLength(0);
	});

	describe('"not found" only where the server said so, in its own way', () => {
		it.each([
			['get contact', { resource: 'contact', operation: 'get' }, 'contact', 404],
			['get country', { resource: 'country', operation: 'get' }, 'country', 404],
			['get activity', { resource: 'activity', operation: 'get' }, 'activity', 404],
			['delete activity', { resource: 'activity', operation: 'delete' }, 'activity', 404],
			['delete state', { resource: 'state', operation: 'delete' }, 'state', 404],
			['get tag (400 "Cannot read property \'contacttags\' of null")', { resource: 'tag', operation: 'get' }, 'tag', 400],
			['delete contact (400 "Cannot read property \'individual\' of null")', { resource: 'contact', operation: 'delete' }, 'contact', 400],
			['update contact (400 entry.notFound)', { resource: 'contact', operation: 'update', updateFields: { phone: '1' } }, 'contact', 400],
			['update tag (400 entry.notFound)', { resource: 'tag', operation: 'update', updateFields: { name: 'x' } }, 'tag', 400],
			['update contact names (read first: 404)', { resource: 'contact', operation: 'update', updateFields: { first_name: 'x' } }, 'contact', 404],
		])('%s', async (_name, parameters, record, status) => {
			const result = await crm.run({ ...parameters, id: '999999' });
			expect(result.error?.message).toBe(`CRM Platform ${record} 999999 was not found (HTTP ${status})`);
			expect(result.error?.httpCode).toBe(String(status));
		});
	});

	it('API Request refuses generateRoutes and the account routes, however they are spelled', async () => {
		for (const path of ['/crm-plugin/generateRoutes', '/crm-plugin/GENERATEROUTES', '/crm-plugin/%67enerateRoutes', '/auth/forgot-password']) {
			const refused = await crm.run({ resource: 'apiRequest', operation: 'send', method: 'GET', path });
			expect(refused.error?.message).toMatch(/^Refusing to call \/(crm-plugin\/generateRoutes|crm-plugin\/GENERATEROUTES|auth\/forgot-password): it changes the server's configuration or accounts/);
			expect(refused.error?.message).not.toContain('/subscribers');
		}
		expect(crm.emulator.counters.generateRoutesCalls).toBe(0);
	});

	it('API Request reads any path under the base URL, and pages a list when asked', async () => {
		const [first] = await crm.json({ resource: 'apiRequest', operation: 'send', method: 'GET', path: '/crm-plugin/contact/1' });
		expect(first.id).toBe(1);
		const all = await crm.json({ resource: 'apiRequest', operation: 'send', method: 'GET', path: '/crm-plugin/contact', returnAllPages: true });
		expect(all).toHaveLength(crm.emulator.state.tables.contact.length);
	});
});
