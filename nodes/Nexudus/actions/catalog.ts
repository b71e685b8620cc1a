import type { INodeProperties } from 'n8n-workflow';

import type { Entity } from './entity';
import { textField } from '../../shared/descriptions/fields';

const text = textField;
const number = (displayName: string, name: string, extra: Partial<INodeProperties> = {}): INodeProperties => ({ displayName, name, type: 'number', default: 0, ...extra });
const flag = (displayName: string, name: string, description: string): INodeProperties => ({ displayName, name, type: 'boolean', default: false, description });
const businessId = number('Business ID', 'BusinessId', { required: true, description: 'The location (Nexudus "business") the record belongs to' });

const ATTENDANCE_UNDEFINED = 5;
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export const coworker: Entity = {
	resource: 'coworker',
	label: 'Coworker',
	path: '/spaces/coworkers',
	prefix: 'Coworker',
	operations: ['create', 'delete', 'get', 'getAll', 'update'],
	required: [
		text('Full Name', 'FullName', { required: true }),
		text('Email', 'Email', { required: true, placeholder: 'name@example.com' }),
		number('Country ID', 'CountryId', { required: true, description: 'Nexudus country ID (see /sys/countries)' }),
		number('Time Zone ID', 'SimpleTimeZoneId', { required: true, description: 'Nexudus time zone ID of the member' }),
	],
	optional: [
		text('Address', 'Address'),
		text('Billing Email', 'BillingEmail'),
		text('Billing Name', 'BillingName'),
		text('Business IDs', 'Businesses', { description: 'Comma-separated location IDs' }),
		text('City', 'CityName'),
		text('Company Name', 'CompanyName'),
		{ displayName: 'Coworker Type', name: 'CoworkerType', type: 'options', options: [{ name: 'Individual', value: 1 }, { name: 'Company', value: 2 }], default: 1 },
		flag('Create Portal User', 'CreateUser', 'Whether to create a member-portal login. Nexudus then sends a welcome email.'),
		{ displayName: 'Active', name: 'Active', type: 'boolean', default: true },
		text('Landline', 'LandLine'),
		text('Mobile Phone', 'MobilePhone'),
		text('Notes', 'Notes'),
		text('Post Code', 'PostCode'),
		text('State', 'State'),
		text('Tag', 'Tag'),
	],
	createDefaults: {
		CoworkerType: 1,
		Gender: 1,
		TaxRateType: 1,
		CreateUser: false,
		...Object.fromEntries(DAYS.map((day) => [`${day}Attendance`, ATTENDANCE_UNDEFINED])),
	},
};

export const team: Entity = {
	resource: 'team',
	label: 'Team',
	path: '/spaces/teams',
	prefix: 'Team',
	operations: ['create', 'delete', 'get', 'getAll', 'update'],
	required: [businessId, text('Name', 'Name', { required: true })],
	optional: [number('Paying Member ID', 'PayingMemberId'), flag('Create Single Invoice for Team', 'CreateSingleInvoiceForTeam', 'Whether to bill the whole team on one invoice'), text('Description', 'Description')],
};

export const booking: Entity = {
	resource: 'booking',
	label: 'Booking',
	path: '/spaces/bookings',
	prefix: 'Booking',
	operations: ['create', 'delete', 'get', 'getAll', 'update'],
	required: [
		number('Resource ID', 'ResourceId', { required: true }),
		{ displayName: 'From', name: 'FromTime', type: 'dateTime', default: '', required: true, description: 'Start, in UTC' },
		{ displayName: 'To', name: 'ToTime', type: 'dateTime', default: '', required: true, description: 'End, in UTC' },
	],
	optional: [
		number('Coworker ID', 'CoworkerId'),
		flag('Charge Now', 'ChargeNow', 'Whether Nexudus should charge the booking immediately (creates a charge)'),
		flag('Invoice Now', 'InvoiceNow', 'Whether Nexudus should invoice the booking immediately (creates an invoice)'),
		text('Internal Notes', 'InternalNotes'),
		text('Notes', 'Notes'),
		flag('Tentative', 'Tentative', 'Whether the booking is tentative'),
	],
	createDefaults: { ChargeNow: false, InvoiceNow: false },
};

export const resource: Entity = {
	resource: 'resource',
	label: 'Resource',
	path: '/spaces/resources',
	prefix: 'Resource',
	operations: ['create', 'delete', 'get', 'getAll', 'update'],
	required: [businessId, text('Name', 'Name', { required: true })],
	optional: [number('Resource Type ID', 'ResourceTypeId'), text('Description', 'Description'), number('Allocation', 'Allocation', { description: 'How many people it fits' }), flag('Visible', 'Visible', 'Whether members can see and book it')],
};

export const product: Entity = {
	resource: 'product',
	label: 'Product',
	path: '/billing/products',
	prefix: 'Product',
	operations: ['create', 'delete', 'get', 'getAll', 'update'],
	required: [businessId, text('Name', 'Name', { required: true }), number('Price', 'Price', { required: true, typeOptions: { numberPrecision: 2 } })],
	optional: [number('Currency ID', 'CurrencyId'), text('Description', 'Description'), flag('Visible', 'Visible', 'Whether members can buy it in the portal')],
};

export const invoice: Entity = {
	resource: 'invoice',
	label: 'Invoice',
	path: '/billing/coworkerinvoices',
	prefix: 'CoworkerInvoice',
	operations: ['get', 'getAll'],
	required: [],
	optional: [],
};

export const checkin: Entity = {
	resource: 'checkin',
	label: 'Check-In',
	path: '/spaces/checkins',
	prefix: 'Checkin',
	operations: ['get', 'getAll'],
	required: [],
	optional: [],
};

export const entities = [coworker, team, booking, resource, product, invoice, checkin];
