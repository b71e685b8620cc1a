import type { INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../shared/descriptions/returnAllOrLimit';
import { scoped, textField } from '../../shared/descriptions/fields';

const text = textField;

const profile: INodeProperties = {
	displayName: 'Profile Fields',
	name: 'profile',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	default: {},
	description: 'Custom profile fields by their exact (case-sensitive) label; Fuse silently ignores unknown names',
	options: [{ name: 'field', displayName: 'Field', values: [text('Label', 'name', { placeholder: 'e.g. Department' }), text('Value', 'value')] }],
};

const userFields: INodeProperties[] = [
	text('Default Locale', 'default_locale', { placeholder: 'en-UK' }),
	text('Display Name', 'display_name'),
	text('Family Name', 'family_name'),
	text('Given Name', 'given_name'),
	text('Public Name', 'public_name'),
];

export const userDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['user'] } },
		default: 'get',
		options: [
			{ name: 'Create', value: 'create', action: 'Create a user' },
			{ name: 'Deactivate', value: 'deactivate', action: 'Deactivate a user' },
			{ name: 'Get', value: 'get', action: 'Get a user' },
			{ name: 'Get Current User', value: 'getMe', action: 'Get the current user' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many users' },
			{ name: 'Restore', value: 'restore', action: 'Restore a deactivated user' },
			{ name: 'Update', value: 'update', action: 'Update a user' },
		],
	},
	{
		displayName: 'Managing users needs a Fuse admin account in the credential',
		name: 'adminNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { resource: ['user'], operation: ['create', 'deactivate', 'get', 'getAll', 'restore', 'update'] } },
	},
	...scoped('user', ['get', 'update', 'deactivate', 'restore'], [text('User ID', 'userId', { required: true })]),
	...scoped('user', ['create'], [
		text('Username', 'username', { required: true }),
		text('Email', 'email', { required: true, placeholder: 'name@example.com' }),
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				...userFields,
				text('Password', 'password', {
					typeOptions: { password: true },
					description: 'Must meet the instance’s password policy. Left empty, a random password is generated (Fuse requires one even with SSO).',
				}),
			],
		},
		profile,
	]),
	...scoped('user', ['update'], [
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				...userFields,
				text('Email', 'email'),
				text('Manager IDs', 'manager_ids', { description: 'Comma-separated Fuse user IDs (managers can only be set by an update)' }),
				text('Username', 'username'),
			].sort((a, b) => a.displayName.localeCompare(b.displayName)),
		},
		profile,
	]),
	...returnAllOrLimit({ resource: ['user'], operation: ['getAll'] }),
	...scoped('user', ['getAll'], [
		{
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
		},
	]),
];
