import { NodeConnectionTypes } from 'n8n-workflow';
import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';

import { pollEvent, pollingOptions, timestampMs } from '../shared/trigger/poll';
import { crmRequest } from './transport';
import { authenticationProperty, crmPlatformCredentials } from './actions/authentication';

const PAGE_SIZE = 100;

const EVENTS: Record<string, { path: string; column: string }> = {
	contactCreated: { path: '/crm-plugin/contact', column: 'created_at' },
	contactUpdated: { path: '/crm-plugin/contact', column: 'updated_at' },
	activityCreated: { path: '/crm-plugin/activities', column: 'created_at' },
	activityUpdated: { path: '/crm-plugin/activities', column: 'updated_at' },
};

export class CrmPlatformTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'CRM Platform Trigger',
		name: 'crmPlatformTrigger',
		icon: { light: 'file:crmPlatform.svg', dark: 'file:crmPlatform.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ { "activityCreated": "Activity Created", "activityUpdated": "Activity Created or Updated", "contactCreated": "Contact Created", "contactUpdated": "Contact Created or Updated" }[$parameter["event"]] || $parameter["event"] }}',
		description: 'Starts the workflow when CRM Platform contacts or activities are created or updated (polling)',
		defaults: { name: 'CRM Platform Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: crmPlatformCredentials,
		properties: [
			authenticationProperty,
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				options: [
					{ name: 'Activity Created', value: 'activityCreated' },
					{ name: 'Activity Created or Updated', value: 'activityUpdated' },
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
		const { path, column } = EVENTS[event];
		return await pollEvent.call(this, event, {
			pageSize: PAGE_SIZE,
			timestampOf: (record) => timestampMs(record[column]),
			idOf: (record) => String(record.id),
			fetchPage: async (index) => {
				const qs: IDataObject = { _sort: `${column}:DESC,id:DESC`, _start: index * PAGE_SIZE, _limit: PAGE_SIZE };
				const rows = await crmRequest.call(this, 'GET', path, { qs });
				return Array.isArray(rows) ? (rows as IDataObject[]) : [];
			},
		});
	}
}
