import { NodeConnectionTypes } from 'n8n-workflow';
import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';

import { pollEvent, pollingOptions, timestampMs } from '../shared/trigger/poll';
import { V1_PAGE_SIZE, V2_PAGE_SIZE, faveoRequest } from './transport';

/** The v1 list is newest-created first (10 a page); only the v2 list can sort by update time (reference §7). */
async function ticketsPage(this: IPollFunctions, event: string, index: number): Promise<IDataObject[]> {
	if (event === 'ticketCreated') {
		const page = await faveoRequest.call(this, 'GET', '/v1/helpdesk/tickets', { qs: { page: index + 1 } });
		return (page.data as IDataObject[] | undefined) ?? [];
	}
	const qs = { api: 1, show: 'inbox', departments: 'All', 'sort-by': 'updated_at', order: 'desc', records_per_page: V2_PAGE_SIZE, page: index + 1 };
	const answer = await faveoRequest.call(this, 'GET', '/v2/helpdesk/tickets', { qs });
	return ((answer.data as IDataObject | undefined)?.data as IDataObject[] | undefined) ?? [];
}

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
					{ name: 'Ticket Created', value: 'ticketCreated' },
					{ name: 'Ticket Created or Updated (Faveo 2.x)', value: 'ticketUpdated' },
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
		const column = event === 'ticketCreated' ? 'created_at' : 'updated_at';
		return await pollEvent.call(this, event, {
			pageSize: event === 'ticketCreated' ? V1_PAGE_SIZE : V2_PAGE_SIZE,
			timestampOf: (record) => timestampMs(record[column]),
			idOf: (record) => String(record.id),
			fetchPage: async (index) => await ticketsPage.call(this, event, index),
		});
	}
}
