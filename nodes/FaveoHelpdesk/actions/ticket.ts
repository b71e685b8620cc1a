import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../shared/actions/runItems';
import { expectArray } from '../../shared/transport/answer';
import { operationSelector, scoped, textField } from '../../shared/descriptions/fields';
import { returnAllOrLimit } from '../../shared/descriptions/returnAllOrLimit';
import { lookupField, ticketIdField } from '../helpers/fields';
import { listTickets, ticketListFields } from '../helpers/ticketList';
import { currentUserId, readTicket, ticketIdOf } from '../helpers/tickets';
import { faveoAnswer, faveoRequest } from '../transport';

const H = '/v1/helpdesk';
const TRASH_STATUS = 5;

const inTrash = (ticket: IDataObject) => Number(ticket.status) === TRASH_STATUS || /deleted|trash/i.test(String(ticket.status_name ?? ''));

/** `delete` moves a ticket to the trash the first time and deletes it for good the second time. */
async function deleteOnce(this: IExecuteFunctions, id: number): Promise<void> {
	await faveoRequest.call(this, 'POST', `${H}/delete`, faveoAnswer('result', 'text'), { body: { ticket_id: id } });
}

export const operations: Record<string, ItemOperation> = {
	addNote: async function (i) {
		const body = { ticket_id: ticketIdOf(this, i), user_id: await currentUserId.call(this), body: this.getNodeParameter('note', i) };
		return (await faveoRequest.call(this, 'POST', `${H}/internal-note`, faveoAnswer('thread', 'object'), { body })).thread as IDataObject;
	},
	assign: async function (i) {
		const id = ticketIdOf(this, i);
		await faveoRequest.call(this, 'POST', `${H}/assign`, faveoAnswer('result', 'text'), { body: { ticket_id: id, user: this.getNodeParameter('agentEmail', i) } });
		return await readTicket.call(this, id);
	},
	create: async function (i) {
		const body: IDataObject = { ...(this.getNodeParameter('additionalFields', i, {}) as IDataObject) };
		for (const field of ['email', 'first_name', 'subject', 'body', 'helptopic', 'sla', 'priority']) body[field] = this.getNodeParameter(field, i);
		const response = (await faveoRequest.call(this, 'POST', `${H}/create`, faveoAnswer('response', 'object'), { body })).response as IDataObject;
		const id = Number(response.ticket_id);
		// When the requester still has to verify their account, Faveo answers without the new id.
		return Number.isInteger(id) && id > 0 ? await readTicket.call(this, id) : { created: true, ticket_id: null, message: response.message ?? null };
	},
	deletePermanently: async function (i) {
		const id = ticketIdOf(this, i);
		if (!inTrash(await readTicket.call(this, id))) await deleteOnce.call(this, id);
		await deleteOnce.call(this, id);
		return { ticket_id: id, deleted: true };
	},
	edit: async function (i) {
		// `edit` needs every field and blanks the status when it is missing: start from the ticket as it is.
		const id = ticketIdOf(this, i);
		const current = await readTicket.call(this, id);
		const body: IDataObject = {
			ticket_id: id,
			subject: current.title,
			sla_plan: current.sla,
			help_topic: current.helptopic_id,
			ticket_source: current.source,
			ticket_priority: current.priority_id,
			status: current.status,
			...(this.getNodeParameter('updateFields', i, {}) as IDataObject),
		};
		await faveoRequest.call(this, 'POST', `${H}/edit`, faveoAnswer('result', 'object'), { body });
		return await readTicket.call(this, id);
	},
	get: async function (i) {
		return await readTicket.call(this, ticketIdOf(this, i));
	},
	getAll: async function (i) {
		return await listTickets.call(this, i);
	},
	getThreads: async function (i) {
		// Faveo sends this list as JSON text labelled text/html.
		return (await faveoRequest.call(this, 'GET', `${H}/ticket-thread`, expectArray, { qs: { id: ticketIdOf(this, i) } })) as unknown as IDataObject[];
	},
	moveToTrash: async function (i) {
		const id = ticketIdOf(this, i);
		if (inTrash(await readTicket.call(this, id))) {
			throw new NodeOperationError(this.getNode(), `Ticket ${id} is already in the trash`, {
				itemIndex: i,
				description: 'Moving it again would delete it for good. Use "Delete Permanently" if that is what you want.',
			});
		}
		await deleteOnce.call(this, id);
		return { ticket_id: id, trashed: true };
	},
	reply: async function (i) {
		const body = { ticket_id: ticketIdOf(this, i), reply_content: this.getNodeParameter('replyContent', i) };
		return (await faveoRequest.call(this, 'POST', `${H}/reply`, faveoAnswer('result', 'object'), { body })).result as IDataObject;
	},
	search: async function (i) {
		const found = (await faveoRequest.call(this, 'GET', `${H}/ticket-search`, faveoAnswer('result', 'list'), { qs: { search: this.getNodeParameter('search', i) } })).result as IDataObject[];
		// One row per matching message: the same ticket can come several times.
		return [...new Set(found.map((row) => Number(row.ticket_id)))].map((id) => ({ ticket_id: id }));
	},
};

