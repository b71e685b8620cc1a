import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import { collectPages, hasNextPagePages } from '../../shared/transport/pagination';
import { providerRequest } from '../../shared/transport/request';
import type { RequestContext } from '../../shared/transport/types';
import { nexudusSpec } from './spec';

/** Large pages keep long lists inside the 120 requests/minute budget (documented maximum: 1000). */
export const PAGE_SIZE = 500;

export async function nexudusRequest(
	this: RequestContext,
	method: IHttpRequestMethods,
	path: string,
	options: { qs?: IDataObject; body?: IDataObject } = {},
): Promise<unknown> {
	return await providerRequest.call(this, nexudusSpec, { method, path, ...options });
}

export async function nexudusPages(this: RequestContext, path: string, qs: IDataObject, limit: number | undefined): Promise<IDataObject[]> {
	return await collectPages(hasNextPagePages(), async (page) => await nexudusRequest.call(this, 'GET', path, { qs: { ...qs, ...page } }), {
		limit,
		pageSize: PAGE_SIZE,
	});
}
