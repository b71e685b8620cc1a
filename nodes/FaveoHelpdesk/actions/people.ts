import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ItemOperation } from '../../shared/actions/runItems';
import { notFoundError } from '../../shared/transport/errors';
import { faveoRequest } from '../transport';
import { ticketId } from './ticket';

const H = '/v1/helpdesk';
const list = (value: unknown): IDataObject[] => (Array.isArray(value) ? (value as IDataObject[]) : []);

async function register(this: IExecuteFunctions, body: IDataObject): Promise<IDataObject> {
	const registered = (await faveoRequest.call(this, 'POST', `${H}/register`, { body })).register as IDataObject | undefined;
	return (registered?.user as IDataObject | undefined) ?? registered ?? {};
}

/**
 * Faveo has no endpoint to update a user (reference §3.4), so "create or update" for customers means
 * "find by exact email, else register": an existing customer is returned as it is.
 */
async function findOrRegister(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const email = String(this.getNodeParameter('email', i)).trim();
	const found = list((await faveoRequest.call(this, 'GET', `${H}/customers`, { qs: { search: email } })).result);
	const matches = found.filter((user) => String(user.email).toLowerCase() === email.toLowerCase());
	if (matches.length > 1) {
		throw new NodeOperationError(this.getNode(), `${matches.length} Faveo users have the email ${email}`, { itemIndex: i, description: 'The node does not guess which one you mean.' });
	}
	if (matches.length === 1) return { ...matches[0], action_type: 'found' };
	const body: IDataObject = { ...(this.getNodeParameter('additionalFields', i, {}) as IDataObject), email };
	for (const field of ['username', 'first_name']) body[field] = this.getNodeParameter(field, i);
	return { ...(await register.call(this, body)), action_type: 'created' };
}

export const customerOperations: Record<string, ItemOperation> = {
	create: async function (i) {
		const body: IDataObject = { ...(this.getNodeParameter('additionalFields', i, {}) as IDataObject) };
		for (const field of ['username', 'first_name']) body[field] = this.getNodeParameter(field, i);
		return await register.call(this, body);
	},
	upsert: findOrRegister,
	get: async function (i) {
		const id = String(this.getNodeParameter('customerId', i)).trim();
		const customer = (await faveoRequest.call(this, 'GET', `${H}/customer`, { qs: { user_id: id } })).result;
		if (customer && typeof customer === 'object') return customer as IDataObject;
		throw notFoundError(this.getNode(), `Faveo customer ${id} was not found`, 'Agents and admins are not customers.');
	},
	search: async function (i) {
		return list((await faveoRequest.call(this, 'GET', `${H}/customers`, { qs: { search: this.getNodeParameter('search', i) } })).result);
	},
};

export const agentOperations: Record<string, ItemOperation> = {
	getAll: async function () {
		return list((await faveoRequest.call(this, 'GET', `${H}/agents`)).result);
	},
};

export const teamOperations: Record<string, ItemOperation> = {
	getAll: async function () {
		return list((await faveoRequest.call(this, 'GET', `${H}/teams`)).result);
	},
};

export const collaboratorOperations: Record<string, ItemOperation> = {
	search: async function (i) {
		return list((await faveoRequest.call(this, 'GET', `${H}/collaborator/search`, { qs: { term: this.getNodeParameter('search', i) } })).users);
	},
	add: async function (i) {
		const body = { ticket_id: ticketId(this, i), email: this.getNodeParameter('email', i) };
		return { ...body, added: true, collaborator: (await faveoRequest.call(this, 'POST', `${H}/collaborator/create`, { body })).collaborator };
	},
	remove: async function (i) {
		// This endpoint spells the field `ticketid` (reference §3.2).
		const body = { ticketid: ticketId(this, i), email: this.getNodeParameter('email', i) };
		const answer = (await faveoRequest.call(this, 'POST', `${H}/collaborator/remove`, { body })).collaborator;
		if (answer === 'not found') {
			throw notFoundError(this.getNode(), `${String(body.email)} is not a collaborator on ticket ${body.ticketid}`);
		}
		return { ticket_id: body.ticketid, email: body.email, removed: true };
	},
	getForTicket: async function (i) {
		return list((await faveoRequest.call(this, 'POST', `${H}/collaborator/get-ticket`, { body: { ticket_id: ticketId(this, i) } })).collaborator);
	},
};
