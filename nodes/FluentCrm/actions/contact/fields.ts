import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { idList, optional, requireStatus, statusOptions } from '../common';

const text = (displayName: string, name: string, placeholder = ''): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	placeholder,
});

/** Contact columns FluentCRM accepts on create and update (reference §3.3). */
export const contactColumns: INodeProperties[] = [
	text('Address Line 1', 'address_line_1'),
	text('Address Line 2', 'address_line_2'),
	text('Avatar URL', 'avatar', 'https://…/photo.png'),
	text('City', 'city'),
	{
		displayName: 'Company Name or ID',
		name: 'company_id',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getCompanies' },
		default: '',
		description: 'Primary company (needs the Companies module). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Contact Type',
		name: 'contact_type',
		type: 'options',
		options: [
			{ name: 'Customer', value: 'customer' },
			{ name: 'Lead', value: 'lead' },
		],
		default: 'lead',
	},
	text('Country', 'country', 'Two-letter code, e.g. DE'),
	text('Date of Birth', 'date_of_birth', 'YYYY-MM-DD'),
	text('First Name', 'first_name'),
	text('Last Name', 'last_name'),
	text('Phone', 'phone'),
	text('Postal Code', 'postal_code'),
	text('Prefix', 'prefix', 'e.g. Dr.'),
	text('Source', 'source'),
	text('State', 'state'),
	text('Timezone', 'timezone', 'e.g. Europe/Berlin'),
];

export const customFieldsProperty: INodeProperties = {
	displayName: 'Custom Fields',
	name: 'customFields',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	default: {},
	options: [
		{
			name: 'field',
			displayName: 'Field',
			values: [
				{
					displayName: 'Field Name or ID',
					name: 'slug',
					type: 'options',
					typeOptions: { loadOptionsMethod: 'getCustomFields' },
					default: '',
					description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
				},
				{ displayName: 'Value', name: 'value', type: 'string', default: '' },
			],
		},
	],
};

export const tagIdsProperty = (displayName: string, name: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getTags' },
	default: [],
	description: `${description}. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
});

export const listIdsProperty = (displayName: string, name: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getLists' },
	default: [],
	description: `${description}. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
});

export const statusProperty: INodeProperties = {
	displayName: 'Status',
	name: 'status',
	type: 'options',
	options: statusOptions,
	default: 'subscribed',
	description: '"Pending" makes FluentCRM send a double opt-in email',
};

const ID_LIST_KINDS: Record<string, string> = {
	tags: 'tag',
	lists: 'list',
	attach_tags: 'tag',
	detach_tags: 'tag',
	attach_lists: 'list',
	detach_lists: 'list',
};

/** Builds the contact body from the "fields" collection and custom fields of one item. */
export function contactBody(context: IExecuteFunctions, itemIndex: number, collection: string): IDataObject {
	const fields = { ...optional<IDataObject>(context, collection, itemIndex, {}) };
	const body: IDataObject = {};
	if (fields.status !== undefined) fields.status = requireStatus(context, fields.status, itemIndex);
	for (const [key, value] of Object.entries(fields)) {
		if (key in ID_LIST_KINDS) {
			const ids = idList(context, value, ID_LIST_KINDS[key], itemIndex);
			if (ids.length) body[key] = ids;
		} else if (value !== '' && value !== undefined) body[key] = value;
	}
	const custom = optional<{ field?: Array<{ slug: string; value: unknown }> }>(context, 'customFields', itemIndex, {});
	if (custom.field?.length) body.custom_values = Object.fromEntries(custom.field.filter((entry) => entry.slug).map((entry) => [entry.slug, entry.value]));
	return body;
}
