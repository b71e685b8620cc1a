import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodePropertyOptions } from 'n8n-workflow';

/** Every contact status FluentCRM knows. */
export const STATUSES = ['subscribed', 'pending', 'unsubscribed', 'transactional', 'bounced', 'complained', 'spammed'];

export const statusOptions: INodePropertyOptions[] = STATUSES.map((status) => ({ name: status[0].toUpperCase() + status.slice(1), value: status }));

/** FluentCRM stores a status it does not know as "subscribed", so unknown values stop here. */
export function requireStatus(context: IExecuteFunctions, status: unknown, itemIndex: number): string {
	if (typeof status === 'string' && STATUSES.includes(status)) return status;
	throw new NodeOperationError(context.getNode(), `"${String(status)}" is not a FluentCRM contact status`, {
		itemIndex,
		description: `Use one of: ${STATUSES.join(', ')}. FluentCRM would silently store an unknown status as "subscribed".`,
	});
}
