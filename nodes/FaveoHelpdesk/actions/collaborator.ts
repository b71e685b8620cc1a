import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../shared/actions/runItems';
import { operationSelector, scoped, textField } from '../../shared/descriptions/fields';
import { notFoundError } from '../../shared/transport/errors';
import { ticketIdField } from '../helpers/fields';
import { ticketIdOf } from '../helpers/tickets';
import { faveoAnswer, faveoRequest } from '../transport';

const C = '/v1/helpdesk/collaborator';

export const operations: Record<string, ItemOperation> = {
	add: async function (i) {
		const body = { ticket_id: ticketIdOf(this, i), email: this.getNodeParameter('email', i) };
		const { collaborator } = await faveoRequest.call(this, 'POST', `${C}/create`, faveoAnswer('collaborator', 'object'), { body });
		return { ...body, added: true, collaborator };
	},
	getForTicket: async function (i) {
		const body = { ticket_id: ticketIdOf(this, i) };
		return (await faveoRequest.call(this, 'POST', `${C}/get-ticket`, faveoAnswer('collaborator', 'list'), { body })).collaborator as IDataObject[];
	},
	remove: async function (i) {
		// This endpoint spells the field `ticketid`, without the underscore.
		const body = { ticketid: ticketIdOf(this, i), email: this.getNodeParameter('email', i) };
		const { collaborator } = await faveoRequest.call(this, 'POST', `${C}/remove`, faveoAnswer('collaborator', 'text'), { body });
		if (collaborator === 'not found') throw notFoundError(this.getNode(), `${String(body.email)} is not a collaborator on ticket ${body.ticketid}`);
		return { ticket_id: body.ticketid, email: body.email, removed: true };
	},
	search: async function (i) {
		return (await faveoRequest.call(this, 'GET', `${C}/search`, faveoAnswer('users', 'list'), { qs: { term: this.getNodeParameter('search', i) } })).users as IDataObject[];
	},
};

export const description: INodeProperties[] = [
	operationSelector('collaborator', [
		{ name: 'Search', value: 'search', action: 'Search users to add as collaborators' },
		{ name: 'Add', value: 'add', action: 'Add a collaborator to a ticket' },
		{ name: 'Get for Ticket', value: 'getForTicket', action: 'Get the collaborators of a ticket' },
		{ name: 'Remove', value: 'remove', action: 'Remove a collaborator from a ticket' },
	]),
	...scoped('collaborator', ['add', 'remove', 'getForTicket'], [ticketIdField]),
	...scoped('collaborator', ['add', 'remove'], [textField('Email', 'email', { required: true, placeholder: 'name@example.com' })]),
	{
		displayName: 'Faveo adds collaborators by creating a new user with this email and mailing them a password; an email that already has an account fails',
		name: 'collaboratorNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { resource: ['collaborator'], operation: ['add'] } },
	},
	...scoped('collaborator', ['search'], [textField('Search Text', 'search', { required: true })]),
];
