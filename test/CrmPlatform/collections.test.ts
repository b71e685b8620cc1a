import { useCrmPlatform } from './setup';

/** Every collection resource through its full life-cycle, with the fields it requires; a read after the delete gets the server's own not-found answer. */
describe.each([
	['activity', 'activity', { title: 'Site visit' }, { description: 'Bring boots' }, 404],
	['activityType', 'activity type', { name: 'Meeting' }, { is_active: false }, 404],
	['tag', 'tag', { name: 'Partner' }, { description: 'Channel partners' }, 400],
	['country', 'country', { name: 'Atlantis', abbreviation: 'AT-X', is_active: true }, { identifier: 'atlantis' }, 404],
	['state', 'state', { name: 'Coastal' }, { abbreviation: 'CO-X' }, 404],
	['district', 'district', { name: 'Harbour' }, { abbreviation: 'HB-X' }, 404],
	['village', 'village', { name: 'Seaside' }, { abbreviation: 'SS-X' }, 404],
])('CRM Platform %s', (resource, record, required, changes, missingStatus) => {
	const crm = useCrmPlatform();

	it('create, get, get many, update, delete', async () => {
		const [created] = await crm.json({ resource, operation: 'create', ...required });
		expect(created).toMatchObject(required);
		const id = String(created.id);
		expect((await crm.json({ resource, operation: 'get', id }))[0].id).toBe(created.id);
		expect((await crm.json({ resource, operation: 'getAll', returnAll: true })).map((row) => row.id)).toContain(created.id);
		expect((await crm.json({ resource, operation: 'update', id, updateFields: changes }))[0]).toMatchObject({ id: created.id, ...changes });
		expect(await crm.json({ resource, operation: 'delete', id })).toEqual([{ id: created.id, deleted: true }]);
		const missing = await crm.run({ resource, operation: 'get', id });
		expect(missing.error?.message).toBe(`CRM Platform ${record} ${id} was not found (HTTP ${missingStatus})`);
	});
});
