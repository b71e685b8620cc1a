import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { idList } from '../../shared/actions/parameters';
import { textField } from '../../shared/descriptions/fields';
import { requireStatus } from './statuses';

/** Contact columns FluentCRM accepts on create and update (it ignores unknown keys silently). */
export const contactColumns: INodeProperties[] = [
	textField('Address Line 1', 'address_line_1'),
	textField('Address Line 2', 'address_line_2'),
	textField('Avatar URL', 'avatar', { placeholder: 'https://…/photo.png' }),
	textField('City', 'city'),
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
	textField('Country', 'country', { placeholder: 'Two-letter code, e.g. DE' }),
	textField('Date of Birth', 'date_of_birth', { placeholder: 'YYYY-MM-DD' }),
	textField('First Name', 'first_name'),
	textField('Last Name', 'last_name'),
	textField('Phone', 'phone'),
	textField('Postal Code', 'postal_code'),
	textField('Prefix', 'prefix', { placeholder: 'e.g. Dr.' }),
	textField('Source', 'source'),
	textField('State', 'state'),
	textField('Timezone', 'timezone', { placeholder: 'e.g. Europe/Berlin' }),
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
				textField('Value', 'value'),
			],
		},
	],
};

/** A multi-select of tag IDs (FluentCRM would create a new tag for a name, so only IDs are sent). */
export const tagIdsProperty = (displayName: string, name: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getTags' },
	default: [],
	description: `${description}. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
});

/** A multi-select of list IDs (FluentCRM would create a new list for a name, so only IDs are sent). */
export const listIdsProperty = (displayName: string, name: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getLists' },
	default: [],
	description: `${description}. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
});

const ID_LIST_KINDS: Record<string, string> = {
	tags: 'tag',
	lists: 'list',
	attach_tags: 'tag',
	detach_tags: 'tag',
	attach_lists: 'list',
	detach_lists: 'list',
};

/** The contact body from one item's field collection and custom fields: empty values left out, tags and lists as IDs. */
export function contactBody(context: IExecuteFunctions, itemIndex: number, collection: string): IDataObject {
	const fields = { ...(context.getNodeParameter(collection, itemIndex, {}) as IDataObject) };
	const body: IDataObject = {};
	if (fields.status !== undefined) fields.status = requireStatus(context, fields.status, itemIndex);
	for (const [key, value] of Object.entries(fields)) {
		if (key in ID_LIST_KINDS) {
			const ids = idList(context, value, ID_LIST_KINDS[key], itemIndex);
			if (ids.length) body[key] = ids;
		} else if (value !== '' && value !== undefined) body[key] = value;
	}
	const custom = context.getNodeParameter('customFields', itemIndex, {}) as { field?: Array<{ slug: string; value: unknown }> };
	if (custom.field?.length) body.custom_values = Object.fromEntries(custom.field.filter((entry) => entry.slug).map((entry) => [entry.slug, entry.value]));
	return body;
}
