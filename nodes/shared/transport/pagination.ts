import type { IDataObject } from 'n8n-workflow';

export interface PageCursor {
	/** 1-based page number. */
	page: number;
	/** Records before this page. */
	offset: number;
	size: number;
}

export interface PageResult {
	items: IDataObject[];
	/** True when the provider says (or the page shows) there is nothing after this page. */
	last: boolean;
}

/** How one provider shapes its pages: the query for a page and how to read the answer. */
export interface PagingStrategy {
	query(cursor: PageCursor): IDataObject;
	read(body: unknown, cursor: PageCursor): PageResult;
}

export interface PagingOptions {
	/** Undefined means "return all". */
	limit?: number;
	pageSize: number;
	/** Safety net against servers that repeat pages forever. */
	maxPages?: number;
}

function sameRecords(a: IDataObject[], b: IDataObject[]): boolean {
	return a.length > 0 && a.length === b.length && JSON.stringify(a[0]) === JSON.stringify(b[0]) && JSON.stringify(a[a.length - 1]) === JSON.stringify(b[b.length - 1]);
}

/** Fetches pages until the provider says it is done or `limit` records are collected. */
export async function collectPages(
	strategy: PagingStrategy,
	fetchPage: (query: IDataObject) => Promise<unknown>,
	options: PagingOptions,
): Promise<IDataObject[]> {
	const limit = options.limit === undefined ? Infinity : Math.max(1, Math.floor(options.limit));
	const size = Math.max(1, Math.floor(Math.min(options.pageSize, limit)));
	const maxPages = options.maxPages ?? 100_000;
	const records: IDataObject[] = [];
	let previous: IDataObject[] = [];
	for (let page = 1; page <= maxPages && records.length < limit; page++) {
		const cursor: PageCursor = { page, offset: (page - 1) * size, size };
		const { items, last } = strategy.read(await fetchPage(strategy.query(cursor)), cursor);
		if (sameRecords(items, previous)) break;
		for (const item of items) {
			if (records.length >= limit) break;
			records.push(item);
		}
		if (last || items.length === 0) break;
		previous = items;
	}
	return records;
}

const asRecords = (value: unknown): IDataObject[] => (Array.isArray(value) ? (value as IDataObject[]) : []);

/** `page`/`per_page` with a Laravel paginator (FluentCRM wraps it under a resource key, Faveo may not). */
export function laravelPages(sizeParam = 'per_page', unwrap?: (body: unknown) => unknown): PagingStrategy {
	return {
		query: ({ page, size }) => ({ page, [sizeParam]: size }),
		read: (body) => {
			const paginator = (unwrap ? unwrap(body) : body) as IDataObject | undefined;
			const items = asRecords(paginator?.data);
			const current = Number(paginator?.current_page);
			const lastPage = Number(paginator?.last_page);
			const byNumbers = Number.isFinite(current) && Number.isFinite(lastPage) ? current >= lastPage : undefined;
			const last = byNumbers ?? (paginator?.next_page_url === null || paginator?.next_page_url === undefined);
			return { items, last };
		},
	};
}

/** `page`/`size` with `Records` and `HasNextPage` (Nexudus). */
export function hasNextPagePages(): PagingStrategy {
	return {
		query: ({ page, size }) => ({ page, size }),
		read: (body) => {
			const record = body as IDataObject;
			return { items: asRecords(record?.Records), last: record?.HasNextPage !== true };
		},
	};
}

/** `_start`/`_limit` over bare arrays until a short page (Strapi 3 / CRM Platform). */
export function offsetPages(): PagingStrategy {
	return {
		query: ({ offset, size }) => ({ _start: offset, _limit: size }),
		read: (body, { size }) => {
			const items = asRecords(body);
			return { items, last: items.length < size };
		},
	};
}

/** `page`/`per_page` over a list kept under `key` (or a bare array) until a short page (Fuse, FluentCRM lists). */
export function shortPagePages(key?: string, sizeParam = 'per_page'): PagingStrategy {
	return {
		query: ({ page, size }) => ({ page, [sizeParam]: size }),
		read: (body, { size }) => {
			const items = asRecords(key ? (body as IDataObject)?.[key] : body);
			return { items, last: items.length < size };
		},
	};
}
