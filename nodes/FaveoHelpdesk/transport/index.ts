import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import { collectPages, laravelPages } from '../../shared/transport/pagination';
import { providerRequest } from '../../shared/transport/request';
import type { RequestContext } from '../../shared/transport/types';
import { faveoSpec } from './spec';

/** Every v1 list has a fixed page size of 10 (reference §4). */
export const V1_PAGE_SIZE = 10;
export const V2_PAGE_SIZE = 499;

export async function faveoRequest(
	this: RequestContext,
	method: IHttpRequestMethods,
	path: string,
	options: { qs?: IDataObject; body?: IDataObject } = {},
): Promise<IDataObject> {
	const body = await providerRequest.call(this, faveoSpec, { method, path, ...options });
	return (typeof body === 'string' ? parseText(body) : body) as IDataObject;
}

/** Some answers are JSON labelled text/html; n8n usually parses them, but not always (reference §8). */
function parseText(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

export async function faveoPages(
	this: RequestContext,
	path: string,
	qs: IDataObject,
	limit: number | undefined,
	v2 = false,
): Promise<IDataObject[]> {
	const strategy = v2 ? laravelPages('records_per_page', (body) => (body as IDataObject)?.data) : laravelPages('per_page');
	return await collectPages(strategy, async (page) => await faveoRequest.call(this, 'GET', path, { qs: { ...qs, ...page } }), {
		limit,
		pageSize: v2 ? V2_PAGE_SIZE : V1_PAGE_SIZE,
	});
}

/** `result` holds the payload of most answers. */
export const result = (body: IDataObject): unknown => body.result;
