import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { runItems } from './runItems';
import type { ItemOperation } from './runItems';

/** What every `actions/<resource>.ts` exports: its fields and its operations by value. */
export interface ResourceModule {
	description: INodeProperties[];
	operations: Record<string, ItemOperation>;
}

export type ResourceTable = Record<string, ResourceModule>;

/** Picks the operation once, then runs it over every item through the shared item loop. */
export async function route(this: IExecuteFunctions, resources: ResourceTable): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const run = resources[resource]?.operations[operation];
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
