import type { ItemOperation } from '../../shared/actions/runItems';
import { textField } from '../../shared/descriptions/fields';
import { entityOperations } from '../helpers/entity';
import type { Entity } from '../helpers/entity';
import { entityDescription, numberField } from '../helpers/entityDescription';
import { webhookActionOptions } from '../helpers/webhookActions';

const webhook: Entity = {
	resource: 'webhook',
	label: 'Webhook',
	path: '/sys/webhooks',
	prefix: 'WebHook',
	required: [
		numberField('Business ID', 'BusinessId', { required: true, description: 'Webhooks belong to one location' }),
		textField('Name', 'Name', { required: true }),
		{ displayName: 'Event', name: 'Action', type: 'options', options: webhookActionOptions, default: 3, required: true, description: 'One event per webhook' },
		textField('URL', 'URL', { required: true, placeholder: 'https://…' }),
	],
	optional: [textField('Description', 'Description')],
	createDefaults: { Active: true },
};

const entity = entityOperations(webhook);

export const operations: Record<string, ItemOperation> = {
	create: entity.create,
	delete: entity.delete,
	getAll: entity.getAll,
};

export const description = entityDescription(webhook, Object.keys(operations));
