import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../shared/actions/runItems';
import { readLimit, returnAllOrLimit } from '../../shared/descriptions/returnAllOrLimit';
import { fluentPages, fluentRequest, missingRecord } from '../transport';
import { numericId, optional, scoped } from './common';

const text = (displayName: string, name: string): INodeProperties => ({ displayName, name, type: 'string', default: '' });

const companyFields: INodeProperties[] = [
	text('Address Line 1', 'address_line_1'),
	text('City', 'city'),
	text('Country', 'country'),
	text('Description', 'description'),
	text('Email', 'email'),
	text('Industry', 'industry'),
	text('Phone', 'phone'),
	text('Postal Code', 'postal_code'),
	text('State', 'state'),
	text('Website', 'website'),
];


async function readCompany(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = numericId(this, this.getNodeParameter('companyId', i), 'company', i);
	const response = await fluentRequest.call(this, 'GET', `/companies/${id}`);
	const company = (response.company ?? undefined) as IDataObject | undefined;
	if (!company) throw missingRecord.call(this, 'Company', id);
	return company;
}

export const companyOperations: Record<string, ItemOperation> = {
	create: async function (i) {
		const body = { name: this.getNodeParameter('name', i), ...optional<IDataObject>(this, 'additionalFields', i, {}) };
		const response = await fluentRequest.call(this, 'POST', '/companies', { body });
		return response.company as IDataObject;
	},
	get: async function (i) {
		return await readCompany.call(this, i);
	},
	getAll: async function (i) {
		const filters = optional<IDataObject>(this, 'filters', i, {});
		return await fluentPages.call(this, '/companies', filters, readLimit((name) => this.getNodeParameter(name, i)));
	},
	update: async function (i) {
		const current = await readCompany.call(this, i);
		const body = { name: current.name, ...optional<IDataObject>(this, 'updateFields', i, {}) };
		const response = await fluentRequest.call(this, 'PUT', `/companies/${String(current.id)}`, { body });
		return (response.company as IDataObject | undefined) ?? { ...current, ...body };
	},
	delete: async function (i) {
		const current = await readCompany.call(this, i);
		await fluentRequest.call(this, 'DELETE', `/companies/${String(current.id)}`);
		return { id: current.id, deleted: true };
	},
};

export const companyDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['company'] } },
		default: 'getAll',
		options: [
			{ name: 'Create', value: 'create', action: 'Create a company' },
			{ name: 'Delete', value: 'delete', action: 'Delete a company' },
			{ name: 'Get', value: 'get', action: 'Get a company' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many companies' },
			{ name: 'Update', value: 'update', action: 'Update a company' },
		],
	},
	{
		displayName: 'Companies are an optional FluentCRM module: enable it under FluentCRM → Settings → Experimental Features',
		name: 'companyNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { resource: ['company'] } },
	},
	...scoped('company', ['get', 'update', 'delete'], [{ displayName: 'Company ID', name: 'companyId', type: 'string', default: '', required: true }]),
	...scoped('company', ['create'], [
		{ displayName: 'Name', name: 'name', type: 'string', default: '', required: true, description: 'Must be unique' },
		{ displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, options: companyFields },
	]),
	...scoped('company', ['update'], [
		{ displayName: 'Update Fields', name: 'updateFields', type: 'collection', placeholder: 'Add Field', default: {}, options: [text('Name', 'name'), ...companyFields] },
	]),
	...returnAllOrLimit({ resource: ['company'], operation: ['getAll'] }),
	...scoped('company', ['getAll'], [
		{ displayName: 'Filters', name: 'filters', type: 'collection', placeholder: 'Add Filter', default: {}, options: [text('Search', 'search')] },
	]),
];
