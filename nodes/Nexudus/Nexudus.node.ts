import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { route } from '../shared/actions/router';
import { apiRequestFields } from '../shared/descriptions/apiRequest.description';
import { coworker, entities } from './actions/catalog';
import { upsertDescription } from './actions/coworker';
import { entityDescription } from './actions/description';
import { nexudusOperations } from './actions/router';
import { webhook } from './actions/webhook';

export class Nexudus implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Nexudus',
		name: 'nexudus',
		icon: { light: 'file:nexudus.svg', dark: 'file:nexudus.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["resource"] === "apiRequest" ? "API Request" : ({ "create": "Create", "upsert": "Create or Update", "delete": "Delete", "get": "Get", "getAll": "Get Many", "update": "Update" }[$parameter["operation"]] || $parameter["operation"]) + ": " + ({ "booking": "Booking", "checkin": "Check-In", "coworker": "Coworker", "invoice": "Invoice", "product": "Product", "resource": "Resource", "team": "Team", "webhook": "Webhook" }[$parameter["resource"]] || $parameter["resource"]) }}',
		description: 'Manage coworkers, teams, bookings, resources, products, invoices, check-ins and webhooks in Nexudus',
		defaults: { name: 'Nexudus' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'nexudusApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'API Request', value: 'apiRequest' },
					{ name: 'Booking', value: 'booking' },
					{ name: 'Check-In', value: 'checkin' },
					{ name: 'Coworker', value: 'coworker' },
					{ name: 'Invoice', value: 'invoice' },
					{ name: 'Product', value: 'product' },
					{ name: 'Resource', value: 'resource' },
					{ name: 'Team', value: 'team' },
					{ name: 'Webhook', value: 'webhook' },
				],
				default: 'coworker',
			},
			...entityDescription(coworker, [{ name: 'Create or Update', value: 'upsert', action: 'Create or update a coworker by email' }]),
			...upsertDescription,
			...entities.filter((entity) => entity !== coworker).flatMap((entity) => entityDescription(entity)),
			...entityDescription(webhook),
			...apiRequestFields('Nexudus', '/spaces/coworkers', true),
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this, nexudusOperations);
	}
}
