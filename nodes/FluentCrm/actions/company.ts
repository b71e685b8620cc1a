import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { idParameter } from '../../shared/actions/parameters';
import type { ItemOperation } from '../../shared/actions/runItems';
import { expectObject } from '../../shared/transport/answer';
import { operationSelector, scoped, textField } from '../../shared/descriptions/fields';
import { readLimit, returnAllOrLimit } from '../../shared/descriptions/returnAllOrLimit';
import { fluentPages, fluentRecord, fluentRecordOrNull, fluentRequest, missingRecord, paginatorUnder } from '../transport';

const companyFields: INodeProperties[] = [
	textField('Address Line 1', 'address_line_1'),
	textField('City', 'city'),
	textField('Country', 'country'),
	textField('Description', 'description'),
	textField('Email', 'email'),
	textField('Industry', 'industry'),
	textField('Phone', 'phone'),
	textField('Postal Code', 'postal_code'),
	textField('State', 'state'),
	textField('Website', 'website'),
];

async function readCompany(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = idParameter(this, 'companyId', 'company', i);
	const company = (await fluentRequest.call(this, 'GET', `/companies/${id}`, fluentRecordOrNull('company'))).company as IDataObject | null;
	if (!company) throw missingRecord.call(this, 'Company', id);
	return company;
}

export const operations: Record<string, ItemOperation> = {
	create: async function (i) {
		const body = { name: this.getNodeParameter('name', i), ...(this.getNodeParameter('additionalFields', i, {}) as IDataObject) };
		return (await fluentRequest.call(this, 'POST', '/companies', fluentRecord('company'), { body })).company as IDataObject;
	},
	delete: async function (i) {
		const current = await readCompany.call(this, i);
		await fluentRequest.call(this, 'DELETE', `/companies/${String(current.id)}`, expectObject('message'));
		return { id: current.id, deleted: true };
	},
	get: async function (i) {
		return await readCompany.call(this, i);
	},
	getAll: async function (i) {
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		return await fluentPages.call(this, '/companies', paginatorUnder('companies'), filters, readLimit((name) => this.getNodeParameter(name, i)));
	},
	update: async function (i) {
		// FluentCRM validates the name on every update: keep the current one unless it changes.
		const current = await readCompany.call(this, i);
		const body = { name: current.name, ...(this.getNodeParameter('updateFields', i, {}) as IDataObject) };
		await fluentRequest.call(this, 'PUT', `/companies/${String(current.id)}`, expectObject('message'), { body });
		return await readCompany.call(this, i);
	},
};

export const description: INodeProperties[] = [
	operationSelector('company', [
		{ name: 'Get Many', value: 'getAll', action: 'Get many companies' },
		{ name: 'Create', value: 'create', action: 'Create a company' },
		{ name: 'Delete', value: 'delete', action: 'Delete a company' },
		{ name: 'Get', value: 'get', action: 'Get a company' },
		{ name: 'Update', value: 'update', action: 'Update a company' },
	]),
	{
		displayName: 'Companies are an optional FluentCRM module: enable it under FluentCRM → Settings → Experimental Features',
		name: 'companyNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { resource: ['company'] } },
	},
	...scoped('company', ['get', 'update', 'delete'], [textField('Company ID', 'companyId', { required: true })]),
	...scoped('company', ['create'], [
		textField('Name', 'name', { required: true, description: 'Must be unique' }),
		{ displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, options: companyFields },
	]),
	...scoped('company', ['update'], [
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [...companyFields, textField('Name', 'name')].sort((a, b) => a.displayName.localeCompare(b.displayName)),
		},
	]),
	...returnAllOrLimit({ resource: ['company'], operation: ['getAll'] }),
	...scoped('company', ['getAll'], [{ displayName: 'Filters', name: 'filters', type: 'collection', placeholder: 'Add Filter', default: {}, options: [textField('Search', 'search')] }]),
];
