import { useFluentCrm } from './setup';

describe.each([
	['tag', 'tagId', '/tags'],
	['list', 'listId', '/lists'],
])('FluentCRM %s operations', (resource, idParameter, path) => {
	const fluent = useFluentCrm();
	let createdId: number;

	it('create: outputs the new record', async () => {
		const [record] = await fluent.json({ resource, operation: 'create', title: `Spring ${resource}`, additionalFields: { description: 'seasonal' } });
		expect(record).toMatchObject({ title: `Spring ${resource}`, slug: `spring-${resource}`, description: 'seasonal' });
		expect(fluent.calls()[0]).toMatchObject({ method: 'POST', path: `/wp-json/fluent-crm/v2${path}` });
		createdId = Number(record.id);
	});

	it('create: a duplicate slug is a clear validation error', async () => {
		const result = await fluent.run({ resource, operation: 'create', title: `Spring ${resource}` });
		expect(result.error?.message).toContain('FluentCRM rejected the data: slug:');
	});

	it('get: returns the record; a missing one is a not-found error (FluentCRM says 200)', async () => {
		const [record] = await fluent.json({ resource, operation: 'get', [idParameter]: String(createdId) });
		expect(record.id).toBe(createdId);
		const missing = await fluent.run({ resource, operation: 'get', [idParameter]: '9999' });
		expect(missing.error?.message).toBe(`FluentCRM ${resource} 9999 was not found`);
	});

	it('get many: pages through every record and honours the limit', async () => {
		const all = await fluent.json({ resource, operation: 'getAll', returnAll: true });
		expect(all.map((record) => record.id)).toContain(createdId);
		expect(all.every((record) => !('__bench' in record))).toBe(true);
		const limited = await fluent.json({ resource, operation: 'getAll', returnAll: false, limit: 1, filters: { sort_by: 'id', sort_order: 'ASC' } });
		expect(limited).toHaveLength(1);
		expect(fluent.calls().at(-1)?.query).toMatchObject({ per_page: '1', sort_by: 'id', sort_order: 'ASC' });
	});

	it('update: changes only what was given and keeps the rest (FluentCRM requires the title)', async () => {
		const [record] = await fluent.json({ resource, operation: 'update', [idParameter]: String(createdId), updateFields: { description: 'changed' } });
		expect(record).toMatchObject({ id: createdId, title: `Spring ${resource}`, slug: `spring-${resource}`, description: 'changed' });
		const put = fluent.calls().find((request) => request.method === 'PUT');
		expect(put?.body).toMatchObject({ title: `Spring ${resource}`, description: 'changed' });
	});

	it('delete: deletes; a missing id is a not-found error instead of a crash or a fake success', async () => {
		expect(await fluent.json({ resource, operation: 'delete', [idParameter]: String(createdId) })).toEqual([{ id: createdId, deleted: true }]);
		fluent.emulator.resetLog();
		const again = await fluent.run({ resource, operation: 'delete', [idParameter]: String(createdId) });
		expect(again.error?.message).toBe(`FluentCRM ${resource} ${createdId} was not found`);
		expect(fluent.calls().some((request) => request.method === 'DELETE')).toBe(false);
	});
});
