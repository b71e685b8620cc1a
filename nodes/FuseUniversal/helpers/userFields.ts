import type { INodeProperties } from 'n8n-workflow';

import { textField } from '../../shared/descriptions/fields';

/** Custom profile fields by their exact label: Fuse silently ignores names it does not know. */
export const profileField: INodeProperties = {
	displayName: 'Profile Fields',
	name: 'profile',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	default: {},
	description: 'Custom profile fields by their exact (case-sensitive) label; Fuse silently ignores unknown names',
	options: [{ name: 'field', displayName: 'Field', values: [textField('Label', 'name', { placeholder: 'e.g. Department' }), textField('Value', 'value')] }],
};

export const userFields: INodeProperties[] = [
	textField('Default Locale', 'default_locale', { placeholder: 'en-UK' }),
	textField('Display Name', 'display_name'),
	textField('Family Name', 'family_name'),
	textField('Given Name', 'given_name'),
	textField('Public Name', 'public_name'),
];

export const filtersField: INodeProperties = {
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	options: [
		textField('Email', 'email', { description: 'Exact email' }),
		{
			displayName: 'Profile Field',
			name: 'field',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			default: {},
			description: 'Any profile field; names are case-sensitive (e.g. given_name)',
			options: [{ name: 'condition', displayName: 'Condition', values: [textField('Name', 'name'), textField('Value', 'value')] }],
		},
		textField('User IDs', 'ids', { description: 'Comma-separated Fuse user IDs' }),
	],
};
