import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { route } from '../shared/actions/router';
import * as apiRequest from './actions/apiRequest';
import * as campaign from './actions/campaign';
import * as company from './actions/company';
import * as contact from './actions/contact';
import * as customField from './actions/customField';
import * as list from './actions/list';
import { fluentCrmResources } from './actions/router';
import * as tag from './actions/tag';
import * as webhook from './actions/webhook';
import * as listSearch from './methods/listSearch';
import * as loadOptions from './methods/loadOptions';

export class FluentCrm implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'FluentCRM',
		name: 'fluentCrm',
		icon: { light: 'file:fluentCrm.svg', dark: 'file:fluentCrm.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["resource"] === "apiRequest" ? "API Request" : ({ "addNote": "Add Note", "addTags": "Add Tags", "addToLists": "Add to Lists", "create": "Create", "upsert": "Create or Update", "delete": "Delete", "get": "Get", "getAll": "Get Many", "getNotes": "Get Notes", "removeFromLists": "Remove From Lists", "removeTags": "Remove Tags", "update": "Update" }[$parameter["operation"]] || $parameter["operation"]) + ": " + ({ "campaign": "Campaign", "company": "Company", "contact": "Contact", "customField": "Custom Field", "list": "List", "tag": "Tag", "webhook": "Webhook" }[$parameter["resource"]] || $parameter["resource"]) }}',
		description: 'Manage contacts, tags, lists, companies, notes and webhooks in FluentCRM (WordPress)',
		defaults: { name: 'FluentCRM' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'fluentCrmApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'API Request', value: 'apiRequest' },
					{ name: 'Campaign', value: 'campaign' },
					{ name: 'Company', value: 'company' },
					{ name: 'Contact', value: 'contact' },
					{ name: 'Custom Field', value: 'customField' },
					{ name: 'List', value: 'list' },
					{ name: 'Tag', value: 'tag' },
					{ name: 'Webhook', value: 'webhook' },
				],
				default: 'contact',
			},
			...contact.description,
			...tag.description,
			...list.description,
			...campaign.description,
			...company.description,
			...customField.description,
			...webhook.description,
			...apiRequest.description,
		],
	};

	methods = { loadOptions, listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this, fluentCrmResources);
	}
}
