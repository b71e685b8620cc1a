import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../shared/actions/runItems';
import { fluentRequest, missingRecord } from '../transport';
import { idList, numericId, optional, scoped } from './common';
import { listIdsProperty, tagIdsProperty } from './contact/fields';

/** FluentCRM keeps a webhook's settings under `value`; flatten so users see one record. */
function flatten(webhook: IDataObject): IDataObject {
	const { value, ...rest } = webhook;
	return { ...rest, ...((value as IDataObject | undefined) ?? {}) };
}

export const webhookOperations: Record<string, ItemOperation> = {
	create: async function (i) {
		const extra = optional<IDataObject>(this, 'additionalFields', i, {});
		const body = {
			name: this.getNodeParameter('name', i),
			status: this.getNodeParameter('status', i),
			tags: idList(this, extra.tags ?? [], 'tag', i),
			lists: idList(this, extra.lists ?? [], 'list', i),
		};
		const response = await fluentRequest.call(this, 'POST', '/webhooks', { body });
		return flatten({ id: response.id, ...(response.webhook as IDataObject) });
	},
	getAll: async function () {
		const response = await fluentRequest.call(this, 'GET', '/webhooks');
		return ((response.webhooks as IDataObject[] | undefined) ?? []).map(flatten);
	},
	delete: async function (i) {
		const id = numericId(this, this.getNodeParameter('webhookId', i), 'webhook', i);
		const response = await fluentRequest.call(this, 'GET', '/webhooks');
		const exists = ((response.webhooks as IDataObject[] | undefined) ?? []).some((webhook) => String(webhook.id) === id);
		if (!exists) throw missingRecord.call(this, 'Webhook', id);
		await fluentRequest.call(this, 'DELETE', `/webhooks/${id}`);
		return { id: Number(id), deleted: true };
	},
};

export const webhookDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['webhook'] } },
		default: 'getAll',
		options: [
			{ name: 'Create', value: 'create', action: 'Create an incoming webhook' },
			{ name: 'Delete', value: 'delete', action: 'Delete an incoming webhook' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many incoming webhooks' },
		],
	},
	{
		displayName: 'These are FluentCRM incoming webhooks: URLs that create or update contacts when something posts to them',
		name: 'webhookNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { resource: ['webhook'] } },
	},
	...scoped('webhook', ['delete'], [{ displayName: 'Webhook ID', name: 'webhookId', type: 'string', default: '', required: true }]),
	...scoped('webhook', ['create'], [
		{ displayName: 'Name', name: 'name', type: 'string', default: '', required: true },
		{
			displayName: 'Contact Status',
			name: 'status',
			type: 'options',
			options: ['subscribed', 'pending', 'unsubscribed'].map((value) => ({ name: value[0].toUpperCase() + value.slice(1), value })),
			default: 'subscribed',
			description: 'Status given to contacts that arrive through this webhook',
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{ ...tagIdsProperty('Tags', 'tags', 'Tags applied to contacts from this webhook'), displayName: 'Tag Names or IDs' },
				{ ...listIdsProperty('Lists', 'lists', 'Lists contacts from this webhook join'), displayName: 'List Names or IDs' },
			],
		},
	]),
];
