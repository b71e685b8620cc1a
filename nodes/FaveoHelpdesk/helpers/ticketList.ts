import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { textField } from '../../shared/descriptions/fields';
import { readLimit } from '../../shared/descriptions/returnAllOrLimit';
import { faveoPages } from '../transport';
import type { FaveoList } from '../transport';
import { currentUserId } from './tickets';

/** Faveo 2's filtered ticket list (Faveo 1.9 does not have it). */
export const V2_TICKETS = '/v2/helpdesk/tickets';

export interface V2ListOptions {
	/** inbox, mytickets, trash, followup, overdue, approval or closed. */
	show: string;
	/** "All" or department names. */
	departments?: string;
	sortBy?: string;
	order?: string;
}

/** The one query of the v2 ticket list, for Get Many and for the trigger. */
export function v2TicketList(options: V2ListOptions): FaveoList {
	const qs: IDataObject = { api: 1, show: options.show, departments: options.departments || 'All' };
	if (options.sortBy) qs['sort-by'] = options.sortBy;
	if (options.order) qs.order = options.order;
	return { path: V2_TICKETS, qs, v2: true };
}

const V1_VIEWS: Record<string, string> = { all: 'tickets', inbox: 'inbox', open: 'open', unassigned: 'unassigned', closed: 'closed', trash: 'trash' };
const V2_VIEWS: Record<string, string> = { all: 'inbox', inbox: 'inbox', open: 'inbox', unassigned: 'inbox', closed: 'closed', trash: 'trash', myTickets: 'mytickets' };

/** Ticket → Get Many: a v1 view, or the v2 filtered list when asked for. */
export async function listTickets(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const view = this.getNodeParameter('view', i) as string;
	const options = this.getNodeParameter('listOptions', i, {}) as IDataObject;
	const limit = readLimit((name) => this.getNodeParameter(name, i));
	if (options.useFilteredList) {
		const list = v2TicketList({ show: V2_VIEWS[view], departments: options.departments as string, sortBy: options.sortBy as string, order: options.order as string });
		return await faveoPages.call(this, list, limit);
	}
	if (view === 'myTickets') return await faveoPages.call(this, { path: '/v1/helpdesk/my-tickets-agent', qs: { user_id: await currentUserId.call(this) } }, limit);
	return await faveoPages.call(this, { path: `/v1/helpdesk/${V1_VIEWS[view]}` }, limit);
}

/** The fields of Ticket → Get Many (besides Return All and Limit). */
export const ticketListFields: INodeProperties[] = [
	{
		displayName: 'View',
		name: 'view',
		type: 'options',
		options: [
			{ name: 'All Tickets', value: 'all' },
			{ name: 'Closed', value: 'closed' },
			{ name: 'Inbox', value: 'inbox' },
			{ name: 'My Tickets', value: 'myTickets' },
			{ name: 'Open (Unanswered)', value: 'open' },
			{ name: 'Trash', value: 'trash' },
			{ name: 'Unassigned', value: 'unassigned' },
		],
		default: 'inbox',
	},
	{
		displayName: 'Options',
		name: 'listOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			textField('Departments', 'departments', { description: 'Filtered list only: "All" or department names' }),
			{ displayName: 'Order', name: 'order', type: 'options', options: [{ name: 'Ascending', value: 'asc' }, { name: 'Descending', value: 'desc' }], default: 'desc' },
			{
				displayName: 'Sort By',
				name: 'sortBy',
				type: 'options',
				options: ['created_at', 'due', 'id', 'priority', 'ticket_number', 'ticket_title', 'updated_at'].map((value) => ({ name: value, value })),
				default: 'updated_at',
			},
			{
				displayName: 'Use Filtered List (Faveo 2.x)',
				name: 'useFilteredList',
				type: 'boolean',
				default: false,
				description: 'Whether to use the v2 list, which pages by up to 499 records and can sort; Faveo 1.9 does not have it',
			},
		],
	},
];
