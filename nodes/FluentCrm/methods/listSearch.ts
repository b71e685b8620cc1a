import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { fluentPage } from '../transport';

const SEARCH_PAGE_SIZE = 50;

export async function searchContacts(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const page = Number(paginationToken ?? 1);
	const qs: IDataObject = { page, per_page: SEARCH_PAGE_SIZE, sort_by: 'id', sort_type: 'DESC' };
	if (filter) qs.search = filter;
	const paginator = await fluentPage.call(this, '/subscribers', 'subscribers', qs);
	return {
		results: (paginator.data as IDataObject[]).map((contact) => ({
			name: `${String(contact.full_name ?? '').trim() || String(contact.email)} <${String(contact.email)}>`,
			value: String(contact.id),
		})),
		paginationToken: Number(paginator.current_page) < Number(paginator.last_page) ? String(page + 1) : undefined,
	};
}
