import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runItems } from './runItems';
import type { ItemOperation } from './runItems';

export type OperationTable = Record<string, Record<string, ItemOperation>>;

/** Picks the operation once, then runs it over every item through the shared item loop. */
export async function route(this: IExecuteFunctions, table: OperationTable): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const run = table[resource]?.[operation];
	if (!run) {
		const hint =
			operation === '__CUSTOM_API_CALL__' || resource === '__CUSTOM_API_CALL__'
				? 'Use the "API Request" resource of this node, or the HTTP Request node with this credential.'
				: 'Pick a resource and operation from the lists.';
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of resource "${resource}" is not supported`, {
			description: hint,
		});
	}
	return await runItems.call(this, run);
}
