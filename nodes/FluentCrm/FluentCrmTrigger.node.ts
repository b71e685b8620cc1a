import { NodeConnectionTypes } from 'n8n-workflow';
import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';

import { pollEvent, pollingOptions, timestampMs } from '../shared/trigger/poll';
import { fluentPage } from './transport';

/** Large pages make it unlikely that a burst sharing one timestamp straddles a page boundary. */
const POLL_PAGE_SIZE = 250;

/**
 * Each event's change timestamp, and whether a record that changed without moving it is a new
 * event: a created contact is one event however often it changes later (its id is the identity);
 * "created or updated" also emits changes FluentCRM does not stamp (a tag added, a second save
 * within the same second), recognised by the record's content.
 */
const EVENTS: Record<string, { column: string; contentCounts: boolean }> = {
	contactCreated: { column: 'created_at', contentCounts: false },
	contactUpdated: { column: 'updated_at', contentCounts: true },
};

export class FluentCrmTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'FluentCRM Trigger',
		name: 'fluentCrmTrigger',
		icon: { light: 'file:fluentCrm.svg', dark: 'file:fluentCrm.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ { "contactCreated": "Contact Created", "contactUpdated": "Contact Created or Updated" }[$parameter["event"]] || $parameter["event"] }}',
		description: 'Starts the workflow when FluentCRM contacts are created or updated (polling)',
		defaults: { name: 'FluentCRM Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'fluentCrmApi', required: true }],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				options: [
					{ name: 'Contact Created', value: 'contactCreated' },
					{ name: 'Contact Created or Updated', value: 'contactUpdated' },
				],
				default: 'contactUpdated',
			},
			pollingOptions,
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as string;
		const { column, contentCounts } = EVENTS[event];
		return await pollEvent.call(this, event, {
			pageSize: POLL_PAGE_SIZE,
			contentCounts,
			timestampOf: (record) => timestampMs(record[column]),
			idOf: (record) => String(record.id),
			fetchPage: async (index) => {
				const qs: IDataObject = { page: index + 1, per_page: POLL_PAGE_SIZE, sort_by: column, sort_type: 'DESC' };
				return (await fluentPage.call(this, '/subscribers', 'subscribers', qs)).data as IDataObject[];
			},
		});
	}
}
