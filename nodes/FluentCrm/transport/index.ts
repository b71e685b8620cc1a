import type { IDataObject, IHttpRequestMethods, NodeApiError } from 'n8n-workflow';

import { notFoundError } from '../../shared/transport/errors';
import { collectPages, laravelPages, shortPagePages } from '../../shared/transport/pagination';
import { providerRequest } from '../../shared/transport/request';
import type { RequestContext } from '../../shared/transport/types';
import { fluentCrmSpec } from './spec';

export const PAGE_SIZE = 100;

/** FluentCRM adds timing noise (`__bench`) to most answers; users should never see it. */
export function tidy<T>(value: T): T {
	if (value && typeof value === 'object' && !Array.isArray(value)) {
		const rest = { ...(value as IDataObject) };
		delete rest.__bench;
		return rest as T;
	}
	return value;
}

/** FluentCRM answers with JSON objects; a few misses come back as an empty body (see notFoundError). */
export async function fluentRequest(
	this: RequestContext,
	method: IHttpRequestMethods,
	path: string,
	options: { qs?: IDataObject; body?: IDataObject } = {},
): Promise<IDataObject> {
	return tidy(await providerRequest.call(this, fluentCrmSpec, { method, path, ...options })) as IDataObject;
}

/** Paginators come wrapped under a resource key ("subscribers", "tags", …): take the first that looks like one. */
export function unwrapPaginator(body: unknown): IDataObject | undefined {
	if (!body || typeof body !== 'object') return undefined;
	return Object.values(body as IDataObject).find(
		(value) => value !== null && typeof value === 'object' && 'data' in value && 'current_page' in value,
	) as IDataObject | undefined;
}

export async function fluentPages(
	this: RequestContext,
	path: string,
	qs: IDataObject,
	limit: number | undefined,
	shape: 'paginator' | 'lists' = 'paginator',
): Promise<IDataObject[]> {
	// GET /lists answers {"lists":[…],"pagination":{"total"}} instead of a paginator (reference §3.5).
	const strategy = shape === 'lists' ? shortPagePages('lists') : laravelPages('per_page', unwrapPaginator);
	// `__bench` sits on the answer, never on the records: fluentRequest already removed it.
	return await collectPages(strategy, async (page) => await fluentRequest.call(this, 'GET', path, { qs: { ...qs, ...page } }), {
		limit,
		pageSize: PAGE_SIZE,
	});
}

/** FluentCRM reports some misses as 200 with `null` or an empty body (reference Q2). */
export function missingRecord(this: RequestContext, what: string, id: unknown): NodeApiError {
	return notFoundError(this.getNode(), `FluentCRM ${what.toLowerCase()} ${String(id)} was not found`, 'Check the ID.');
}
