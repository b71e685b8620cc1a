import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { route } from '../shared/actions/router';
import { apiRequestFields } from '../shared/descriptions/apiRequest.description';
import { collections } from './actions/catalog';
import { contactDescription } from './actions/contact';
import { collectionDescription } from './actions/description';
import { crmPlatformOperations } from './actions/router';
import { authenticationProperty, crmPlatformCredentials } from './actions/authentication';

export class CrmPlatform implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'CRM Platform',
		name: 'crmPlatform',
		icon: { light: 'file:crmPlatform.svg', dark: 'file:crmPlatform.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["resource"] === "apiRequest" ? "API Request" : ({ "create": "Create", "upsert": "Create or Update", "delete": "Delete", "get": "Get", "getAll": "Get Many", "update": "Update", "count": "Count", "getMe": "Get Current User" }[$parameter["operation"]] || $parameter["operation"]) + ": " + ({ "activity": "Activity", "activityType": "Activity Type", "contact": "Contact", "contactTag": "Contact Tag", "country": "Country", "district": "District", "state": "State", "tag": "Tag", "user": "User", "village": "Village" }[$parameter["resource"]] || $parameter["resource"]) }}',
		description: 'Manage contacts, activities, tags and geography in a CRM Platform (Strapi 3 crm-plugin) server',
		defaults: { name: 'CRM Platform' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: crmPlatformCredentials,
		properties: [
			authenticationProperty,
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Activity', value: 'activity' },
					{ name: 'Activity Type', value: 'activityType' },
					{ name: 'API Request', value: 'apiRequest' },
					{ name: 'Contact', value: 'contact' },
					{ name: 'Contact Tag', value: 'contactTag' },
					{ name: 'Country', value: 'country' },
					{ name: 'District', value: 'district' },
					{ name: 'State', value: 'state' },
					{ name: 'Tag', value: 'tag' },
					{ name: 'User', value: 'user' },
					{ name: 'Village', value: 'village' },
				],
				default: 'contact',
			},
			...contactDescription,
			...collections.flatMap(collectionDescription),
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['user'] } },
				options: [{ name: 'Get Current User', value: 'getMe', action: 'Get the current user' }],
				default: 'getMe',
			},
			...apiRequestFields('CRM Platform', '/crm-plugin/contact', true),
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this, crmPlatformOperations);
	}
}
