import type { INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions/returnAllOrLimit';
import { byDisplayName, contactLocator, scoped, statusOptions } from '../common';
import { contactColumns, customFieldsProperty, listIdsProperty, statusProperty, tagIdsProperty } from './fields';

const NOTE_TYPES = ['note', 'call', 'email', 'meeting', 'quote_sent', 'quote_accepted', 'quote_refused', 'invoice_sent', 'invoice_part_paid', 'invoice_paid', 'invoice_refunded', 'transaction', 'feedback', 'tweet', 'facebook_post'];

const operation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['contact'] } },
	default: 'get',
	options: [
		{ name: 'Add Note', value: 'addNote', action: 'Add a note to a contact' },
		{ name: 'Add Tags', value: 'addTags', action: 'Add tags to a contact' },
		{ name: 'Add to Lists', value: 'addToLists', action: 'Add a contact to lists' },
		{ name: 'Create', value: 'create', action: 'Create a contact' },
		{ name: 'Create or Update', value: 'upsert', action: 'Create or update a contact by email' },
		{ name: 'Delete', value: 'delete', action: 'Delete a contact' },
		{ name: 'Get', value: 'get', action: 'Get a contact' },
		{ name: 'Get Many', value: 'getAll', action: 'Get many contacts' },
		{ name: 'Get Notes', value: 'getNotes', action: 'Get the notes of a contact' },
		{ name: 'Remove From Lists', value: 'removeFromLists', action: 'Remove a contact from lists' },
		{ name: 'Remove Tags', value: 'removeTags', action: 'Remove tags from a contact' },
		{ name: 'Update', value: 'update', action: 'Update a contact' },
	],
};

const writeExtras: INodeProperties[] = [
	...contactColumns,
	{ ...tagIdsProperty('Tags', 'tags', 'Tags to apply'), displayName: 'Tag Names or IDs' },
	{ ...listIdsProperty('Lists', 'lists', 'Lists to add the contact to'), displayName: 'List Names or IDs' },
];

const createFields: INodeProperties[] = [
	{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@example.com', default: '', required: true },
	statusProperty,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			...byDisplayName([...writeExtras, {
				displayName: 'Send Double Opt-In Email',
				name: 'double_optin',
				type: 'boolean',
				default: false,
				description: 'Whether FluentCRM should email the contact a confirmation link (status becomes pending until they confirm)',
			}]),
		],
	},
	customFieldsProperty,
];

const updateFields: INodeProperties[] = [
	contactLocator,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			...byDisplayName([
				...contactColumns,
				{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@example.com', default: '' },
				{ displayName: 'Status', name: 'status', type: 'options', options: statusOptions, default: 'subscribed' },
				{ ...tagIdsProperty('Tags to Add', 'attach_tags', 'Tags to apply'), displayName: 'Tag Names or IDs to Add' },
				{ ...tagIdsProperty('Tags to Remove', 'detach_tags', 'Tags to remove'), displayName: 'Tag Names or IDs to Remove' },
				{ ...listIdsProperty('Lists to Add', 'attach_lists', 'Lists to add the contact to'), displayName: 'List Names or IDs to Add' },
				{ ...listIdsProperty('Lists to Remove', 'detach_lists', 'Lists to remove the contact from'), displayName: 'List Names or IDs to Remove' },
			]),
		],
	},
	customFieldsProperty,
];

const getManyFilters: INodeProperties = {
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	options: [
		{ ...listIdsProperty('Lists', 'lists', 'Only contacts in any of these lists'), displayName: 'List Names or IDs' },
		{ displayName: 'Search', name: 'search', type: 'string', default: '', description: 'Part of the name or email (not an exact match)' },
		{
			displayName: 'Sort By',
			name: 'sort_by',
			type: 'options',
			options: ['id', 'email', 'first_name', 'last_name', 'created_at', 'updated_at'].map((value) => ({ name: value, value })),
			default: 'id',
		},
		{
			displayName: 'Sort Direction',
			name: 'sort_type',
			type: 'options',
			options: [
				{ name: 'Ascending', value: 'ASC' },
				{ name: 'Descending', value: 'DESC' },
			],
			default: 'DESC',
		},
		{ displayName: 'Statuses', name: 'statuses', type: 'multiOptions', options: statusOptions, default: [] },
		{ ...tagIdsProperty('Tags', 'tags', 'Only contacts with any of these tags'), displayName: 'Tag Names or IDs' },
	],
};

export const contactDescription: INodeProperties[] = [
	operation,
	...scoped('contact', ['create', 'upsert'], createFields),
	...scoped('contact', ['update'], updateFields),
	...scoped('contact', ['get', 'delete', 'addTags', 'removeTags', 'addToLists', 'removeFromLists', 'addNote', 'getNotes'], [contactLocator]),
	...scoped('contact', ['get'], [
		{ displayName: 'Include Custom Fields', name: 'withCustomFields', type: 'boolean', default: false, description: 'Whether to include the contact’s custom field values' },
	]),
	...scoped('contact', ['addTags', 'removeTags'], [{ ...tagIdsProperty('Tags', 'tagIds', 'Tags to add or remove'), displayName: 'Tag Names or IDs', required: true }]),
	...scoped('contact', ['addToLists', 'removeFromLists'], [{ ...listIdsProperty('Lists', 'listIds', 'Lists to add or remove'), displayName: 'List Names or IDs', required: true }]),
	...scoped('contact', ['addNote'], [
		{ displayName: 'Title', name: 'title', type: 'string', default: '', required: true },
		{ displayName: 'Description', name: 'description', type: 'string', typeOptions: { rows: 4 }, default: '', required: true, description: 'The note text (HTML allowed)' },
		{ displayName: 'Type', name: 'noteType', type: 'options', options: NOTE_TYPES.map((value) => ({ name: value.replace(/_/g, ' '), value })), default: 'note' },
	]),
	...returnAllOrLimit({ resource: ['contact'], operation: ['getAll', 'getNotes'] }),
	...scoped('contact', ['getAll'], [getManyFilters]),
];
