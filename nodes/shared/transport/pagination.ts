import { isRecord } from './answer';
import type { Answer, Expectation } from './answer';
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
	/** True only when the provider says (or the page shows, by its size) that nothing comes after it. */
	last: boolean;
}

/**
 * How one provider shapes its pages: the query for a page, what a page must look like (checked by the
 * request, so a broken page is an error and never "the last page"), and how to read it.
 */
export interface PagingStrategy {
	query(cursor: PageCursor): IDataObject;
	expect: Expectation;
	read(body: unknown, cursor: PageCursor): PageResult;
}

export interface PagingOptions {
	/** Undefined means "return all". */
	limit?: number;
	pageSize: number;
	/** Safety net against servers that never end a list. */
	maxPages?: number;
	/** The error to throw when paging cannot go on safely (default: a PagingError). */
	stuck?(reason: string): Error;
}

/** Thrown when paging cannot go on safely and the caller gave no error of its own. */
export class PagingError extends Error {
	name = 'PagingError';
}

function sameRecords(a: IDataObject[], b: IDataObject[]): boolean {
	return a.length > 0 && a.length === b.length && JSON.stringify(a[0]) === JSON.stringify(b[0]) && JSON.stringify(a[a.length - 1]) === JSON.stringify(b[b.length - 1]);
}

/** Fetches pages until the provider's own end-of-list signal, or until `limit` records are collected. */
export async function collectPages(
	strategy: PagingStrategy,
	fetchPage: (query: IDataObject, expect: Expectation) => Promise<unknown>,
	options: PagingOptions,
): Promise<IDataObject[]> {
	const limit = options.limit === undefined ? Infinity : Math.max(1, Math.floor(options.limit));
	const size = Math.max(1, Math.floor(Math.min(options.pageSize, limit)));
	const maxPages = options.maxPages ?? 100_000;
	const stuck = options.stuck ?? ((reason: string) => new PagingError(reason));
	const records: IDataObject[] = [];
	let previous: IDataObject[] = [];
	for (let page = 1; records.length < limit; page++) {
		if (page > maxPages) throw stuck(`the list did not end after ${maxPages} pages`);
		const cursor: PageCursor = { page, offset: (page - 1) * size, size };
		const { items, last } = strategy.read(await fetchPage(strategy.query(cursor), strategy.expect), cursor);
		if (sameRecords(items, previous)) throw stuck(`page ${page} repeated page ${page - 1}: the server seems to ignore the paging parameters`);
		for (const item of items) {
			if (records.length >= limit) break;
			records.push(item);
		}
		if (last || items.length === 0) break;
		previous = items;
	}
	return records;
}

const records = (value: unknown): IDataObject[] => value as IDataObject[];

const isFiniteNumber = (value: unknown) => value !== null && value !== '' && Number.isFinite(Number(value));

/** A Laravel paginator: `data` plus either page numbers or a next-page link. */
function isPaginator(value: unknown): value is IDataObject {
	if (!isRecord(value) || !Array.isArray(value.data)) return false;
	return (isFiniteNumber(value.current_page) && isFiniteNumber(value.last_page)) || 'next_page_url' in value;
}

/** `page`/`per_page` with a Laravel paginator (FluentCRM wraps it under a resource key, Faveo 2's filtered list under `data`). */
export function laravelPages(sizeParam = 'per_page', unwrap: (body: unknown) => unknown = (body) => body): PagingStrategy {
	return {
		query: ({ page, size }) => ({ page, [sizeParam]: size }),
		expect: { what: 'a JSON page with "data" and its page numbers', accepts: (answer: Answer) => isPaginator(unwrap(answer.json)) },
		read: (body) => {
			const paginator = unwrap(body) as IDataObject;
			const last = isFiniteNumber(paginator.current_page) && isFiniteNumber(paginator.last_page)
				? Number(paginator.current_page) >= Number(paginator.last_page)
				: paginator.next_page_url === null;
			return { items: records(paginator.data), last };
		},
	};
}

/** `page`/`size` with `Records` and `HasNextPage` (Nexudus). */
export function hasNextPagePages(): PagingStrategy {
	return {
		query: ({ page, size }) => ({ page, size }),
		expect: {
			what: 'a JSON page with "Records" and "HasNextPage"',
			accepts: (answer) => isRecord(answer.json) && Array.isArray(answer.json.Records) && typeof answer.json.HasNextPage === 'boolean',
		},
		read: (body) => ({ items: records((body as IDataObject).Records), last: (body as IDataObject).HasNextPage !== true }),
	};
}

/** `_start`/`_limit` over bare arrays until a short page (Strapi 3 / CRM Platform). */
export function offsetPages(): PagingStrategy {
	return {
		query: ({ offset, size }) => ({ _start: offset, _limit: size }),
		expect: { what: 'a JSON array', accepts: (answer) => Array.isArray(answer.json) },
		read: (body, { size }) => ({ items: records(body), last: records(body).length < size }),
	};
}

/** `page`/`per_page` over a list kept under `key` until a short page (Fuse, FluentCRM lists). */
export function shortPagePages(key: string, sizeParam = 'per_page'): PagingStrategy {
	return {
		query: ({ page, size }) => ({ page, [sizeParam]: size }),
		expect: { what: `a JSON object with a "${key}" list`, accepts: (answer) => isRecord(answer.json) && Array.isArray(answer.json[key]) },
		read: (body, { size }) => {
			const items = records((body as IDataObject)[key]);
			return { items, last: items.length < size };
		},
	};
}
