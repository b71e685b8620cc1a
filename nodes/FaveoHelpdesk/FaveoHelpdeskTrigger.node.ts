import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';

import type { ChangeFeed } from '../shared/trigger/changeCursor';
import { pollEvent, pollingOptions, timestampMs } from '../shared/trigger/poll';
import { v2TicketList } from './helpers/ticketList';
import { V1_PAGE_SIZE, V2_PAGE_SIZE, faveoPage } from './transport';
import type { FaveoList } from './transport';

interface TicketEvent {
	list: FaveoList;
	pageSize: number;
	/** The list's newest-first order. */
	column: 'created_at' | 'updated_at';
	/** A created ticket is the same event whatever happens to it later; an update is a new one. */
	contentCounts: boolean;
}

/** The v1 list is newest-created first; only the v2 list can sort by update time. */
const EVENTS: Record<string, TicketEvent> = {
	ticketCreated: { list: { path: '/v1/helpdesk/tickets' }, pageSize: V1_PAGE_SIZE, column: 'created_at', contentCounts: false },
	ticketUpdated: {
		list: v2TicketList({ show: 'inbox', sortBy: 'updated_at', order: 'desc' }),
		pageSize: V2_PAGE_SIZE,
		column: 'updated_at',
		contentCounts: true,
	},
};

export class FaveoHelpdeskTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Faveo Helpdesk Trigger',
		name: 'faveoHelpdeskTrigger',
		icon: { light: 'file:faveoHelpdesk.svg', dark: 'file:faveoHelpdesk.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ { "ticketCreated": "Ticket Created", "ticketUpdated": "Ticket Created or Updated" }[$parameter["event"]] || $parameter["event"] }}',
		description: 'Starts the workflow when Faveo tickets are created or updated (polling)',
		defaults: { name: 'Faveo Helpdesk Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'faveoHelpdeskApi', required: true }],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				options: [
					{ name: 'Ticket Created', value: 'ticketCreated', description: 'Each new ticket once, even when it is answered or edited later' },
					{ name: 'Ticket Created or Updated (Faveo 2.x)', value: 'ticketUpdated', description: 'Open tickets, each time they change' },
				],
				default: 'ticketCreated',
			},
			{
				displayName: 'Faveo allows about 60 API requests a minute: poll every few minutes, not every minute, on busy helpdesks',
				name: 'rateNotice',
				type: 'notice',
				default: '',
			},
			pollingOptions,
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as string;
		const { list, pageSize, column, contentCounts } = EVENTS[event];
		const feed: ChangeFeed = {
			pageSize,
			contentCounts,
			timestampOf: (record) => timestampMs(record[column]),
			idOf: (record) => String(record.id),
			fetchPage: async (index) => await faveoPage.call(this, list, index),
		};
		return await pollEvent.call(this, event, feed);
	}
}
