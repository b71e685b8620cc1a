import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ItemOperation } from '../../shared/actions/runItems';
import { readLimit } from '../../shared/descriptions/returnAllOrLimit';
import { notFoundError } from '../../shared/transport/errors';
import { faveoPages, faveoRequest } from '../transport';

const H = '/v1/helpdesk';
const TRASH_STATUS = 5;

export function ticketId(context: IExecuteFunctions, i: number): number {
	const text = String(context.getNodeParameter('ticketId', i)).trim();
	if (/^[0-9]+$/.test(text)) return Number(text);
	throw new NodeOperationError(context.getNode(), `"${text}" is not a valid ticket ID`, { itemIndex: i });
}

export async function readTicket(this: IExecuteFunctions, id: number): Promise<IDataObject> {
	const ticket = (await faveoRequest.call(this, 'GET', `${H}/ticket`, { qs: { ticket_id: id } })).result;
	if (ticket && typeof ticket === 'object') return ticket as IDataObject;
	throw notFoundError(this.getNode(), `Faveo ticket ${id} was not found`);
}

export async function currentUserId(this: IExecuteFunctions): Promise<number> {
	const user = (await faveoRequest.call(this, 'GET', '/v1/authenticate/user')).user as IDataObject;
	return Number(user.id);
}

const inTrash = (ticket: IDataObject) => Number(ticket.status) === TRASH_STATUS || /deleted|trash/i.test(String(ticket.status_name ?? ''));

const V1_VIEWS: Record<string, string> = { all: 'tickets', inbox: 'inbox', open: 'open', unassigned: 'unassigned', closed: 'closed', trash: 'trash' };
const V2_VIEWS: Record<string, string> = { all: 'inbox', inbox: 'inbox', open: 'inbox', unassigned: 'inbox', closed: 'closed', trash: 'trash', myTickets: 'mytickets' };

async function listTickets(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const view = this.getNodeParameter('view', i) as string;
	const options = this.getNodeParameter('listOptions', i, {}) as IDataObject;
	const limit = readLimit((name) => this.getNodeParameter(name, i));
	if (options.useFilteredList) {
		const qs: IDataObject = { api: 1, show: V2_VIEWS[view], departments: options.departments || 'All' };
		if (options.sortBy) qs['sort-by'] = options.sortBy;
		if (options.order) qs.order = options.order;
		return await faveoPages.call(this, '/v2/helpdesk/tickets', qs, limit, true);
	}
	if (view === 'myTickets') return await faveoPages.call(this, `${H}/my-tickets-agent`, { user_id: await currentUserId.call(this) }, limit);
	return await faveoPages.call(this, `${H}/${V1_VIEWS[view]}`, {}, limit);
}

export const ticketOperations: Record<string, ItemOperation> = {
	create: async function (i) {
		const body: IDataObject = { ...(this.getNodeParameter('additionalFields', i, {}) as IDataObject) };
		for (const field of ['email', 'first_name', 'subject', 'body', 'helptopic', 'sla', 'priority']) body[field] = this.getNodeParameter(field, i);
		const response = (await faveoRequest.call(this, 'POST', `${H}/create`, { body })).response as IDataObject | undefined;
		const id = Number(response?.ticket_id);
		// An unverified requester makes Faveo answer without the id (reference §3.1).
		return Number.isFinite(id) && id > 0 ? await readTicket.call(this, id) : { created: true, ticket_id: null, message: response?.message ?? null };
	},
	get: async function (i) {
		return await readTicket.call(this, ticketId(this, i));
	},
	getAll: async function (i) {
		return await listTickets.call(this, i);
	},
	search: async function (i) {
		const found = (await faveoRequest.call(this, 'GET', `${H}/ticket-search`, { qs: { search: this.getNodeParameter('search', i) } })).result;
		const ids = [...new Set(((found as IDataObject[] | undefined) ?? []).map((row) => Number(row.ticket_id)))];
		return ids.map((id) => ({ ticket_id: id }));
	},
	reply: async function (i) {
		const body = { ticket_id: ticketId(this, i), reply_content: this.getNodeParameter('replyContent', i) };
		return (await faveoRequest.call(this, 'POST', `${H}/reply`, { body })).result as IDataObject;
	},
	edit: async function (i) {
		// `edit` needs every field and blanks the status when it is missing: start from the ticket as it is.
		const id = ticketId(this, i);
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
		await faveoRequest.call(this, 'POST', `${H}/edit`, { body });
		return await readTicket.call(this, id);
	},
	assign: async function (i) {
		const id = ticketId(this, i);
		await faveoRequest.call(this, 'POST', `${H}/assign`, { body: { ticket_id: id, user: this.getNodeParameter('agentEmail', i) } });
		return await readTicket.call(this, id);
	},
	addNote: async function (i) {
		const body = { ticket_id: ticketId(this, i), user_id: await currentUserId.call(this), body: this.getNodeParameter('note', i) };
		return (await faveoRequest.call(this, 'POST', `${H}/internal-note`, { body })).thread as IDataObject;
	},
	getThreads: async function (i) {
		const threads = await faveoRequest.call(this, 'GET', `${H}/ticket-thread`, { qs: { id: ticketId(this, i) } });
		return Array.isArray(threads) ? (threads as IDataObject[]) : [];
	},
	moveToTrash: async function (i) {
		const id = ticketId(this, i);
		if (inTrash(await readTicket.call(this, id))) {
			throw new NodeOperationError(this.getNode(), `Ticket ${id} is already in the trash`, {
				itemIndex: i,
				description: 'Moving it again would delete it for good. Use "Delete Permanently" if that is what you want.',
			});
		}
		await faveoRequest.call(this, 'POST', `${H}/delete`, { body: { ticket_id: id } });
		return { ticket_id: id, trashed: true };
	},
	deletePermanently: async function (i) {
		const id = ticketId(this, i);
		if (!inTrash(await readTicket.call(this, id))) await faveoRequest.call(this, 'POST', `${H}/delete`, { body: { ticket_id: id } });
		await faveoRequest.call(this, 'POST', `${H}/delete`, { body: { ticket_id: id } });
		return { ticket_id: id, deleted: true };
	},
};
