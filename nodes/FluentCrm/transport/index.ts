import type { IDataObject, IHttpRequestMethods, NodeApiError } from 'n8n-workflow';

import { isRecord, orEmpty } from '../../shared/transport/answer';
import type { Expectation } from '../../shared/transport/answer';
import { notFoundError } from '../../shared/transport/errors';
import { laravelPages, shortPagePages } from '../../shared/transport/pagination';
import type { PagingStrategy } from '../../shared/transport/pagination';
import { providerPages, providerRequest } from '../../shared/transport/request';
import type { RequestContext } from '../../shared/transport/types';
import { fluentCrmPolicy } from './policy';

/**
 * FluentCRM caps no page size (500 and 100,000 both answer every row). A page is one PHP request that
 * holds all its rows, with their tags and lists, in memory, and WordPress gives a request 40 MB by
 * default: 500 rows keep a page to a few megabytes and need a fifth of the requests of 100.
 */
export const PAGE_SIZE = 500;

/** FluentCRM adds timing noise (`__bench`) to most answers; users should never see it. */
export function tidy<T>(value: T): T {
	if (!isRecord(value)) return value;
	const rest = { ...value };
	delete rest.__bench;
	return rest as T;
}

/** Every FluentCRM answer the node reads is a JSON object (or, for a missing list, an empty body). */
export async function fluentRequest(
	this: RequestContext,
	method: IHttpRequestMethods,
	path: string,
	expect: Expectation,
	options: { qs?: IDataObject; body?: IDataObject } = {},
): Promise<IDataObject> {
	const answer = await providerRequest.call(this, fluentCrmPolicy, { method, path, expect, ...options });
	return isRecord(answer) ? tidy(answer) : {};
}

const isRow = (value: unknown): value is IDataObject => isRecord(value) && 'id' in value;

/** `{"<key>": {record}}`: a contact under "subscriber" on reads and under "contact" on writes, a note, … */
export function fluentRecord(key: string): Expectation {
	return { what: `a JSON object with a "${key}" record`, accepts: (answer) => isRecord(answer.json) && isRow(answer.json[key]) };
}

/** `{"<key>": {record} | null}`: FluentCRM answers a tag it does not have with `{"tag": null}` and HTTP 200. */
export function fluentRecordOrNull(key: string): Expectation {
	return {
		what: `a JSON object with a "${key}" record or null`,
		accepts: (answer) => isRecord(answer.json) && key in answer.json && (answer.json[key] === null || isRow(answer.json[key])),
	};
}

/** The record itself, or an empty body: how FluentCRM answers GET /lists/{id} for a list it does not have. */
export const bareRecordOrEmpty: Expectation = orEmpty({ what: 'a JSON record with "id"', accepts: (answer) => isRow(answer.json) });

/** `{"<key>": [ … ]}`. */
export function fluentArray(key: string): Expectation {
	return { what: `a JSON object with a "${key}" list`, accepts: (answer) => isRecord(answer.json) && Array.isArray(answer.json[key]) };
}

/** Lists come as a Laravel paginator wrapped under their resource key: `{"subscribers": {data, current_page, last_page, …}}`. */
export const paginatorUnder = (key: string): PagingStrategy => laravelPages('per_page', (body) => (isRecord(body) ? body[key] : undefined));

/** GET /lists answers `{"lists": [ … ], "pagination": {"total": N}}` without page numbers: a short page ends it. */
export const listsPages: PagingStrategy = shortPagePages('lists');

/** For paths the node does not know (API Request): the first top-level value that is a paginator. */
export const anyPaginator: PagingStrategy = laravelPages('per_page', (body) =>
	isRecord(body) ? Object.values(body).find((value) => isRecord(value) && 'data' in value && 'current_page' in value) : undefined,
);

export async function fluentPages(this: RequestContext, path: string, strategy: PagingStrategy, qs: IDataObject, limit: number | undefined): Promise<IDataObject[]> {
	// `__bench` sits on the answer, never on the records.
	return await providerPages.call(this, fluentCrmPolicy, { path, qs, strategy, pageSize: PAGE_SIZE, limit });
}

/** One page of a paginated list (`key` is its resource key), checked like every page of a Get Many. */
export async function fluentPage(this: RequestContext, path: string, key: string, qs: IDataObject): Promise<IDataObject> {
	const answer = await fluentRequest.call(this, 'GET', path, paginatorUnder(key).expect, { qs });
	return answer[key] as IDataObject;
}

/** A miss FluentCRM reports with HTTP 200 (`{"tag": null}`, an empty body). */
export function missingRecord(this: RequestContext, what: string, id: unknown): NodeApiError {
	return notFoundError(this.getNode(), `FluentCRM ${what.toLowerCase()} ${String(id)} was not found`, 'Check the ID.');
}
