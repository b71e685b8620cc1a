import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { route } from '../shared/actions/router';
import * as activity from './actions/activity';
import * as activityType from './actions/activityType';
import * as apiRequest from './actions/apiRequest';
import * as contact from './actions/contact';
import * as contactTag from './actions/contactTag';
import * as country from './actions/country';
import * as district from './actions/district';
import { crmPlatformResources } from './actions/router';
import * as state from './actions/state';
import * as tag from './actions/tag';
import * as user from './actions/user';
import * as village from './actions/village';
import { authenticationProperty, crmPlatformCredentials } from './helpers/authentication';

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
			...contact.description,
			...activity.description,
			...activityType.description,
			...tag.description,
			...contactTag.description,
			...country.description,
			...state.description,
			...district.description,
			...village.description,
			...user.description,
			...apiRequest.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this, crmPlatformResources);
	}
}
