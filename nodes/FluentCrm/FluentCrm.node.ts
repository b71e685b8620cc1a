import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { route } from '../shared/actions/router';
import { apiRequestFields } from '../shared/descriptions/apiRequest.description';
import { campaignDescription } from './actions/campaign';
import { companyDescription } from './actions/company';
import { contactDescription } from './actions/contact/description';
import { customFieldDescription } from './actions/customField';
import { fluentCrmOperations } from './actions/router';
import { listTaxonomy, tagTaxonomy, taxonomyDescription } from './actions/taxonomy';
import { webhookDescription } from './actions/webhook';
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
			...contactDescription,
			...taxonomyDescription(tagTaxonomy),
			...taxonomyDescription(listTaxonomy),
			...campaignDescription,
			...companyDescription,
			...customFieldDescription,
			...webhookDescription,
			...apiRequestFields('FluentCRM', '/subscribers', true),
		],
	};

	methods = { loadOptions, listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this, fluentCrmOperations);
	}
}
