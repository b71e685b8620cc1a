import type { IDataObject } from 'n8n-workflow';

import { readAnswer } from '../../nodes/shared/transport/answer';
import { PagingError, collectPages, hasNextPagePages, laravelPages, offsetPages, shortPagePages } from '../../nodes/shared/transport/pagination';
import type { PagingStrategy } from '../../nodes/shared/transport/pagination';

const records = (count: number) => Array.from({ length: count }, (_, index) => ({ id: index + 1 }));

/** A fake server over `total` records that answers with the given shape and records each query. */
function server(total: number, shape: (slice: IDataObject[], query: IDataObject, all: IDataObject[]) => unknown) {
	const all = records(total);
	const queries: IDataObject[] = [];
	const fetchPage = async (query: IDataObject) => {
		queries.push(query);
		const size = Number(query.per_page ?? query.size ?? query._limit);
		const start = query._start !== undefined ? Number(query._start) : (Number(query.page) - 1) * size;
		return shape(all.slice(start, start + size), query, all);
	};
	return { fetchPage, queries };
}

const laravel = (slice: IDataObject[], query: IDataObject, all: IDataObject[]) => ({
	subscribers: {
		total: all.length,
		per_page: Number(query.per_page),
		current_page: Number(query.page),
		last_page: Math.ceil(all.length / Number(query.per_page)),
		next_page_url: '/relative?page=2',
		data: slice,
	},
});

describe('collectPages', () => {
	it('FluentCRM wrapped paginator: fetches ⌈N / size⌉ pages and every record once', async () => {
		const { fetchPage, queries } = server(1005, laravel);
		const result = await collectPages(laravelPages('per_page', (body) => (body as IDataObject).subscribers), fetchPage, { pageSize: 100 });
		expect(result).toHaveLength(1005);
		expect(new Set(result.map((record) => record.id)).size).toBe(1005);
		expect(queries).toHaveLength(11);
		expect(queries[10]).toEqual({ page: 11, per_page: 100 });
	});

	it('stops at the limit and asks for no more than it needs', async () => {
		const { fetchPage, queries } = server(1000, laravel);
		const result = await collectPages(laravelPages('per_page', (body) => (body as IDataObject).subscribers), fetchPage, { pageSize: 100, limit: 30 });
		expect(result.map((record) => record.id)).toEqual(records(30).map((record) => record.id));
		expect(queries).toEqual([{ page: 1, per_page: 30 }]);
	});

	it('never sends a page size below 1', async () => {
		const { fetchPage, queries } = server(10, laravel);
		await collectPages(laravelPages('per_page', (body) => (body as IDataObject).subscribers), fetchPage, { pageSize: 100, limit: 0 });
		expect(queries[0].per_page).toBe(1);
	});

	it('Faveo: follows next_page_url being null when there are no page numbers', async () => {
		const { fetchPage, queries } = server(25, (slice, query, all) => ({
			data: slice,
			next_page_url: Number(query.page) * 10 < all.length ? 'http://x/next' : null,
		}));
		expect(await collectPages(laravelPages(), fetchPage, { pageSize: 10 })).toHaveLength(25);
		expect(queries).toHaveLength(3);
	});

	it('Nexudus: stops when HasNextPage is false', async () => {
		const { fetchPage, queries } = server(250, (slice, query, all) => ({
			Records: slice,
			HasNextPage: Number(query.page) * Number(query.size) < all.length,
		}));
		expect(await collectPages(hasNextPagePages(), fetchPage, { pageSize: 100 })).toHaveLength(250);
		expect(queries.map((query) => query.page)).toEqual([1, 2, 3]);
	});

	it('CRM Platform: _start/_limit over bare arrays until a short page', async () => {
		const { fetchPage, queries } = server(200, (slice) => slice);
		expect(await collectPages(offsetPages(), fetchPage, { pageSize: 100 })).toHaveLength(200);
		// 200 is an exact multiple: the third, empty page is what proves the end.
		expect(queries).toEqual([{ _start: 0, _limit: 100 }, { _start: 100, _limit: 100 }, { _start: 200, _limit: 100 }]);
	});

	it('keyed short-page lists (Fuse, FluentCRM lists)', async () => {
		const { fetchPage } = server(150, (slice) => ({ users: slice }));
		expect(await collectPages(shortPagePages('users'), fetchPage, { pageSize: 100 })).toHaveLength(150);
	});

	it('a server that ignores the page parameter and repeats a full page is an error, not a short list', async () => {
		const fetchPage = async () => ({ users: records(100) });
		await expect(collectPages(shortPagePages('users'), fetchPage, { pageSize: 100 })).rejects.toThrow(PagingError);
	});

	it('a list that never ends is an error after maxPages, not a truncated success', async () => {
		let page = 0;
		const fetchPage = async () => ({ Records: [{ id: ++page }], HasNextPage: true });
		await expect(collectPages(hasNextPagePages(), fetchPage, { pageSize: 1, maxPages: 5 })).rejects.toThrow('did not end after 5 pages');
	});
});

describe('page shapes: only the provider’s own page is accepted', () => {
	const json = (body: unknown) => readAnswer(200, { 'content-type': 'application/json' }, body);
	const cases: Array<[string, PagingStrategy, unknown, unknown[]]> = [
		['Laravel (wrapped)', laravelPages('per_page', (body) => (body as IDataObject)?.subscribers), { subscribers: { data: [], current_page: 1, last_page: 0 } }, [{}, { subscribers: {} }, { subscribers: { data: [] } }, { subscribers: { data: {}, current_page: 1, last_page: 1 } }, [], '<html></html>']],
		['Laravel (bare)', laravelPages(), { data: [{ id: 1 }], next_page_url: null }, [{}, { data: [] }, { data: null, next_page_url: null }]],
		['Nexudus', hasNextPagePages(), { Records: [], HasNextPage: false }, [{}, { Records: [] }, { Records: [], HasNextPage: 'no' }, []]],
		['CRM Platform', offsetPages(), [], [{}, { data: [] }, 'Not Found']],
		['keyed list', shortPagePages('users'), { users: [] }, [{}, { users: {} }, []]],
	];

	it.each(cases)('%s: the real page passes, anything else does not', (_name, strategy, good, bad) => {
		expect(strategy.expect.accepts(json(good))).toBe(true);
		for (const body of bad) expect({ body, accepted: strategy.expect.accepts(json(body)) }).toEqual({ body, accepted: false });
		expect(strategy.expect.accepts(readAnswer(200, {}, ''))).toBe(false);
		expect(strategy.expect.accepts(readAnswer(200, { 'content-type': 'text/html' }, '<!DOCTYPE html><html><body>Hello</body></html>'))).toBe(false);
		expect(strategy.expect.accepts(readAnswer(200, { 'content-type': 'application/json' }, '{"users":[{"id":1},'))).toBe(false);
	});
});
