import { useCrmPlatform } from './setup';

/** Every collection resource through its full life-cycle, with the fields it requires. */
describe.each([
	['activity', { title: 'Site visit' }, { description: 'Bring boots' }],
	['activityType', { name: 'Meeting' }, { is_active: false }],
	['tag', { name: 'Partner' }, { description: 'Channel partners' }],
	['country', { name: 'Atlantis', abbreviation: 'AT-X', is_active: true }, { identifier: 'atlantis' }],
	['state', { name: 'Coastal' }, { abbreviation: 'CO-X' }],
	['district', { name: 'Harbour' }, { abbreviation: 'HB-X' }],
	['village', { name: 'Seaside' }, { abbreviation: 'SS-X' }],
])('CRM Platform %s', (resource, required, changes) => {
	const crm = useCrmPlatform();

	it('create, get, get many, update, delete', async () => {
		const [created] = await crm.json({ resource, operation: 'create', ...required });
		expect(created).toMatchObject(required);
		const id = String(created.id);
		expect((await crm.json({ resource, operation: 'get', id }))[0].id).toBe(created.id);
		expect((await crm.json({ resource, operation: 'getAll', returnAll: true })).map((row) => row.id)).toContain(created.id);
		expect((await crm.json({ resource, operation: 'update', id, updateFields: changes }))[0]).toMatchObject({ id: created.id, ...changes });
		expect(await crm.json({ resource, operation: 'delete', id })).toEqual([{ id: created.id, deleted: true }]);
		expect((await crm.run({ resource, operation: 'get', id })).error?.httpCode).toMatch(/^40[04]$/);
	});
});
