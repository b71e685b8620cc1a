import type { IDataObject } from 'n8n-workflow';

import { PAGE_SIZE } from '../../nodes/FluentCrm/transport';
import { useFluentCrm } from './setup';

const API = '/wp-json/fluent-crm/v2';
let unique = 0;

describe.each([
	['tag', 'tagId', '/tags'],
	['list', 'listId', '/lists'],
] as const)('FluentCRM %s operations', (resource, idParameter, path) => {
	const fluent = useFluentCrm();
	/** A record of this test's own, made directly in the emulator's database. */
	const seed = (title: string, description = '') => fluent.emulator.store.createTaxonomy(resource, { title: `${title} ${++unique}`, description });
	const rows = () => fluent.emulator.state[`${resource}s`];

	it('create: outputs the new record', async () => {
		const title = `Spring ${resource} ${++unique}`;
		const [record] = await fluent.json({ resource, operation: 'create', title, additionalFields: { description: 'seasonal' } });
		expect(record).toMatchObject({ title, slug: `spring-${resource}-${unique}`, description: 'seasonal' });
		expect(rows().find((row) => row.id === record.id)).toMatchObject({ title });
		expect(fluent.calls()[0]).toMatchObject({ method: 'POST', path: `${API}${path}`, body: { title, description: 'seasonal' } });
	});

	it('create: a duplicate slug is a clear validation error', async () => {
		const existing = seed('Summer');
		const result = await fluent.run({ resource, operation: 'create', title: String(existing.title) });
		expect(result.error?.message).toBe('FluentCRM rejected the data: slug: The slug attribute is already taken and must be unique.');
		expect(rows().filter((row) => row.title === existing.title)).toHaveLength(1);
	});

	it('get: returns the record; a missing one is a not-found error (FluentCRM says 200)', async () => {
		const existing = seed('Autumn');
		const [record] = await fluent.json({ resource, operation: 'get', [idParameter]: String(existing.id) });
		expect(record).toMatchObject({ id: existing.id, title: existing.title });
		const missing = await fluent.run({ resource, operation: 'get', [idParameter]: '9999' });
		expect(missing.error?.message).toBe(`FluentCRM ${resource} 9999 was not found`);
	});

	it('get many: pages through every record exactly once (3 pages), without __bench', async () => {
		const prefix = `Paging ${resource} ${++unique}`;
		const seeded = Array.from({ length: 2 * PAGE_SIZE + 5 }, (_, index) => fluent.emulator.store.createTaxonomy(resource, { title: `${prefix} ${index}` }));
		const all = await fluent.json({ resource, operation: 'getAll', returnAll: true });
		expect(all).toHaveLength(rows().length);
		expect(all.map((record) => record.id).sort((a, b) => Number(a) - Number(b))).toEqual(rows().map((row) => row.id));
		expect(all.every((record) => !('__bench' in record))).toBe(true);
		fluent.emulator.resetLog();
		const found = await fluent.json({ resource, operation: 'getAll', returnAll: true, filters: { search: prefix } });
		expect(found.map((record) => record.id).sort((a, b) => Number(a) - Number(b))).toEqual(seeded.map((row) => row.id));
		expect(fluent.calls().map((request) => request.query.page)).toEqual(['1', '2', '3']);
		expect(fluent.calls().every((request) => request.query.search === prefix && request.query.per_page === String(PAGE_SIZE))).toBe(true);
	});

	it('get many: the limit and the sort order are sent and honoured', async () => {
		seed('Sorted');
		const [first] = await fluent.json({ resource, operation: 'getAll', returnAll: false, limit: 1, filters: { sort_by: 'id', sort_order: 'ASC' } });
		expect(first.id).toBe(Math.min(...rows().map((row) => Number(row.id))));
		expect(fluent.calls()).toHaveLength(1);
		expect(fluent.calls()[0].query).toMatchObject({ page: '1', per_page: '1', sort_by: 'id', sort_order: 'ASC' });
	});

	it('update: changes only what was given and keeps the rest (FluentCRM requires the title)', async () => {
		const existing = seed('Winter', 'cold');
		const [record] = await fluent.json({ resource, operation: 'update', [idParameter]: String(existing.id), updateFields: { description: 'changed' } });
		expect(record).toMatchObject({ id: existing.id, title: existing.title, slug: existing.slug, description: 'changed' });
		const put = fluent.calls().find((request) => request.method === 'PUT');
		expect(put?.body).toEqual({ title: existing.title, slug: existing.slug, description: 'changed' });
	});

	it('delete: deletes; a missing id is a not-found error instead of a crash or a fake success', async () => {
		const existing = seed('Obsolete');
		expect(await fluent.json({ resource, operation: 'delete', [idParameter]: String(existing.id) })).toEqual([{ id: existing.id, deleted: true }]);
		expect(rows().some((row: IDataObject) => row.id === existing.id)).toBe(false);
		fluent.emulator.resetLog();
		const again = await fluent.run({ resource, operation: 'delete', [idParameter]: String(existing.id) });
		expect(again.error?.message).toBe(`FluentCRM ${resource} ${String(existing.id)} was not found`);
		expect(fluent.calls().some((request) => request.method === 'DELETE')).toBe(false);
	});
});
