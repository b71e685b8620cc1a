import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../shared/actions/runItems';
import { upsertByEmail } from '../../shared/actions/upsert';
import { scoped, textField } from '../../shared/descriptions/fields';
import { createRecord, entityOperations, fieldValues, mergeUpdate } from '../helpers/entity';
import type { Entity } from '../helpers/entity';
import { additionalFields, entityDescription, flagField, numberField } from '../helpers/entityDescription';
import { LARGEST_PAGE, nexudusPages } from '../transport';

const ATTENDANCE_UNDEFINED = 5;
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** A member, contact or company. */
const coworker: Entity = {
	resource: 'coworker',
	label: 'Coworker',
	path: '/spaces/coworkers',
	prefix: 'Coworker',
	required: [
		textField('Full Name', 'FullName', { required: true }),
		textField('Email', 'Email', { required: true, placeholder: 'name@example.com' }),
		numberField('Country ID', 'CountryId', { required: true, description: 'Nexudus country ID (see /sys/countries)' }),
		numberField('Time Zone ID', 'SimpleTimeZoneId', { required: true, description: 'Nexudus time zone ID of the member' }),
	],
	optional: [
		textField('Address', 'Address'),
		textField('Billing Email', 'BillingEmail'),
		textField('Billing Name', 'BillingName'),
		textField('Business IDs', 'Businesses', { description: 'Comma-separated location IDs' }),
		textField('City', 'CityName'),
		textField('Company Name', 'CompanyName'),
		{ displayName: 'Coworker Type', name: 'CoworkerType', type: 'options', options: [{ name: 'Individual', value: 1 }, { name: 'Company', value: 2 }], default: 1 },
		flagField('Create Portal User', 'CreateUser', 'Whether to create a member-portal login. Nexudus then sends a welcome email.'),
		{ displayName: 'Active', name: 'Active', type: 'boolean', default: true },
		textField('Landline', 'LandLine'),
		textField('Mobile Phone', 'MobilePhone'),
		textField('Notes', 'Notes'),
		textField('Post Code', 'PostCode'),
		textField('State', 'State'),
		textField('Tag', 'Tag'),
	],
	// Fields Nexudus may insist on, at neutral values; no portal login (and so no welcome email) unless asked.
	createDefaults: {
		CoworkerType: 1,
		Gender: 1,
		TaxRateType: 1,
		CreateUser: false,
		...Object.fromEntries(DAYS.map((day) => [`${day}Attendance`, ATTENDANCE_UNDEFINED])),
	},
};

const entity = entityOperations(coworker);

/**
 * Create or update keyed on the email. Nexudus' `Coworker_Email` filter matches every email that
 * contains the text ("ann@x.com" finds "joann@x.com"), so every page of matches is read and the
 * exact email picked from them.
 */
const upsert: ItemOperation = async function (i) {
	const email = String(this.getNodeParameter('Email', i)).trim();
	const changes: IDataObject = { ...fieldValues(this, i, 'additionalFields'), FullName: this.getNodeParameter('FullName', i), Email: email };
	return await upsertByEmail.call(this, i, {
		providerName: 'Nexudus',
		record: 'coworker',
		email,
		find: async (search) => await nexudusPages.call(this, coworker.path, { Coworker_Email: search }, undefined, LARGEST_PAGE),
		emailOf: (row) => row.Email,
		create: async () =>
			await createRecord.call(this, coworker, {
				...coworker.createDefaults,
				...changes,
				CountryId: this.getNodeParameter('CountryId', i),
				SimpleTimeZoneId: this.getNodeParameter('SimpleTimeZoneId', i),
			}),
		update: async (existing) => await mergeUpdate.call(this, coworker, Number(existing.Id), changes),
	});
};

export const operations: Record<string, ItemOperation> = {
	create: entity.create,
	delete: entity.delete,
	get: entity.get,
	getAll: entity.getAll,
	update: entity.update,
	upsert,
};

const upsertFields: INodeProperties[] = scoped('coworker', ['upsert'], [...coworker.required, additionalFields(coworker)]);

export const description: INodeProperties[] = [
	...entityDescription(coworker, Object.keys(operations), [{ name: 'Create or Update', value: 'upsert', action: 'Create or update a coworker by email' }]),
	...upsertFields,
];
