import type { IDataObject, IExecuteFunctions, IPollFunctions } from 'n8n-workflow';

import { expectArray, expectNumber } from '../../shared/transport/answer';
import { offsetPages } from '../../shared/transport/pagination';
import { objectRequest, providerPages, providerRequest } from '../../shared/transport/request';
import type { ProviderSpec, RequestContext } from '../../shared/transport/types';
import { crmPlatformJwtPolicy, crmPlatformPolicy } from './policy';

export const PAGE_SIZE = 100;

/** Both nodes offer the login credential or a pasted JWT: every call uses the policy of the one picked. */
export function policyFor(context: RequestContext): ProviderSpec {
	// Only the action node reads parameters per item; triggers read them without an item index.
	const authentication =
		'getInputData' in context
			? (context as IExecuteFunctions).getNodeParameter('authentication', 0, 'credentials')
			: (context as IPollFunctions).getNodeParameter('authentication', 'credentials');
	return authentication === 'jwt' ? crmPlatformJwtPolicy : crmPlatformPolicy;
}

/** A request whose answer is one JSON object (a record, the current user). */
export const crmPlatformRequest = objectRequest(policyFor);

/** One page of a list: a bare JSON array. */
export async function crmPlatformPage(this: RequestContext, path: string, qs: IDataObject): Promise<IDataObject[]> {
	return (await providerRequest.call(this, policyFor(this), { method: 'GET', path, qs, expect: expectArray })) as IDataObject[];
}

/** `/count` answers a bare number. */
export async function crmPlatformCount(this: RequestContext, path: string, qs: IDataObject): Promise<number> {
	return (await providerRequest.call(this, policyFor(this), { method: 'GET', path: `${path}/count`, qs, expect: expectNumber })) as number;
}

/**
 * Lists are bare arrays paged with `_start`/`_limit` until a short page. Without an explicit order the
 * database may move updated rows between pages, so paging sorts by id unless told otherwise.
 */
export async function crmPlatformPages(this: RequestContext, path: string, qs: IDataObject, limit: number | undefined): Promise<IDataObject[]> {
	const ordered = qs._sort || qs._q ? qs : { ...qs, _sort: 'id:ASC' };
	return await providerPages.call(this, policyFor(this), { path, qs: ordered, strategy: offsetPages(), pageSize: PAGE_SIZE, limit });
}
