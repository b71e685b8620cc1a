import type { IDataObject } from 'n8n-workflow';

import { isRecord } from '../../shared/transport/answer';
import type { Expectation } from '../../shared/transport/answer';
import { shortPagePages } from '../../shared/transport/pagination';
import { objectRequest, providerPages } from '../../shared/transport/request';
import type { RequestContext } from '../../shared/transport/types';
import { fusePolicy } from './policy';

export const PAGE_SIZE = 100;

/** Every Fuse answer the node reads is a JSON object. */
export const fuseRequest = objectRequest(fusePolicy);

/** Lists come as `{ "<key>": [ … ] }` with `page`/`per_page` and no totals: a short page ends them. */
export async function fusePages(this: RequestContext, path: string, key: string, qs: IDataObject, limit: number | undefined): Promise<IDataObject[]> {
	return await providerPages.call(this, fusePolicy, { path, qs, strategy: shortPagePages(key), pageSize: PAGE_SIZE, limit });
}

/** Single records come bare or wrapped under their singular name (or a one-element plural list). */
export function unwrap(body: IDataObject, key: string): IDataObject {
	if (body[key] && typeof body[key] === 'object' && !Array.isArray(body[key])) return body[key] as IDataObject;
	const plural = body[`${key}s`];
	if (Array.isArray(plural) && plural.length === 1) return plural[0] as IDataObject;
	return body;
}

/** One record of `key` ("user", "topic", …), bare or wrapped: it must carry its "id". */
export function fuseRecord(key: string): Expectation {
	return { what: `a JSON ${key} record with "id"`, accepts: (answer) => isRecord(answer.json) && 'id' in unwrap(answer.json, key) };
}
