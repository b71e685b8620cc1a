import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { fluentPages, fluentRequest } from '../transport';

async function options(this: ILoadOptionsFunctions, field: 'tags' | 'lists'): Promise<INodePropertyOptions[]> {
	const response = await fluentRequest.call(this, 'GET', '/reports/options', { qs: { fields: field } });
	const records = (((response.options as IDataObject | undefined)?.[field] as IDataObject[] | undefined) ?? []);
	return records
		.map((record) => ({ name: String(record.title), value: Number(record.id) }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

export async function getTags(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await options.call(this, 'tags');
}

export async function getLists(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await options.call(this, 'lists');
}

export async function getCustomFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const response = await fluentRequest.call(this, 'GET', '/custom-fields/contacts');
	return ((response.fields as IDataObject[] | undefined) ?? []).map((field) => ({
		name: String(field.label),
		value: String(field.slug),
		description: `${String(field.type)} field`,
	}));
}

export async function getCompanies(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const companies = await fluentPages.call(this, '/companies', {}, 500);
	return companies.map((company) => ({ name: String(company.name), value: Number(company.id) }));
}
