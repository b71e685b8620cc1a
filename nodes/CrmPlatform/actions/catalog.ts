import type { INodeProperties } from 'n8n-workflow';

import type { Collection } from './collection';
import { textField } from '../../shared/descriptions/fields';

const text = textField;
const id = (displayName: string, name: string): INodeProperties => ({ displayName, name, type: 'number', default: 0, description: `ID of the ${displayName.replace(/ ID$/, '').toLowerCase()}` });
const active: INodeProperties = { displayName: 'Is Active', name: 'is_active', type: 'boolean', default: true };
const contacts: INodeProperties = text('Contact IDs', 'contacts', { description: 'Comma-separated contact IDs to link (each ID once: the plugin creates one link per ID it gets)' });
const geo = (...more: INodeProperties[]) => [text('Abbreviation', 'abbreviation'), text('Identifier', 'identifier'), active, ...more];

export const activity: Collection = {
	resource: 'activity',
	label: 'Activity',
	path: '/crm-plugin/activities',
	required: [text('Title', 'title', { required: true })],
	optional: [
		id('Activity Type ID', 'activitytype'),
		contacts,
		text('Description', 'description'),
		text('End', 'end_datetime', { placeholder: '2026-01-31T10:00:00.000Z' }),
		text('Start', 'start_datetime', { placeholder: '2026-01-31T09:00:00.000Z' }),
	],
	hasCount: false,
};

export const activityType: Collection = {
	resource: 'activityType',
	label: 'Activity Type',
	path: '/crm-plugin/activitytypes',
	required: [text('Name', 'name', { required: true })],
	optional: [active],
	hasCount: true,
};

export const tag: Collection = {
	resource: 'tag',
	label: 'Tag',
	path: '/crm-plugin/tags',
	required: [text('Name', 'name', { required: true })],
	optional: [contacts, text('Description', 'description'), active],
	hasCount: false,
};

export const contactTag: Collection = {
	resource: 'contactTag',
	label: 'Contact Tag',
	path: '/crm-plugin/contacttags',
	required: [
		{ ...id('Contact ID', 'contact'), required: true },
		{ ...id('Tag ID', 'tag'), required: true },
	],
	optional: [],
	hasCount: true,
};

export const country: Collection = {
	resource: 'country',
	label: 'Country',
	path: '/crm-plugin/countries',
	required: [
		text('Name', 'name', { required: true }),
		text('Abbreviation', 'abbreviation', { required: true, description: 'Unique, e.g. IN' }),
		{ ...active, required: true, description: 'Whether the country is active (the server’s own default is inactive)' },
	],
	optional: [text('Identifier', 'identifier')],
	hasCount: true,
};

export const state: Collection = {
	resource: 'state',
	label: 'State',
	path: '/crm-plugin/states',
	required: [text('Name', 'name', { required: true })],
	optional: geo(id('Country ID', 'country')),
	hasCount: true,
};

export const district: Collection = {
	resource: 'district',
	label: 'District',
	path: '/crm-plugin/districts',
	required: [text('Name', 'name', { required: true })],
	optional: geo(id('State ID', 'state')),
	hasCount: true,
};

export const village: Collection = {
	resource: 'village',
	label: 'Village',
	path: '/crm-plugin/villages',
	required: [text('Name', 'name', { required: true })],
	optional: geo(id('District ID', 'district'), id('State ID', 'state')),
	hasCount: true,
};

export const collections = [activity, activityType, tag, contactTag, country, state, district, village];