export const description: INodeProperties[] = [
	operationSelector('ticket', [
		{ name: 'Get Many', value: 'getAll', action: 'Get many tickets' },
		{ name: 'Add Internal Note', value: 'addNote', action: 'Add an internal note to a ticket' },
		{ name: 'Assign', value: 'assign', action: 'Assign a ticket to an agent' },
		{ name: 'Create', value: 'create', action: 'Create a ticket' },
		{ name: 'Delete Permanently', value: 'deletePermanently', action: 'Delete a ticket for good' },
		{ name: 'Edit', value: 'edit', action: 'Edit a ticket' },
		{ name: 'Get', value: 'get', action: 'Get a ticket' },
		{ name: 'Get Threads', value: 'getThreads', action: 'Get the conversation of a ticket' },
		{ name: 'Move to Trash', value: 'moveToTrash', action: 'Move a ticket to the trash' },
		{ name: 'Reply', value: 'reply', action: 'Reply to a ticket' },
		{ name: 'Search', value: 'search', action: 'Search tickets by text' },
	]),
	...scoped('ticket', ['get', 'reply', 'edit', 'assign', 'addNote', 'getThreads', 'moveToTrash', 'deletePermanently'], [ticketIdField]),
	...scoped('ticket', ['create'], [
		textField('Requester Email', 'email', { required: true, placeholder: 'name@example.com', description: 'A new email creates a customer account (Faveo may email them)' }),
		textField('Requester First Name', 'first_name', { required: true, description: '3 to 40 characters' }),
		textField('Subject', 'subject', { required: true, description: 'At least 5 characters' }),
		textField('Body', 'body', { required: true, typeOptions: { rows: 4 }, description: 'At least 10 characters' }),
		lookupField('Help Topic Name or ID', 'helptopic', 'getHelpTopics', { required: true }),
		lookupField('SLA Plan Name or ID', 'sla', 'getSlaPlans', { required: true }),
		lookupField('Priority Name or ID', 'priority', 'getPriorities', { required: true }),
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{ displayName: 'Assign To (Agent ID)', name: 'assignto', type: 'number', default: 0 },
				textField('Due Date', 'duedate', { placeholder: 'YYYY-MM-DD' }),
				textField('Last Name', 'last_name'),
				textField('Mobile', 'mobile'),
				textField('Mobile Country Code', 'code'),
				textField('Phone', 'phone'),
			],
		},
	]),
	...scoped('ticket', ['reply'], [textField('Reply', 'replyContent', { required: true, typeOptions: { rows: 4 } })]),
	...scoped('ticket', ['addNote'], [textField('Note', 'note', { required: true, typeOptions: { rows: 4 } })]),
	...scoped('ticket', ['assign'], [lookupField('Agent Email Name or ID', 'agentEmail', 'getAgentEmails', { required: true })]),
	...scoped('ticket', ['search'], [textField('Search Text', 'search', { required: true, description: 'Matched against thread titles and bodies' })]),
	...scoped('ticket', ['edit'], [
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			description: 'Fields not given keep their current value',
			options: [
				lookupField('Help Topic Name or ID', 'help_topic', 'getHelpTopics'),
				lookupField('Priority Name or ID', 'ticket_priority', 'getPriorities'),
				lookupField('SLA Plan Name or ID', 'sla_plan', 'getSlaPlans'),
				lookupField('Source Name or ID', 'ticket_source', 'getSources'),
				lookupField('Status Name or ID', 'status', 'getStatuses'),
				textField('Subject', 'subject'),
			],
		},
	]),
	...scoped('ticket', ['getAll'], ticketListFields),
	...returnAllOrLimit({ resource: ['ticket'], operation: ['getAll'] }),
];
