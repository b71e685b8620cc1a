import type { INodeProperties } from 'n8n-workflow';

import { textField } from '../../shared/descriptions/fields';

const text = textField;

/** Custom profile fields by their exact label: Fuse silently ignores names it does not know. */
export const profileField: INodeProperties = {
	displayName: 'Profile Fields',
	name: 'profile',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	default: {},
	description: 'Custom profile fields by their exact (case-sensitive) label; Fuse silently ignores unknown names',
	options: [{ name: 'field', displayName: 'Field', values: [text('Label', 'name', { placeholder: 'e.g. Department' }), text('Value', 'value')] }],
};

export const userFields: INodeProperties[] = [
	text('Default Locale', 'default_locale', { placeholder: 'en-UK' }),
	text('Display Name', 'display_name'),
	text('Family Name', 'family_name'),
	text('Given Name', 'given_name'),
	text('Public Name', 'public_name'),
];

export const filtersField: INodeProperties = {
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	options: [
		text('Email', 'email', { description: 'Exact email' }),
		{
			displayName: 'Profile Field',
			name: 'field',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			default: {},
			description: 'Any profile field; names are case-sensitive (e.g. given_name)',
			options: [{ name: 'condition', displayName: 'Condition', values: [text('Name', 'name'), text('Value', 'value')] }],
		},
		text('User IDs', 'ids', { description: 'Comma-separated Fuse user IDs' }),
	],
};
