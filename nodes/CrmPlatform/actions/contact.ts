import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../shared/actions/runItems';
import { upsertByEmail } from '../../shared/actions/upsert';
import { scoped, textField } from '../../shared/descriptions/fields';
import { addressesField } from '../helpers/addresses';
import type { Collection } from '../helpers/collection';
import {
	collectionSelector,
	deleteOperation,
	fieldCollection,
	getAllOperation,
	getOperation,
	listingFields,
	optionalFields,
	recordId,
	recordIdField,
	requiredFields,
} from '../helpers/collection';
import { COLLECTIONS } from '../helpers/collections';
import { contactValues, createContact, updateContact } from '../helpers/contactWrites';
import { crmPlatformPages } from '../transport';

const contact: Collection = {
	...COLLECTIONS.contact,
	fields: [
		textField('Name', 'name', { description: 'Display name of the person or organization' }),
		{
			displayName: 'Contact Type',
			name: 'contact_type',
			type: 'options',
			options: [
				{ name: 'Individual', value: 'individual' },
				{ name: 'Organization', value: 'organization' },
			],
			default: 'individual',
			description: 'Fixed once the contact exists: CRM Platform cannot change it',
		},
		textField('Email', 'email'),
		textField('Email (Other)', 'email_other'),
		textField('First Name', 'first_name', {
			description: 'Required to create an individual: the server cannot store one without it, and the node does not make one up from Name',
		}),
		textField('Last Name', 'last_name'),
		textField('Phone', 'phone'),
		textField('Phone (Other)', 'phone_other'),
	],
};

const requiredValues = (context: IExecuteFunctions, i: number): IDataObject =>
	Object.fromEntries(contact.requiredOnCreate.map((key) => [key, context.getNodeParameter(key, i, '')]));

export const operations: Record<string, ItemOperation> = {
	create: async function (i) {
		const body = { ...requiredValues(this, i), ...contactValues(this.getNodeParameter('additionalFields', i, {}) as IDataObject) };
		return await createContact.call(this, contact, body, i);
	},
	delete: deleteOperation(contact),
	get: getOperation(contact),
	getAll: getAllOperation(contact),
	update: async function (i) {
		const changes = contactValues(this.getNodeParameter('updateFields', i, {}) as IDataObject);
		return await updateContact.call(this, contact, recordId(this, contact, i), changes, i);
	},
	upsert: async function (i) {
		const email = String(this.getNodeParameter('email', i, '')).trim();
		const body = { ...requiredValues(this, i), ...contactValues(this.getNodeParameter('additionalFields', i, {}) as IDataObject), email };
		return await upsertByEmail.call(this, i, {
			providerName: 'CRM Platform',
			record: 'contact',
			email,
			// `_contains` ignores case on every database the plugin runs on (equality does only on MySQL/MariaDB); the matching emails are picked from what it finds.
			find: async (address) => await crmPlatformPages.call(this, contact.path, { email_contains: address }, undefined),
			emailOf: (record) => record.email,
			create: async () => await createContact.call(this, contact, body, i),
			update: async (existing) => await updateContact.call(this, contact, Number(existing.id), body, i, existing),
		});
	},
};

const optionalWithout = (name: string): INodeProperties[] => optionalFields(contact).filter((field) => field.name !== name);

export const description: INodeProperties[] = [
	collectionSelector(contact, operations),
	...scoped('contact', ['get', 'update', 'delete'], [recordIdField(contact)]),
	...scoped('contact', ['create'], [...requiredFields(contact), fieldCollection('Additional Fields', 'additionalFields', [...optionalFields(contact), addressesField(false)])]),
	...scoped('contact', ['upsert'], [
		textField('Email', 'email', { placeholder: 'name@example.com', required: true, description: 'Contacts are matched on this email, ignoring upper and lower case (as mail servers do)' }),
		...requiredFields(contact),
		fieldCollection('Additional Fields', 'additionalFields', [...optionalWithout('email'), addressesField(true)]),
	]),
	...scoped('contact', ['update'], [
		fieldCollection('Update Fields', 'updateFields', [...contact.fields.map((field) => ({ ...field, required: false })), addressesField(true)]),
	]),
	...listingFields(contact, operations),
];
