import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { idList } from '../../shared/actions/parameters';
import type { ItemOperation } from '../../shared/actions/runItems';
import { upsertByEmail } from '../../shared/actions/upsert';
import { expectObject } from '../../shared/transport/answer';
import { byDisplayName, operationSelector, scoped, textField } from '../../shared/descriptions/fields';
import { readLimit, returnAllOrLimit } from '../../shared/descriptions/returnAllOrLimit';
import { contactBody, contactColumns, customFieldsProperty, listIdsProperty, tagIdsProperty } from '../helpers/contactFields';
import { contactLocator, findContactByEmail, locatedContactId, readLocatedContact } from '../helpers/contactLocator';
import { requireStatus, statusOptions } from '../helpers/statuses';
import { fluentPages, fluentRecord, fluentRequest, paginatorUnder } from '../transport';

const NOTE_TYPES = ['note', 'call', 'email', 'meeting', 'quote_sent', 'quote_accepted', 'quote_refused', 'invoice_sent', 'invoice_part_paid', 'invoice_paid', 'invoice_refunded', 'transaction', 'feedback', 'tweet', 'facebook_post'];

/** The body of a new contact: email, a known status, the additional fields and custom fields. */
function newContactBody(this: IExecuteFunctions, i: number): IDataObject {
	const body: IDataObject = {
		...contactBody(this, i, 'additionalFields'),
		email: String(this.getNodeParameter('email', i)).trim(),
		status: requireStatus(this, this.getNodeParameter('status', i), i),
	};
	body.double_optin = body.double_optin === true;
	return body;
}

async function postContact(this: IExecuteFunctions, body: IDataObject): Promise<IDataObject> {
	const answer = await fluentRequest.call(this, 'POST', '/subscribers', fluentRecord('contact'), { body });
	return { ...(answer.contact as IDataObject), action_type: answer.action_type };
}

/**
 * FluentCRM validates the email on every contact PUT and blanks a birth date that is not sent,
 * so each update starts from the stored record. A PUT keeps every column it is not sent and
 * never sends a double opt-in email.
 */
async function putContact(this: IExecuteFunctions, current: IDataObject, changes: IDataObject): Promise<IDataObject> {
	const kept: IDataObject = { email: current.email };
	if (current.date_of_birth) kept.date_of_birth = current.date_of_birth;
	const answer = await fluentRequest.call(this, 'PUT', `/subscribers/${String(current.id)}`, fluentRecord('contact'), { body: { ...kept, ...changes } });
	return answer.contact as IDataObject;
}

/**
 * What Create or Update changes on a contact that exists: the fields and custom fields given, tags
 * and lists added, and its current status unless the user asked to change existing contacts' status.
 * (FluentCRM's own upsert, POST with `__force_update`, stores the status it is sent, which would
 * re-subscribe an unsubscribed contact.)
 */
function existingContactChanges(body: IDataObject, existing: IDataObject, changeStatus: boolean): IDataObject {
	const changes: IDataObject = { ...body, status: changeStatus ? body.status : existing.status };
	for (const key of ['email', 'double_optin', 'tags', 'lists']) delete changes[key];
	if (body.tags) changes.attach_tags = body.tags;
	if (body.lists) changes.attach_lists = body.lists;
	return changes;
}

async function updateLocated(this: IExecuteFunctions, i: number, changes: IDataObject): Promise<IDataObject> {
	return await putContact.call(this, await readLocatedContact.call(this, i), changes);
}

async function segments(this: IExecuteFunctions, i: number, key: string, parameter: string, kind: string): Promise<IDataObject> {
	const ids = idList(this, this.getNodeParameter(parameter, i), kind, i);
	return await updateLocated.call(this, i, { [key]: ids });
}

