import { NodeConnectionTypes } from 'n8n-workflow';
import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';

import { pollEvent, pollingOptions, timestampMs } from '../shared/trigger/poll';
import { authenticationProperty, crmPlatformCredentials } from './helpers/authentication';
import { COLLECTIONS } from './helpers/collections';
import { PAGE_SIZE, crmPlatformPage } from './transport';

/**
 * "Created" events are keyed on the id alone: a later change to the record is not a new creation.
 * "Created or updated" events also count a change of content at the same updated_at: linking a tag
 * to a contact changes the contact's tags but not its updated_at, and is emitted as an update when
 * a poll re-reads the contact within its overlap window.
 */
const EVENTS: Record<string, { path: string; column: string; contentCounts: boolean }> = {
	contactCreated: { path: COLLECTIONS.contact.path, column: 'created_at', contentCounts: false },
	contactUpdated: { path: COLLECTIONS.contact.path, column: 'updated_at', contentCounts: true },
	activityCreated: { path: COLLECTIONS.activity.path, column: 'created_at', contentCounts: false },
	activityUpdated: { path: COLLECTIONS.activity.path, column: 'updated_at', contentCounts: true },
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
					{ name: 'Activity Created', value: 'activityCreated', description: 'Each new activity once; later changes to it are not emitted' },
					{ name: 'Activity Created or Updated', value: 'activityUpdated', description: 'Each new or changed activity' },
					{ name: 'Contact Created', value: 'contactCreated', description: 'Each new contact once; later changes to it (or its tags) are not emitted' },
					{
						name: 'Contact Created or Updated',
						value: 'contactUpdated',
						description: 'Each new or changed contact. Linking a tag does not move a contact’s updated_at, so it is emitted only within the Overlap option’s time after the contact’s last change.',
					},
				],
				default: 'contactUpdated',
			},
			pollingOptions,
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as string;
		const { path, column, contentCounts } = EVENTS[event];
		return await pollEvent.call(this, event, {
			pageSize: PAGE_SIZE,
			contentCounts,
			timestampOf: (record) => timestampMs(record[column]),
			idOf: (record) => String(record.id),
			fetchPage: async (index) => {
				const qs: IDataObject = { _sort: `${column}:DESC,id:DESC`, _start: index * PAGE_SIZE, _limit: PAGE_SIZE };
				return await crmPlatformPage.call(this, path, qs);
			},
		});
	}
}
