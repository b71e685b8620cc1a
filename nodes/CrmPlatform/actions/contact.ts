import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../shared/actions/runItems';
import { crmRequest } from '../transport';
import { checkRequired, collectionOperations, recordId, requireRecord, writeBody } from './collection';
import type { Collection } from './collection';
import { collectionDescription, crudSelector, scoped } from './description';
import { textField } from '../../shared/descriptions/fields';

const text = (displayName: string, name: string) => textField(displayName, name);

const addresses: INodeProperties = {
	displayName: 'Addresses',
	name: 'addresses',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	default: {},
	options: [
		{
			name: 'address',
			displayName: 'Address',
			values: [
				text('Address Line 1', 'address_line_1'),
				text('Address Line 2', 'address_line_2'),
				{
					displayName: 'Address Type',
					name: 'address_type',
					type: 'options',
					options: ['Permanent', 'Temporary', 'Billing'].map((value) => ({ name: value, value })),
					default: 'Permanent',
				},
				text('City', 'city'),
				{ displayName: 'Country ID', name: 'country', type: 'number', default: 0 },
				{ displayName: 'District ID', name: 'district', type: 'number', default: 0 },
				text('Pincode', 'pincode'),
				{ displayName: 'State ID', name: 'state', type: 'number', default: 0 },
			],
		},
	],
};

export const contact: Collection = {
	resource: 'contact',
	label: 'Contact',
	path: '/crm-plugin/contact', // singular, unlike every other collection (reference §8)
	required: [
		{ displayName: 'Name', name: 'name', type: 'string', default: '', required: true, description: 'Display name of the person or organization' },
		{
			displayName: 'Contact Type',
			name: 'contact_type',
			type: 'options',
			options: [
				{ name: 'Individual', value: 'individual' },
				{ name: 'Organization', value: 'organization' },
			],
			default: 'individual',
			required: true,
		},
	],
	optional: [addresses, text('Email', 'email'), text('Email (Other)', 'email_other'), text('First Name', 'first_name'), text('Last Name', 'last_name'), text('Phone', 'phone'), text('Phone (Other)', 'phone_other')],
	hasCount: false,
};

/** The Addresses fixed collection arrives as {address: [...]}; the API wants the bare list, without unset IDs. */
function contactBody(context: IExecuteFunctions, i: number, collectionName: string, required = contact.required): IDataObject {
	const body = writeBody(context, { ...contact, required }, i, collectionName);
	const list = (body.addresses as IDataObject | undefined)?.address as IDataObject[] | undefined;
	if (body.addresses !== undefined) {
		body.addresses = (list ?? []).map((address) => Object.fromEntries(Object.entries(address).filter(([, value]) => value !== 0 && value !== '')));
	}
	return body;
}

async function upsert(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const email = String(this.getNodeParameter('email', i)).trim();
	if (!email) throw new NodeOperationError(this.getNode(), 'Email is required to match contacts', { itemIndex: i });
	const matches = (await crmRequest.call(this, 'GET', contact.path, { qs: { email, _limit: 2 } })) as IDataObject[];
	const body = { ...contactBody(this, i, 'additionalFields'), email };
	if (matches.length > 1) {
		throw new NodeOperationError(this.getNode(), `More than one CRM Platform contact has the email ${email}`, {
			itemIndex: i,
			description: 'The node does not guess which one to update: merge the duplicates, or update one by ID.',
		});
	}
	if (matches.length === 0) {
		checkRequired(this, contact, body, i);
		return { ...requireRecord(this, await crmRequest.call(this, 'POST', contact.path, { body }), 'Contact', 'new'), action_type: 'created' };
	}
	const id = String(matches[0].id);
	return { ...requireRecord(this, await crmRequest.call(this, 'PUT', `${contact.path}/${id}`, { body }), 'Contact', id), action_type: 'updated' };
}

export const contactOperations: Record<string, ItemOperation> = {
	...collectionOperations(contact),
	create: async function (i) {
		const body = contactBody(this, i, 'additionalFields');
		checkRequired(this, contact, body, i);
		return requireRecord(this, await crmRequest.call(this, 'POST', contact.path, { body }), 'Contact', 'new');
	},
	update: async function (i) {
		const id = recordId(this, i, 'Contact');
		const body = contactBody(this, i, 'updateFields', []);
		return requireRecord(this, await crmRequest.call(this, 'PUT', `${contact.path}/${id}`, { body }), 'Contact', id);
	},
	upsert,
};

export const contactDescription: INodeProperties[] = [
	crudSelector('contact', 'Contact', [{ name: 'Create or Update', value: 'upsert', action: 'Create or update a contact by email' }]),
	...collectionDescription(contact).slice(1),
	...scoped('contact', ['upsert'], [
		{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@example.com', default: '', required: true, description: 'Contacts are matched on this exact email' },
		...contact.required,
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: contact.optional.filter((field) => field.name !== 'email'),
		},
	]),
];
