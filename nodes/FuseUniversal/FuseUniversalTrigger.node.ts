import { NodeConnectionTypes } from 'n8n-workflow';
import type { IDataObject, INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { sameSecret } from '../shared/trigger/signature';
import { fuseRecord, fuseRequest, unwrap } from './transport';

/** Fuse posts one event per request with only ids, and no event name. */
const EVENTS = [
	{ name: 'Event Attendance Changed', value: 'eventAttendanceChanged' },
	{ name: 'Learning Plan Completed', value: 'learningPlanCompleted' },
	{ name: 'Learning Plan Created', value: 'learningPlanCreated' },
	{ name: 'SCORM Course Completed', value: 'scormCompleted' },
	{ name: 'User Created', value: 'userCreated' },
	{ name: 'User Profile Updated', value: 'userUpdated' },
];

function unauthorized(context: IWebhookFunctions): IWebhookResponseData {
	context.getResponseObject().status(401).json({ message: 'Invalid or missing secret' });
	return { noWebhookResponse: true };
}

export class FuseUniversalTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Fuse Universal Trigger',
		name: 'fuseUniversalTrigger',
		icon: { light: 'file:fuseUniversal.svg', dark: 'file:fuseUniversal.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ { "eventAttendanceChanged": "Event Attendance Changed", "learningPlanCompleted": "Learning Plan Completed", "learningPlanCreated": "Learning Plan Created", "scormCompleted": "SCORM Course Completed", "userCreated": "User Created", "userUpdated": "User Profile Updated" }[$parameter["event"]] || $parameter["event"] }}',
		description: 'Receives Fuse Universal webhook events (Fuse support registers the URL)',
		defaults: { name: 'Fuse Universal Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'fuseUniversalApi', required: true, displayOptions: { show: { enrichUser: [true] } } }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [
			{
				displayName:
					'Fuse has no API to register webhooks: send this node’s Production URL to Fuse support, once per event (add ?secret=… to it if you set a shared secret below)',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{ displayName: 'Event', name: 'event', type: 'options', options: EVENTS, default: 'userCreated', description: 'The event Fuse sends to this URL; it is added to each item as "event"' },
			{
				displayName: 'Shared Secret',
				name: 'sharedSecret',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description: 'When set, requests must carry it in the "secret" query parameter or the X-Webhook-Secret header; others get 401 and start nothing',
			},
			{ displayName: 'Add User Details', name: 'enrichUser', type: 'boolean', default: false, description: 'Whether to look the user up in Fuse (needs an admin credential) and add it as "user"' },
		],
	};

	/** Fuse has no API to register webhooks: Fuse support adds the URL, so there is nothing to create or remove. */
	webhookMethods = {
		default: {
			async checkExists(): Promise<boolean> {
				return true;
			},
			async create(): Promise<boolean> {
				return true;
			},
			async delete(): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const secret = this.getNodeParameter('sharedSecret') as string;
		if (secret) {
			const query = this.getQueryData() as IDataObject;
			const headers = this.getHeaderData() as IDataObject;
			if (!sameSecret(secret, query.secret) && !sameSecret(secret, headers['x-webhook-secret'])) return unauthorized(this);
		}
		const body = { ...(this.getBodyData() as IDataObject) };
		const item: IDataObject = { event: this.getNodeParameter('event'), ...body };
		if (this.getNodeParameter('enrichUser') && body.user_id) {
			item.user = unwrap(await fuseRequest.call(this, 'GET', `/manage/users/${encodeURIComponent(String(body.user_id))}`, fuseRecord('user')), 'user');
		}
		return { workflowData: [this.helpers.returnJsonArray([item])] };
	}
}
