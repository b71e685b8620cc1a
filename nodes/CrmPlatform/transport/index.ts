import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import { collectPages, offsetPages } from '../../shared/transport/pagination';
import { providerRequest } from '../../shared/transport/request';
import type { ProviderSpec, RequestContext } from '../../shared/transport/types';
import { crmPlatformSpec } from './spec';

export const PAGE_SIZE = 100;

/** The node offers two credentials; every call uses the one the user picked. */
export function specFor(context: RequestContext): ProviderSpec {
	const authentication = context.getNodeParameter('authentication', 0, 'credentials') as string;
	return crmPlatformSpec(authentication === 'jwt' ? 'crmPlatformJwtApi' : 'crmPlatformApi');
}

export async function crmRequest(
	this: RequestContext,
	method: IHttpRequestMethods,
	path: string,
	options: { qs?: IDataObject; body?: IDataObject } = {},
): Promise<unknown> {
	return await providerRequest.call(this, specFor(this), { method, path, ...options });
}

/**
 * Bare arrays paged with `_start`/`_limit` until a short page (reference §4). Without an explicit
 * order the database may move updated rows between pages, so paging sorts by id unless told otherwise.
 */
export async function crmPages(this: RequestContext, path: string, qs: IDataObject, limit: number | undefined): Promise<IDataObject[]> {
	const ordered = qs._sort || qs._q ? qs : { ...qs, _sort: 'id:ASC' };
	return await collectPages(offsetPages(), async (page) => await crmRequest.call(this, 'GET', path, { qs: { ...ordered, ...page } }), {
		limit,
		pageSize: PAGE_SIZE,
	});
}