export const operations: Record<string, ItemOperation> = {
	addNote: async function (i) {
		const id = await locatedContactId.call(this, i);
		// FluentCRM needs the note wrapped in {"note": …}; flat fields crash it.
		const note = { title: this.getNodeParameter('title', i), description: this.getNodeParameter('description', i), type: this.getNodeParameter('noteType', i, 'note') };
		return (await fluentRequest.call(this, 'POST', `/subscribers/${id}/notes`, fluentRecord('note'), { body: { note } })).note as IDataObject;
	},
	addTags: async function (i) {
		return await segments.call(this, i, 'attach_tags', 'tagIds', 'tag');
	},
	addToLists: async function (i) {
		return await segments.call(this, i, 'attach_lists', 'listIds', 'list');
	},
	create: async function (i) {
		return await postContact.call(this, newContactBody.call(this, i));
	},
	delete: async function (i) {
		const id = await locatedContactId.call(this, i);
		await fluentRequest.call(this, 'DELETE', `/subscribers/${id}`, expectObject('message'));
		return { id, deleted: true };
	},
	get: async function (i) {
		const withCustom = this.getNodeParameter('withCustomFields', i, false) === true;
		return await readLocatedContact.call(this, i, withCustom ? { with: ['subscriber.custom_values'] } : {});
	},
	getAll: async function (i) {
		const filters = { ...(this.getNodeParameter('filters', i, {}) as IDataObject) };
		for (const [key, kind] of [['tags', 'tag'], ['lists', 'list']]) {
			if (filters[key] !== undefined) filters[key] = idList(this, filters[key], kind, i);
		}
		return await fluentPages.call(this, '/subscribers', paginatorUnder('subscribers'), filters, readLimit((name) => this.getNodeParameter(name, i)));
	},
	getNotes: async function (i) {
		const id = await locatedContactId.call(this, i);
		return await fluentPages.call(this, `/subscribers/${id}/notes`, paginatorUnder('notes'), {}, readLimit((name) => this.getNodeParameter(name, i)));
	},
	removeFromLists: async function (i) {
		return await segments.call(this, i, 'detach_lists', 'listIds', 'list');
	},
	removeTags: async function (i) {
		return await segments.call(this, i, 'detach_tags', 'tagIds', 'tag');
	},
	update: async function (i) {
		return await updateLocated.call(this, i, contactBody(this, i, 'updateFields'));
	},
	upsert: async function (i) {
		const body = newContactBody.call(this, i);
		const changeStatus = this.getNodeParameter('changeExistingStatus', i, false) === true;
		return await upsertByEmail.call(this, i, {
			providerName: 'FluentCRM',
			record: 'contact',
			email: String(body.email),
			find: async (email) => await findContactByEmail.call(this, email),
			emailOf: (contact) => contact.email,
			create: async () => await postContact.call(this, body),
			update: async (existing) => await putContact.call(this, existing, existingContactChanges(body, existing, changeStatus)),
		});
	},
};

const statusProperty: INodeProperties = {
	displayName: 'Status',
	name: 'status',
	type: 'options',
	options: statusOptions,
	default: 'subscribed',
	description: '"Pending" makes FluentCRM send a double opt-in email',
};

const writeExtras: INodeProperties[] = [
	...contactColumns,
	{ ...tagIdsProperty('Tags', 'tags', 'Tags to apply'), displayName: 'Tag Names or IDs' },
	{ ...listIdsProperty('Lists', 'lists', 'Lists to add the contact to'), displayName: 'List Names or IDs' },
	{
		displayName: 'Send Double Opt-In Email',
		name: 'double_optin',
		type: 'boolean',
		default: false,
		description: 'Whether FluentCRM should email a new contact a confirmation link (its status stays pending until it confirms)',
	},
];

