import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { route } from '../shared/actions/router';
import * as agent from './actions/agent';
import * as apiRequest from './actions/apiRequest';
import * as collaborator from './actions/collaborator';
import * as customer from './actions/customer';
import { faveoResources } from './actions/router';
import * as team from './actions/team';
import * as ticket from './actions/ticket';
import * as loadOptions from './methods/loadOptions';

export class FaveoHelpdesk implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Faveo Helpdesk',
		name: 'faveoHelpdesk',
		icon: { light: 'file:faveoHelpdesk.svg', dark: 'file:faveoHelpdesk.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["resource"] === "apiRequest" ? "API Request" : ({ "addNote": "Add Internal Note", "assign": "Assign", "create": "Create", "deletePermanently": "Delete Permanently", "edit": "Edit", "get": "Get", "getAll": "Get Many", "getThreads": "Get Threads", "moveToTrash": "Move to Trash", "reply": "Reply", "search": "Search", "findOrCreate": "Find or Create", "add": "Add", "getForTicket": "Get for Ticket", "remove": "Remove" }[$parameter["operation"]] || $parameter["operation"]) + ": " + ({ "agent": "Agent", "collaborator": "Collaborator", "customer": "Customer", "team": "Team", "ticket": "Ticket" }[$parameter["resource"]] || $parameter["resource"]) }}',
		description: 'Create, update and read tickets, customers, agents and collaborators in Faveo Helpdesk',
		defaults: { name: 'Faveo Helpdesk' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'faveoHelpdeskApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Agent', value: 'agent' },
					{ name: 'API Request', value: 'apiRequest' },
					{ name: 'Collaborator', value: 'collaborator' },
					{ name: 'Customer', value: 'customer' },
					{ name: 'Team', value: 'team' },
					{ name: 'Ticket', value: 'ticket' },
				],
				default: 'ticket',
			},
			...ticket.description,
			...customer.description,
			...agent.description,
			...team.description,
			...collaborator.description,
			...apiRequest.description,
		],
	};

	methods = { loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this, faveoResources);
	}
}
