import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { fluentRequest, unwrapPaginator } from '../transport';

const SEARCH_PAGE_SIZE = 50;

export async function searchContacts(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const page = Number(paginationToken ?? 1);
	const qs: IDataObject = { page, per_page: SEARCH_PAGE_SIZE, sort_by: 'id', sort_type: 'DESC' };
	if (filter) qs.search = filter;
	const paginator = unwrapPaginator(await fluentRequest.call(this, 'GET', '/subscribers', { qs })) ?? {};
	const contacts = (paginator.data as IDataObject[] | undefined) ?? [];
	return {
		results: contacts.map((contact) => ({
			name: `${String(contact.full_name ?? '').trim() || String(contact.email)} <${String(contact.email)}>`,
			value: String(contact.id),
		})),
		paginationToken: Number(paginator.current_page) < Number(paginator.last_page) ? String(page + 1) : undefined,
	};
}