const newContactFields: INodeProperties[] = [
	textField('Email', 'email', { placeholder: 'name@example.com', required: true }),
	...scoped('contact', ['create'], [statusProperty]),
	...scoped('contact', ['upsert'], [
		{
			...statusProperty,
			description: 'Status of a new contact. A contact that already exists keeps its own status (an unsubscribed contact stays unsubscribed) unless "Change Status of Existing Contacts" is on.',
		},
		{
			displayName: 'Change Status of Existing Contacts',
			name: 'changeExistingStatus',
			type: 'boolean',
			default: false,
			description:
				'Whether a contact that already exists gets the Status above too. Off: it keeps its current status, so an unsubscribed contact is never re-subscribed. Turn it on only when the contacts agreed to the change (no double opt-in email is sent for it).',
		},
	]),
	{ displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, options: byDisplayName(writeExtras) },
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
		options: byDisplayName([
			...contactColumns,
			textField('Email', 'email', { placeholder: 'name@example.com' }),
			{ displayName: 'Status', name: 'status', type: 'options', options: statusOptions, default: 'subscribed' },
			{ ...tagIdsProperty('Tags to Add', 'attach_tags', 'Tags to apply'), displayName: 'Tag Names or IDs to Add' },
			{ ...tagIdsProperty('Tags to Remove', 'detach_tags', 'Tags to remove'), displayName: 'Tag Names or IDs to Remove' },
			{ ...listIdsProperty('Lists to Add', 'attach_lists', 'Lists to add the contact to'), displayName: 'List Names or IDs to Add' },
			{ ...listIdsProperty('Lists to Remove', 'detach_lists', 'Lists to remove the contact from'), displayName: 'List Names or IDs to Remove' },
		]),
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
		textField('Search', 'search', { description: 'Part of the name or email (not an exact match)' }),
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

export const description: INodeProperties[] = [
	operationSelector('contact', [
		{ name: 'Get', value: 'get', action: 'Get a contact' },
		{ name: 'Add Note', value: 'addNote', action: 'Add a note to a contact' },
		{ name: 'Add Tags', value: 'addTags', action: 'Add tags to a contact' },
		{ name: 'Add to Lists', value: 'addToLists', action: 'Add a contact to lists' },
		{ name: 'Create', value: 'create', action: 'Create a contact' },
		{ name: 'Create or Update', value: 'upsert', action: 'Create or update a contact by email' },
		{ name: 'Delete', value: 'delete', action: 'Delete a contact' },
		{ name: 'Get Many', value: 'getAll', action: 'Get many contacts' },
		{ name: 'Get Notes', value: 'getNotes', action: 'Get the notes of a contact' },
		{ name: 'Remove From Lists', value: 'removeFromLists', action: 'Remove a contact from lists' },
		{ name: 'Remove Tags', value: 'removeTags', action: 'Remove tags from a contact' },
		{ name: 'Update', value: 'update', action: 'Update a contact' },
	]),
	...scoped('contact', ['create', 'upsert'], newContactFields),
	...scoped('contact', ['update'], updateFields),
	...scoped('contact', ['get', 'delete', 'addTags', 'removeTags', 'addToLists', 'removeFromLists', 'addNote', 'getNotes'], [contactLocator]),
	...scoped('contact', ['get'], [
		{ displayName: 'Include Custom Fields', name: 'withCustomFields', type: 'boolean', default: false, description: 'Whether to include the contact’s custom field values' },
	]),
	...scoped('contact', ['addTags', 'removeTags'], [{ ...tagIdsProperty('Tags', 'tagIds', 'Tags to add or remove'), displayName: 'Tag Names or IDs', required: true }]),
	...scoped('contact', ['addToLists', 'removeFromLists'], [{ ...listIdsProperty('Lists', 'listIds', 'Lists to add or remove'), displayName: 'List Names or IDs', required: true }]),
	...scoped('contact', ['addNote'], [
		textField('Title', 'title', { required: true }),
		textField('Description', 'description', { typeOptions: { rows: 4 }, required: true, description: 'The note text (HTML allowed)' }),
		{ displayName: 'Type', name: 'noteType', type: 'options', options: NOTE_TYPES.map((value) => ({ name: value.replace(/_/g, ' '), value })), default: 'note' },
	]),
	...returnAllOrLimit({ resource: ['contact'], operation: ['getAll', 'getNotes'] }),
	...scoped('contact', ['getAll'], [getManyFilters]),
];
