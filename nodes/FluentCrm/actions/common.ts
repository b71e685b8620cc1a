import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeParameterResourceLocator, INodeProperties } from 'n8n-workflow';

import { fluentRequest } from '../transport';

export const STATUSES = ['subscribed', 'pending', 'unsubscribed', 'transactional', 'bounced', 'complained', 'spammed'];

export const statusOptions = STATUSES.map((status) => ({ name: status[0].toUpperCase() + status.slice(1), value: status }));

/** Reads a parameter that may be missing for this operation (collections). */
export function optional<T>(context: IExecuteFunctions, name: string, itemIndex: number, fallback: T): T {
	return context.getNodeParameter(name, itemIndex, fallback) as T;
}

/** IDs only: FluentCRM turns a non-numeric tag or list value into a new tag or list (reference Q3). */
export function idList(context: IExecuteFunctions, value: unknown, what: string, itemIndex: number): number[] {
	const raw = Array.isArray(value) ? value : String(value ?? '').split(',');
	const cleaned = raw.map((entry) => String(entry).trim()).filter((entry) => entry !== '');
	const bad = cleaned.find((entry) => !/^[0-9]+$/.test(entry));
	if (bad !== undefined) {
		throw new NodeOperationError(context.getNode(), `"${bad}" is not a ${what} ID`, {
			itemIndex,
			description: `Pass numeric ${what} IDs (pick them from the list). FluentCRM would silently create a new ${what} for a name.`,
		});
	}
	return cleaned.map(Number);
}

export function requireStatus(context: IExecuteFunctions, status: unknown, itemIndex: number): string {
	if (typeof status === 'string' && STATUSES.includes(status)) return status;
	throw new NodeOperationError(context.getNode(), `"${String(status)}" is not a FluentCRM contact status`, {
		itemIndex,
		description: `Use one of: ${STATUSES.join(', ')}. FluentCRM would silently store an unknown status as "subscribed".`,
	});
}

export function numericId(context: IExecuteFunctions, value: unknown, what: string, itemIndex: number): string {
	const text = String(value ?? '').trim();
	if (/^[0-9]+$/.test(text) && text !== '0') return text;
	throw new NodeOperationError(context.getNode(), `"${text}" is not a valid ${what} ID`, { itemIndex, description: `A ${what} ID is a positive number.` });
}

/** Resolves the contact locator (list, ID or email) to a contact ID, without a request when it is an ID. */
export async function contactId(this: IExecuteFunctions, itemIndex: number): Promise<string> {
	const locator = this.getNodeParameter('contact', itemIndex) as INodeParameterResourceLocator;
	if (locator.mode !== 'email') return numericId(this, locator.value, 'contact', itemIndex);
	return String((await loadContact.call(this, itemIndex)).id);
}

/** Reads the located contact; FluentCRM answers a miss with 422 "Subscriber not found". */
export async function loadContact(this: IExecuteFunctions, itemIndex: number, qs: IDataObject = {}): Promise<IDataObject> {
	const locator = this.getNodeParameter('contact', itemIndex) as INodeParameterResourceLocator;
	const byEmail = locator.mode === 'email';
	const id = byEmail ? '0' : numericId(this, locator.value, 'contact', itemIndex);
	const query = byEmail ? { ...qs, get_by_email: String(locator.value).trim() } : qs;
	const response = await fluentRequest.call(this, 'GET', `/subscribers/${id}`, { qs: query });
	return response.subscriber as IDataObject;
}

export const contactLocator: INodeProperties = {
	displayName: 'Contact',
	name: 'contact',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The contact to act on',
	modes: [
		{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'searchContacts', searchable: true } },
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 42',
			validation: [{ type: 'regex', properties: { regex: '^[0-9]+$', errorMessage: 'A contact ID is a number' } }],
		},
		{ displayName: 'By Email', name: 'email', type: 'string', placeholder: 'name@example.com' },
	],
};

export { byDisplayName, scoped } from '../../shared/descriptions/fields';
