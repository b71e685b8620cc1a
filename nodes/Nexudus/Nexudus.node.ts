import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { route } from '../shared/actions/router';
import * as apiRequest from './actions/apiRequest';
import * as booking from './actions/booking';
import * as checkin from './actions/checkin';
import * as coworker from './actions/coworker';
import * as invoice from './actions/invoice';
import * as product from './actions/product';
import * as resource from './actions/resource';
import { nexudusResources } from './actions/router';
import * as team from './actions/team';
import * as webhook from './actions/webhook';

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
			...coworker.description,
			...team.description,
			...booking.description,
			...resource.description,
			...product.description,
			...invoice.description,
			...checkin.description,
			...webhook.description,
			...apiRequest.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this, nexudusResources);
	}
}
