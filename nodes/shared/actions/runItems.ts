import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData } from 'n8n-workflow';

export type ItemResult = IDataObject | IDataObject[];
export type ItemOperation = (this: IExecuteFunctions, itemIndex: number) => Promise<ItemResult>;

function asNodeError(node: INode, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context.itemIndex = itemIndex;
		return error;
	}
	return new NodeOperationError(node, error as Error, { itemIndex });
}

/**
 * A failed item as n8n's error output takes it: n8n 1.x routes an item there only when its json is
 * `{ error }` or `{ error, message }`, n8n 2.x when it holds nothing but `error`, `message` and
 * `details`. So the failure is `error` (what happened) and `message` (what to check, with the HTTP status).
 */
function errorItem(error: NodeApiError | NodeOperationError, itemIndex: number): INodeExecutionData {
	const json: IDataObject = { error: error.message };
	const status = error instanceof NodeApiError && error.httpCode ? `HTTP ${error.httpCode}` : undefined;
	const said = [error.description, status && !`${error.message} ${error.description ?? ''}`.includes(status) ? `(${status})` : undefined].filter(Boolean).join(' ');
	if (said) json.message = said;
	return { json, pairedItem: { item: itemIndex } };
}

/**
 * Runs an operation once per input item, in order. Every output carries its input's pairing;
 * with "Continue On Fail" (or an error output) a failed item becomes an `error` item instead of
 * stopping the run.
 */
export async function runItems(this: IExecuteFunctions, operation: ItemOperation): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const result = await operation.call(this, itemIndex);
			output.push(
				...this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(result), {
					itemData: { item: itemIndex },
				}),
			);
		} catch (error) {
			const nodeError = asNodeError(this.getNode(), error, itemIndex);
			if (!this.continueOnFail()) throw nodeError;
			output.push(errorItem(nodeError, itemIndex));
		}
	}
	return [output];
}
