import { useCrmPlatform } from './setup';

describe('CRM Platform operations', () => {
	const crm = useCrmPlatform({ seedContacts: 1000 });
	let janeId: number;

	it('contact create (individual, with an address) returns the populated contact', async () => {
		const [jane] = await crm.json({
			resource: 'contact',
			operation: 'create',
			name: 'Jane Doe',
			contact_type: 'individual',
			additionalFields: { first_name: 'Jane', last_name: 'Doe', email: 'jane@example.org', addresses: { address: [{ address_line_1: '12 MG Road', city: 'Pune', pincode: '411001', address_type: 'Permanent', country: 1, state: 0, district: 0 }] } },
		});
		const post = crm.calls().find((request) => request.method === 'POST' && request.path.endsWith('/contact'))!;
		expect(post.path).toBe('/strapi/crm-plugin/contact');
		expect(post.body).toMatchObject({ name: 'Jane Doe', contact_type: 'individual', first_name: 'Jane', addresses: [{ address_line_1: '12 MG Road', country: 1 }] });
		expect((post.body as { addresses: object[] }).addresses[0]).not.toHaveProperty('state');
		expect(jane).toMatchObject({ name: 'Jane Doe', email: 'jane@example.org', individual: { first_name: 'Jane' } });
		janeId = Number(jane.id);
	});

	it('missing required fields are caught before sending; the plugin’s 200 plain-text error is an error too', async () => {
		const local = await crm.run({ resource: 'country', operation: 'create', name: 'Wakanda', abbreviation: '={{ $json.abbreviation }}', is_active: true }, [{ abbreviation: '' }]);
		expect(local.error?.message).toBe('Country needs: Abbreviation');
		expect(crm.calls().filter((request) => !request.path.endsWith('/auth/local'))).toHaveLength(0);
		const remote = await crm.run({ resource: 'apiRequest', operation: 'send', method: 'POST', path: '/crm-plugin/tags', jsonBody: '{"description":"no name"}' });
		expect(remote.error?.message).toBe('CRM Platform rejected the request: Required Parameters are missing');
		expect(remote.error?.description).toContain('name');
	});

	it('get; a missing contact is a not-found error', async () => {
		expect((await crm.json({ resource: 'contact', operation: 'get', id: String(janeId) }))[0].id).toBe(janeId);
		const missing = await crm.run({ resource: 'contact', operation: 'get', id: '999999' });
		expect(missing.error?.message).toBe('The CRM Platform record or route was not found (HTTP 404)');
	});

	it('get many over 1,000 contacts pages with _start/_limit, sorted by id unless told otherwise', async () => {
		const all = await crm.json({ resource: 'contact', operation: 'getAll', returnAll: true });
		expect(all.length).toBe(crm.emulator.state.tables.contact.length);
		expect(new Set(all.map((row) => row.id)).size).toBe(all.length);
		const pages = crm.calls().filter((request) => request.path.endsWith('/crm-plugin/contact'));
		expect(pages[0].query).toMatchObject({ _start: '0', _limit: '100', _sort: 'id:ASC' });
		expect(pages).toHaveLength(Math.floor(all.length / 100) + 1);
	});

	it('filters, search and sort are passed the Strapi way', async () => {
		const rows = await crm.json({
			resource: 'contact',
			operation: 'getAll',
			returnAll: false,
			limit: 5,
			queryOptions: { filters: { condition: [{ field: 'name', operator: 'contains', value: 'jane' }, { field: 'contact_type', operator: 'eq', value: 'individual' }] }, sort: 'name:DESC' },
		});
		expect(crm.calls().at(-1)?.query).toMatchObject({ name_contains: 'jane', contact_type: 'individual', _sort: 'name:DESC', _limit: '5' });
		expect(rows.map((row) => row.id)).toContain(janeId);
	});

	it('update and create-or-update by email (no duplicates; several matches fail)', async () => {
		const [updated] = await crm.json({ resource: 'contact', operation: 'update', id: String(janeId), updateFields: { phone: '9876543210' } });
		expect(updated).toMatchObject({ id: janeId, phone: '9876543210', email: 'jane@example.org' });
		const upsert = { resource: 'contact', operation: 'upsert', email: 'jane@example.org', name: 'Jane Doe', contact_type: 'individual', additionalFields: { phone_other: '111' } };
		const [again] = await crm.json(upsert);
		expect(again).toMatchObject({ id: janeId, phone_other: '111', action_type: 'updated' });
		const [created] = await crm.json({ ...upsert, email: 'john@example.org', name: 'John Roe' });
		expect(created).toMatchObject({ email: 'john@example.org', action_type: 'created' });
		await crm.json({ resource: 'contact', operation: 'create', name: 'Jane Twin', contact_type: 'individual', additionalFields: { email: 'jane@example.org' } });
		const ambiguous = await crm.run(upsert);
		expect(ambiguous.error?.message).toBe('More than one CRM Platform contact has the email jane@example.org');
	});

	it('tags and activities link contacts; activity types, contact tags', async () => {
		const [tag] = await crm.json({ resource: 'tag', operation: 'create', name: 'VIP', additionalFields: { contacts: `${janeId}` } });
		expect(crm.calls().find((request) => request.method === 'POST' && request.path.endsWith('/tags'))?.body).toMatchObject({ name: 'VIP', contacts: [janeId] });
		expect(tag.name).toBe('VIP');
		const [type] = await crm.json({ resource: 'activityType', operation: 'create', name: 'Call' });
		const [activity] = await crm.json({ resource: 'activity', operation: 'create', title: 'Intro call', additionalFields: { activitytype: Number(type.id), contacts: String(janeId) } });
		expect(activity.title).toBe('Intro call');
		const [link] = await crm.json({ resource: 'contactTag', operation: 'create', contact: janeId, tag: Number(tag.id) });
		expect(link).toHaveProperty('id');
		expect((await crm.json({ resource: 'activityType', operation: 'count' }))[0].count).toBeGreaterThan(0);
		const missingTag = await crm.run({ resource: 'tag', operation: 'get', id: '99999' });
		expect(missingTag.error?.message).toBe('The CRM Platform record was not found');
	});

	it('geography: create, count, update, delete a state', async () => {
		const [state] = await crm.json({ resource: 'state', operation: 'create', name: 'Goa', additionalFields: { country: 1, abbreviation: 'GA-X' } });
		const [{ count }] = await crm.json({ resource: 'state', operation: 'count', queryOptions: { filters: { condition: [{ field: 'name', operator: 'eq', value: 'Goa' }] } } });
		expect(count).toBe(1);
		expect((await crm.json({ resource: 'state', operation: 'update', id: String(state.id), updateFields: { is_active: false } }))[0].is_active).toBe(false);
		expect(await crm.json({ resource: 'state', operation: 'delete', id: String(state.id) })).toEqual([{ id: state.id, deleted: true }]);
		const deleteAgain = await crm.run({ resource: 'state', operation: 'delete', id: String(state.id) });
		expect(deleteAgain.error?.message).toBe('The CRM Platform record was not found');
	});

	it('API request refuses generateRoutes', async () => {
		const refused = await crm.run({ resource: 'apiRequest', operation: 'send', method: 'GET', path: '/crm-plugin/generateRoutes' });
		expect(refused.error?.message).toContain('Refusing to call /crm-plugin/generateRoutes');
		expect(crm.emulator.counters.generateRoutesCalls).toBe(0);
	});
});
