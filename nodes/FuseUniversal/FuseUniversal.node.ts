import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { route } from '../shared/actions/router';
import * as apiRequest from './actions/apiRequest';
import * as community from './actions/community';
import * as customOption from './actions/customOption';
import * as eventOccurrence from './actions/eventOccurrence';
import * as learningPlan from './actions/learningPlan';
import * as notification from './actions/notification';
import * as role from './actions/role';
import { fuseResources } from './actions/router';
import * as topic from './actions/topic';
import * as user from './actions/user';

export class FuseUniversal implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Fuse Universal',
		name: 'fuseUniversal',
		icon: { light: 'file:fuseUniversal.svg', dark: 'file:fuseUniversal.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["resource"] === "apiRequest" ? "API Request" : ({ "create": "Create", "deactivate": "Deactivate", "get": "Get", "getMe": "Get Current User", "getAll": "Get Many", "restore": "Restore", "update": "Update" }[$parameter["operation"]] || $parameter["operation"]) + ": " + ({ "community": "Community", "customOption": "Custom Option", "eventOccurrence": "Event Occurrence", "learningPlan": "Learning Plan", "notification": "Notification", "role": "Role", "topic": "Topic", "user": "User" }[$parameter["resource"]] || $parameter["resource"]) }}',
		description: 'Manage users and read communities, topics, learning plans and events in Fuse Universal',
		defaults: { name: 'Fuse Universal' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'fuseUniversalApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'API Request', value: 'apiRequest' },
					{ name: 'Community', value: 'community' },
					{ name: 'Custom Option', value: 'customOption' },
					{ name: 'Event Occurrence', value: 'eventOccurrence' },
					{ name: 'Learning Plan', value: 'learningPlan' },
					{ name: 'Notification', value: 'notification' },
					{ name: 'Role', value: 'role' },
					{ name: 'Topic', value: 'topic' },
					{ name: 'User', value: 'user' },
				],
				default: 'user',
			},
			...user.description,
			...community.description,
			...customOption.description,
			...eventOccurrence.description,
			...learningPlan.description,
			...notification.description,
			...role.description,
			...topic.description,
			...apiRequest.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this, fuseResources);
	}
}
