import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import { collectPages, shortPagePages } from '../../shared/transport/pagination';
import { providerRequest } from '../../shared/transport/request';
import type { RequestContext } from '../../shared/transport/types';
import { fuseSpec } from './spec';

export const PAGE_SIZE = 100;

export async function fuseRequest(
	this: RequestContext,
	method: IHttpRequestMethods,
	path: string,
	options: { qs?: IDataObject; body?: IDataObject } = {},
): Promise<unknown> {
	return await providerRequest.call(this, fuseSpec, { method, path, ...options });
}

/** Lists come as `{ "<key>": [ … ] }` with `page`/`per_page` and no totals (reference §4). */
export async function fusePages(this: RequestContext, path: string, key: string, qs: IDataObject, limit: number | undefined): Promise<IDataObject[]> {
	return await collectPages(shortPagePages(key), async (page) => await fuseRequest.call(this, 'GET', path, { qs: { ...qs, ...page } }), {
		limit,
		pageSize: PAGE_SIZE,
	});
}

/** Single records may come bare or wrapped under their singular name. */
export function unwrap(body: unknown, key: string): IDataObject {
	const record = body as IDataObject;
	if (record && typeof record[key] === 'object' && !Array.isArray(record[key])) return record[key] as IDataObject;
	const plural = record?.[`${key}s`];
	if (Array.isArray(plural) && plural.length === 1) return plural[0] as IDataObject;
	return record;
}
