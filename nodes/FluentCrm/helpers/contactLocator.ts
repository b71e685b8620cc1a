import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeParameterResourceLocator, INodeProperties } from 'n8n-workflow';

import { positiveId } from '../../shared/actions/parameters';
import { fluentRecord, fluentRequest } from '../transport';

/** The contact an operation acts on: picked from a list, or given by ID or by email. */
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

const locatorOf = (context: IExecuteFunctions, itemIndex: number) => context.getNodeParameter('contact', itemIndex) as INodeParameterResourceLocator;

/**
 * Reads one contact by ID, or by email with FluentCRM's exact, case-insensitive `get_by_email`.
 * FluentCRM answers a miss with 422 "Subscriber not found".
 */
export async function readContact(this: IExecuteFunctions, by: { id: number } | { email: string }, qs: IDataObject = {}): Promise<IDataObject> {
	const [id, query] = 'id' in by ? [by.id, qs] : [0, { ...qs, get_by_email: by.email }];
	return (await fluentRequest.call(this, 'GET', `/subscribers/${id}`, fluentRecord('subscriber'), { qs: query })).subscriber as IDataObject;
}

/** Reads the contact the locator points at. */
export async function readLocatedContact(this: IExecuteFunctions, itemIndex: number, qs: IDataObject = {}): Promise<IDataObject> {
	const locator = locatorOf(this, itemIndex);
	const by = locator.mode === 'email' ? { email: String(locator.value).trim() } : { id: positiveId(this, locator.value, 'contact', itemIndex) };
	return await readContact.call(this, by, qs);
}

/** The located contact's ID, without a request when it was given as an ID. */
export async function locatedContactId(this: IExecuteFunctions, itemIndex: number): Promise<number> {
	const locator = locatorOf(this, itemIndex);
	if (locator.mode !== 'email') return positiveId(this, locator.value, 'contact', itemIndex);
	return Number((await readLocatedContact.call(this, itemIndex)).id);
}

const isSubscriberNotFound = (error: NodeApiError) => error.httpCode === '422' && /Subscriber not found/i.test(error.message);

/** The contact with this email, or none when FluentCRM says "Subscriber not found". */
export async function findContactByEmail(this: IExecuteFunctions, email: string): Promise<IDataObject[]> {
	try {
		return [await readContact.call(this, { email })];
	} catch (error) {
		if (!(error instanceof NodeApiError)) throw new NodeOperationError(this.getNode(), error as Error);
		// Any other answer is already worded by the kernel as FluentCRM's error: it goes on unchanged.
		const apiError: NodeApiError = error;
		if (isSubscriberNotFound(apiError)) return [];
		throw apiError;
	}
}
