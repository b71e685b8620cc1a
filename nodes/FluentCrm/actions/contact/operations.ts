import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readLimit } from '../../../shared/descriptions/returnAllOrLimit';
import type { ItemOperation } from '../../../shared/actions/runItems';
import { fluentPages, fluentRequest } from '../../transport';
import { contactId, idList, loadContact, optional, requireStatus } from '../common';
import { contactBody } from './fields';

type Param = <T>(name: string, fallback?: T) => T;
const param = (context: IExecuteFunctions, itemIndex: number): Param => (name, fallback) =>
	context.getNodeParameter(name, itemIndex, fallback) as never;

async function createContact(this: IExecuteFunctions, i: number, upsert: boolean): Promise<IDataObject> {
	const body: IDataObject = {
		...contactBody(this, i, 'additionalFields'),
		email: String(this.getNodeParameter('email', i)).trim(),
		status: requireStatus(this, this.getNodeParameter('status', i), i),
	};
	body.double_optin = body.double_optin === true;
	if (upsert) body.__force_update = 'yes';
	const response = await fluentRequest.call(this, 'POST', '/subscribers', { body });
	return { ...(response.contact as IDataObject), action_type: response.action_type };
}

/**
 * FluentCRM validates the email on every contact PUT and blanks a birth date that is not sent,
 * so each update starts from the stored record.
 */
async function updateContact(this: IExecuteFunctions, i: number, changes: IDataObject): Promise<IDataObject> {
	const current = await loadContact.call(this, i);
	const kept: IDataObject = { email: current.email };
	if (current.date_of_birth) kept.date_of_birth = current.date_of_birth;
	const body = { ...kept, ...changes };
	const response = await fluentRequest.call(this, 'PUT', `/subscribers/${String(current.id)}`, { body });
	return response.contact as IDataObject;
}

async function segments(this: IExecuteFunctions, i: number, key: string, parameter: string, kind: string): Promise<IDataObject> {
	const ids = idList(this, this.getNodeParameter(parameter, i), kind, i);
	return await updateContact.call(this, i, { [key]: ids });
}

export const contactOperations: Record<string, ItemOperation> = {
	create: async function (i) {
		return await createContact.call(this, i, false);
	},
	upsert: async function (i) {
		return await createContact.call(this, i, true);
	},
	get: async function (i) {
		const withCustom = optional(this, 'withCustomFields', i, false);
		return await loadContact.call(this, i, withCustom ? { with: ['subscriber.custom_values'] } : {});
	},
	getAll: async function (i) {
		const get = param(this, i);
		const filters = { ...get<IDataObject>('filters', {}) };
		for (const [key, kind] of [['tags', 'tag'], ['lists', 'list']]) {
			if (filters[key] !== undefined) filters[key] = idList(this, filters[key], kind, i);
		}
		return await fluentPages.call(this, '/subscribers', filters, readLimit(get));
	},
	update: async function (i) {
		return await updateContact.call(this, i, contactBody(this, i, 'updateFields'));
	},
	delete: async function (i) {
		const id = await contactId.call(this, i);
		await fluentRequest.call(this, 'DELETE', `/subscribers/${id}`);
		return { id: Number(id), deleted: true };
	},
	addTags: async function (i) {
		return await segments.call(this, i, 'attach_tags', 'tagIds', 'tag');
	},
	removeTags: async function (i) {
		return await segments.call(this, i, 'detach_tags', 'tagIds', 'tag');
	},
	addToLists: async function (i) {
		return await segments.call(this, i, 'attach_lists', 'listIds', 'list');
	},
	removeFromLists: async function (i) {
		return await segments.call(this, i, 'detach_lists', 'listIds', 'list');
	},
	addNote: async function (i) {
		const id = await contactId.call(this, i);
		const get = param(this, i);
		// Notes must be wrapped in {"note": …}; flat fields crash FluentCRM (reference Q14).
		const note = { title: get<string>('title'), description: get<string>('description'), type: get<string>('noteType', 'note') };
		const response = await fluentRequest.call(this, 'POST', `/subscribers/${id}/notes`, { body: { note } });
		return response.note as IDataObject;
	},
	getNotes: async function (i) {
		const id = await contactId.call(this, i);
		return await fluentPages.call(this, `/subscribers/${id}/notes`, {}, readLimit(param(this, i)));
	},
};
