import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { idList, idParameter } from '../../shared/actions/parameters';
import type { ItemOperation } from '../../shared/actions/runItems';
import { expectObject } from '../../shared/transport/answer';
import { operationSelector, scoped, textField } from '../../shared/descriptions/fields';
import { listIdsProperty, tagIdsProperty } from '../helpers/contactFields';
import { fluentArray, fluentRequest, missingRecord } from '../transport';

/** FluentCRM keeps a webhook's settings under `value`; flatten so users see one record. */
function flatten(webhook: IDataObject): IDataObject {
	const { value, ...rest } = webhook;
	return { ...rest, ...((value as IDataObject | undefined) ?? {}) };
}

export const operations: Record<string, ItemOperation> = {
	create: async function (i) {
		const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
		const body = {
			name: this.getNodeParameter('name', i),
			status: this.getNodeParameter('status', i),
			tags: idList(this, extra.tags ?? [], 'tag', i),
			lists: idList(this, extra.lists ?? [], 'list', i),
		};
		const answer = await fluentRequest.call(this, 'POST', '/webhooks', expectObject('id', 'webhook'), { body });
		return flatten({ id: answer.id, ...(answer.webhook as IDataObject) });
	},
	delete: async function (i) {
		// FluentCRM "deletes" a webhook it does not have successfully: check first.
		const id = idParameter(this, 'webhookId', 'webhook', i);
		const { webhooks } = await fluentRequest.call(this, 'GET', '/webhooks', fluentArray('webhooks'));
		if (!(webhooks as IDataObject[]).some((webhook) => Number(webhook.id) === id)) throw missingRecord.call(this, 'Webhook', id);
		await fluentRequest.call(this, 'DELETE', `/webhooks/${id}`, expectObject('message'));
		return { id, deleted: true };
	},
	getAll: async function () {
		const { webhooks } = await fluentRequest.call(this, 'GET', '/webhooks', fluentArray('webhooks'));
		return (webhooks as IDataObject[]).map(flatten);
	},
};

export const description: INodeProperties[] = [
	operationSelector('webhook', [
		{ name: 'Get Many', value: 'getAll', action: 'Get many incoming webhooks' },
		{ name: 'Create', value: 'create', action: 'Create an incoming webhook' },
		{ name: 'Delete', value: 'delete', action: 'Delete an incoming webhook' },
	]),
	{
		displayName: 'These are FluentCRM incoming webhooks: URLs that create or update contacts when something posts to them',
		name: 'webhookNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { resource: ['webhook'] } },
	},
	...scoped('webhook', ['delete'], [textField('Webhook ID', 'webhookId', { required: true })]),
	...scoped('webhook', ['create'], [
		textField('Name', 'name', { required: true }),
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
				{ ...listIdsProperty('Lists', 'lists', 'Lists contacts from this webhook join'), displayName: 'List Names or IDs' },
				{ ...tagIdsProperty('Tags', 'tags', 'Tags applied to contacts from this webhook'), displayName: 'Tag Names or IDs' },
			],
		},
	]),
];
