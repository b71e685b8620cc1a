import type { IDataObject } from 'n8n-workflow';

import { isRecord } from '../../shared/transport/answer';
import type { Answer, Expectation } from '../../shared/transport/answer';
import { laravelPages } from '../../shared/transport/pagination';
import type { PagingStrategy } from '../../shared/transport/pagination';
import { objectRequest, providerPages } from '../../shared/transport/request';
import type { RequestContext } from '../../shared/transport/types';
import { faveoPolicy } from './policy';

/** Every v1 list has a fixed page size of 10; Faveo ignores any page-size parameter. */
export const V1_PAGE_SIZE = 10;
/** The v2 ticket list takes `records_per_page` up to 499. */
export const V2_PAGE_SIZE = 499;

type Shape = 'object' | 'list' | 'text' | 'objectOrNull';
const SHAPES: Record<Shape, [string, (value: unknown) => boolean]> = {
	object: ['an object', isRecord],
	list: ['a list', Array.isArray],
	text: ['a text', (value) => typeof value === 'string'],
	objectOrNull: ['an object or null', (value) => value === null || isRecord(value)],
};

const isJsonObject = (answer: Answer): answer is Answer & { json: IDataObject } => !answer.empty && answer.text === undefined && isRecord(answer.json);

/** Faveo wraps most answers under one key (`result`, `response`, `thread`, `register`, `collaborator`, `users`, `user`). */
export function faveoAnswer(key: string, shape: Shape): Expectation {
	const [words, fits] = SHAPES[shape];
	return { what: `a JSON object with ${words} under "${key}"`, accepts: (answer) => isJsonObject(answer) && key in answer.json && fits(answer.json[key]) };
}

/** Every Faveo answer the node reads is JSON; `expect` says which (the ticket thread is a bare list). */
export const faveoRequest = objectRequest(faveoPolicy);

/** The v1 lists: a Laravel paginator, 10 a page, asked for by `page` only. */
const v1Pages: PagingStrategy = { ...laravelPages(), query: ({ page }) => ({ page }) };

const v2Paginator = laravelPages('records_per_page', (body) => (isRecord(body) ? body.data : undefined));
/** Faveo 2's filtered ticket list: `{"success":true,"data":<paginator>}`. */
const v2Pages: PagingStrategy = {
	...v2Paginator,
	expect: {
		what: 'a JSON object with "success": true and a page under "data"',
		accepts: (answer) => isJsonObject(answer) && answer.json.success === true && v2Paginator.expect.accepts(answer),
	},
};

/** For the API Request resource: either paginator, asked for by `page` only. */
export const anyFaveoPages: PagingStrategy = {
	...laravelPages('per_page', (body) => (isRecord(body) && body.success === true && isRecord(body.data) ? body.data : body)),
	query: ({ page }) => ({ page }),
};

export interface FaveoList {
	path: string;
	qs?: IDataObject;
	/** The v2 filtered list instead of a v1 list. */
	v2?: boolean;
}

/** Every record of a list (or up to `limit`); a page of the wrong shape stops the item. */
export async function faveoPages(this: RequestContext, list: FaveoList, limit: number | undefined): Promise<IDataObject[]> {
	const [strategy, pageSize] = list.v2 ? [v2Pages, V2_PAGE_SIZE] : [v1Pages, V1_PAGE_SIZE];
	return await providerPages.call(this, faveoPolicy, { path: list.path, qs: list.qs, strategy, pageSize, limit });
}

/** One page (0-based) of a list, checked like every page: for the polling trigger. */
export async function faveoPage(this: RequestContext, list: FaveoList, index: number): Promise<IDataObject[]> {
	const [strategy, size] = list.v2 ? [v2Pages, V2_PAGE_SIZE] : [v1Pages, V1_PAGE_SIZE];
	const cursor = { page: index + 1, offset: index * size, size };
	const body = await faveoRequest.call(this, 'GET', list.path, strategy.expect, { qs: { ...list.qs, ...strategy.query(cursor) } });
	return strategy.read(body, cursor).items;
}
