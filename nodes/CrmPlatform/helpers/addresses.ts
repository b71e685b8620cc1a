import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { textField } from '../../shared/descriptions/fields';

const idOf = (displayName: string, name: string, description: string): INodeProperties => ({ displayName, name, type: 'number', default: 0, description });

/**
 * The fields of one address. `forChanges` (Update, Create or Update) adds the Address ID, and the
 * type defaults to leaving the stored one as it is instead of overwriting it with "Permanent".
 */
function addressValues(forChanges: boolean): INodeProperties[] {
	const addressType: INodeProperties = forChanges
		? {
				displayName: 'Address Type',
				name: 'address_type',
				type: 'options',
				options: [
					{ name: 'Billing', value: 'Billing' },
					{ name: 'Leave As Is', value: '' },
					{ name: 'Permanent', value: 'Permanent' },
					{ name: 'Temporary', value: 'Temporary' },
				],
				default: '',
			}
		: {
				displayName: 'Address Type',
				name: 'address_type',
				type: 'options',
				options: [
					{ name: 'Billing', value: 'Billing' },
					{ name: 'Permanent', value: 'Permanent' },
					{ name: 'Temporary', value: 'Temporary' },
				],
				default: 'Permanent',
			};
	return [
		...(forChanges ? [idOf('Address ID', 'id', 'The address to change (see Addresses). 0 = none.')] : []),
		textField('Address Line 1', 'address_line_1'),
		textField('Address Line 2', 'address_line_2'),
		addressType,
		textField('City', 'city'),
		idOf('Country ID', 'country', 'ID of the country. 0 = none.'),
		idOf('District ID', 'district', 'ID of the district. 0 = none.'),
		textField('Pincode', 'pincode'),
		idOf('State ID', 'state', 'ID of the state. 0 = none.'),
	];
}

const CHANGE_RULES =
	'A contact without addresses gets one new address per entry. On a contact that has addresses, each entry changes one of them: the one with its Address ID or, when the contact has a single address, that one; CRM Platform cannot add an address to a contact that already has one. Addresses not sent stay as they are.';

export function addressesField(forChanges: boolean): INodeProperties {
	return {
		displayName: 'Addresses',
		name: 'addresses',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		...(forChanges ? { description: CHANGE_RULES } : {}),
		options: [{ name: 'address', displayName: 'Address', values: addressValues(forChanges) }],
	};
}

/** The entries of the Addresses field, without the values left unset (0 or empty). */
export function addressEntries(value: unknown): IDataObject[] {
	const entries = ((value as IDataObject | undefined)?.address as IDataObject[] | undefined) ?? [];
	return entries
		.map((entry) => Object.fromEntries(Object.entries(entry).filter(([, field]) => field !== 0 && field !== '' && field !== undefined && field !== null)))
		.filter((entry) => Object.keys(entry).length > 0);
}

/**
 * The address entries a contact update can send. The plugin changes the existing addresses of a
 * contact by `id` (and fails on an entry without one), and adds new ones only to a contact that has
 * none: every entry is matched to an address of this contact here, or refused before sending.
 */
export function addressesForUpdate(context: IExecuteFunctions, contact: IDataObject, entries: IDataObject[], itemIndex: number): IDataObject[] {
	const fail = (message: string, description: string) => new NodeOperationError(context.getNode(), message, { itemIndex, description });
	const existing = ((contact.addresses as IDataObject[] | undefined) ?? []).map((address) => Number(address.id));
	const given = entries.filter((entry) => entry.id !== undefined).map((entry) => Number(entry.id));
	if (!existing.length) {
		if (given.length) throw fail(`Contact ${contact.id} has no addresses, so address ${given[0]} is not one of them`, 'Leave Address ID at 0 to add the address.');
		return entries;
	}
	const foreign = given.find((id) => !existing.includes(id));
	if (foreign !== undefined) throw fail(`Address ${foreign} is not an address of contact ${contact.id}`, `Its addresses: ${existing.join(', ')}.`);
	if (new Set(given).size !== given.length) throw fail('The same Address ID is given twice', 'Give each address once.');
	const withoutId = entries.filter((entry) => entry.id === undefined);
	if (!withoutId.length) return entries;
	if (existing.length === 1 && entries.length === 1) return [{ ...withoutId[0], id: existing[0] }];
	throw fail(
		`Contact ${contact.id} already has ${existing.length === 1 ? 'an address' : `${existing.length} addresses`}: set the Address ID of each address to change`,
		`CRM Platform changes existing addresses by their ID and cannot add one to a contact that already has some. Its addresses: ${existing.join(', ')}.`,
	);
}
