import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { isRecord } from '../../shared/transport/answer';
import type { Expectation } from '../../shared/transport/answer';
import { fluentArray, fluentPages, fluentRequest, paginatorUnder } from '../transport';

/** `{"options": {"tags": [ … ]}}` from FluentCRM's lookup route. */
const optionsOf = (field: string): Expectation => ({
	what: `a JSON object with "options" holding a "${field}" list`,
	accepts: (answer) => isRecord(answer.json) && isRecord(answer.json.options) && Array.isArray(answer.json.options[field]),
});

async function options(this: ILoadOptionsFunctions, field: 'tags' | 'lists'): Promise<INodePropertyOptions[]> {
	const answer = await fluentRequest.call(this, 'GET', '/reports/options', optionsOf(field), { qs: { fields: field } });
	return ((answer.options as IDataObject)[field] as IDataObject[])
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
	const { fields } = await fluentRequest.call(this, 'GET', '/custom-fields/contacts', fluentArray('fields'));
	return (fields as IDataObject[]).map((field) => ({
		name: String(field.label),
		value: String(field.slug),
		description: `${String(field.type)} field`,
	}));
}

export async function getCompanies(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const companies = await fluentPages.call(this, '/companies', paginatorUnder('companies'), {}, 500);
	return companies.map((company) => ({ name: String(company.name), value: Number(company.id) }));
}
