import type { Entity } from './entity';

/** The most useful `eWebhookAction` values (reference §7); any other number can be typed in. */
export const WEBHOOK_ACTIONS: Array<[string, number]> = [
	['Booking Created', 6],
	['Booking Deleted', 8],
	['Booking Updated', 7],
	['Check-In Created', 47],
	['Coworker Checked In', 36],
	['Coworker Checked Out', 35],
	['Coworker Created', 3],
	['Coworker Deleted', 50],
	['Coworker Updated', 2],
	['Invoice Created', 16],
	['Invoice Paid', 21],
	['Team Created', 57],
	['Team Deleted', 59],
	['Team Updated', 58],
];

export const webhook: Entity = {
	resource: 'webhook',
	label: 'Webhook',
	path: '/sys/webhooks',
	prefix: 'WebHook',
	operations: ['create', 'delete', 'getAll'],
	required: [
		{ displayName: 'Business ID', name: 'BusinessId', type: 'number', default: 0, required: true, description: 'Webhooks belong to one location' },
		{ displayName: 'Name', name: 'Name', type: 'string', default: '', required: true },
		{ displayName: 'Event', name: 'Action', type: 'options', options: WEBHOOK_ACTIONS.map(([name, value]) => ({ name, value })), default: 3, required: true, description: 'One event per webhook' },
		{ displayName: 'URL', name: 'URL', type: 'string', default: '', required: true, placeholder: 'https://…' },
	],
	optional: [{ displayName: 'Description', name: 'Description', type: 'string', default: '' }],
	createDefaults: { Active: true },
};
