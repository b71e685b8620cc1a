import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { idList, positiveId } from '../../shared/actions/parameters';
import { textField } from '../../shared/descriptions/fields';

/** Fields that hold one record ID, by API field name, with what the ID is of (for messages). */
const RECORD_ID_FIELDS: Record<string, string> = { activitytype: 'activity type', contact: 'contact', country: 'country', district: 'district', state: 'state', tag: 'tag' };

/** Fields that hold a list of record IDs. */
const ID_LIST_FIELDS: Record<string, string> = { contacts: 'contact' };

/** A field for the ID of a related record, e.g. recordIdField('Country ID', 'country'). */
export const recordIdField = (displayName: string, name: string, extra: Partial<INodeProperties> = {}): INodeProperties => ({
	displayName,
	name,
	type: 'number',
	default: 0,
	description: `ID of the ${RECORD_ID_FIELDS[name] ?? name}`,
	...extra,
});

export const isActiveField = (extra: Partial<INodeProperties> = {}): INodeProperties => ({ displayName: 'Is Active', name: 'is_active', type: 'boolean', default: true, ...extra });

export const contactIdsField = textField('Contact IDs', 'contacts', {
	description: 'Comma-separated contact IDs to link (each ID once: the plugin creates one link per ID it gets)',
});

/** Abbreviation, identifier and "is active", which every level of the geography has. */
export const geographyFields = (...more: INodeProperties[]): INodeProperties[] => [textField('Abbreviation', 'abbreviation'), textField('Identifier', 'identifier'), isActiveField(), ...more];

/** Field values as the API wants them: record IDs checked, ID lists split and checked. */
export function apiValues(context: IExecuteFunctions, values: IDataObject, itemIndex: number): IDataObject {
	const body: IDataObject = {};
	for (const [key, value] of Object.entries(values)) {
		if (RECORD_ID_FIELDS[key]) body[key] = positiveId(context, value, RECORD_ID_FIELDS[key], itemIndex);
		else if (ID_LIST_FIELDS[key]) body[key] = idList(context, value, ID_LIST_FIELDS[key], itemIndex);
		else body[key] = value;
	}
	return body;
}
