import { NodeConnectionTypes } from 'n8n-workflow';
import type { IDataObject, IHookFunctions, INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { hmacHex, sameSecret } from '../shared/trigger/signature';
import { webhookActionOptions } from './helpers/webhookActions';
import { nexudusAction, nexudusCreated, nexudusPages, nexudusRequest } from './transport';

const WEBHOOKS = '/sys/webhooks';

interface HookData {
	webhookIds?: number[];
}

/** The ids of the account's webhooks, read in one list: a failed read is an error, never "gone". */
async function existingWebhookIds(context: IHookFunctions): Promise<Set<number>> {
	return new Set((await nexudusPages.call(context, WEBHOOKS, {}, undefined)).map((hook) => Number(hook.Id)));
}

export class NexudusTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Nexudus Trigger',
		name: 'nexudusTrigger',
		icon: { light: 'file:nexudus.svg', dark: 'file:nexudus.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["events"].length ? $parameter["events"].map((event) => ({ "2": "Coworker Updated", "3": "Coworker Created", "6": "Booking Created", "7": "Booking Updated", "8": "Booking Deleted", "16": "Invoice Created", "21": "Invoice Paid", "35": "Coworker Checked Out", "36": "Coworker Checked In", "47": "Check-In Created", "50": "Coworker Deleted", "57": "Team Created", "58": "Team Updated", "59": "Team Deleted" })[event] || event).join(", ") : "No event chosen" }}',
		description: 'Starts the workflow when Nexudus sends an event (registers its webhooks by itself)',
		defaults: { name: 'Nexudus Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'nexudusApi', required: true }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [
			{ displayName: 'Business ID', name: 'businessId', type: 'number', default: 0, required: true, description: 'The location whose events to receive (Nexudus webhooks are per location)' },
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: webhookActionOptions,
				default: [],
				required: true,
				description: 'One Nexudus webhook is registered per event',
			},
			{
				displayName: 'Shared Secret',
				name: 'sharedSecret',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description: 'The app’s shared secret. When set, deliveries without a valid X-Nexudus-Hook-Signature are rejected. Nexudus signs only when a secret exists for the account.',
			},
		],
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const stored = this.getWorkflowStaticData('node') as HookData;
				if (!stored.webhookIds?.length) return false;
				const existing = await existingWebhookIds(this);
				return stored.webhookIds.every((id) => existing.has(id));
			},
			async create(this: IHookFunctions): Promise<boolean> {
				const url = this.getNodeWebhookUrl('default') as string;
				const businessId = this.getNodeParameter('businessId') as number;
				const events = this.getNodeParameter('events') as number[];
				const stored = this.getWorkflowStaticData('node') as HookData;
				stored.webhookIds = [];
				for (const action of events) {
					const body = { BusinessId: businessId, Name: `n8n: ${this.getWorkflow().name ?? 'workflow'}`, Action: action, URL: url, Active: true };
					const envelope = await nexudusRequest.call(this, 'POST', WEBHOOKS, nexudusCreated, { body });
					stored.webhookIds.push(Number((envelope.Value as IDataObject).Id));
				}
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				const stored = this.getWorkflowStaticData('node') as HookData;
				const existing = stored.webhookIds?.length ? await existingWebhookIds(this) : new Set<number>();
				// Already removed in Nexudus is fine; other failures surface.
				for (const id of stored.webhookIds ?? []) if (existing.has(id)) await nexudusRequest.call(this, 'DELETE', `${WEBHOOKS}/${id}`, nexudusAction);
				delete stored.webhookIds;
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const secret = this.getNodeParameter('sharedSecret') as string;
		const request = this.getRequestObject();
		if (secret) {
			const raw = (request as unknown as { rawBody?: Buffer }).rawBody ?? Buffer.from(JSON.stringify(request.body ?? ''));
			if (!sameSecret(hmacHex(raw, secret), request.headers['x-nexudus-hook-signature'])) {
				const response = this.getResponseObject();
				response.status(401).json({ message: 'Invalid signature' });
				return { noWebhookResponse: true };
			}
		}
		const body = this.getBodyData() as unknown;
		// Nexudus posts an array holding one record.
		const records = (Array.isArray(body) ? body : [body]) as IDataObject[];
		return { workflowData: [this.helpers.returnJsonArray(records)] };
	}
}
