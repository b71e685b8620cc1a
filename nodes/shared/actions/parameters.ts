import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

const DIGITS = /^[0-9]+$/;

/** A record ID typed by the user: a positive whole number, or a clear error naming what it is for. */
export function positiveId(context: IExecuteFunctions, value: unknown, what: string, itemIndex: number): number {
	const text = String(value ?? '').trim();
	if (DIGITS.test(text) && Number(text) > 0) return Number(text);
	throw new NodeOperationError(context.getNode(), `"${text}" is not a valid ${what} ID`, { itemIndex, description: `A ${what} ID is a positive whole number.` });
}

/** The ID parameter `name` of this item, checked by positiveId. */
export function idParameter(context: IExecuteFunctions, name: string, what: string, itemIndex: number): number {
	return positiveId(context, context.getNodeParameter(name, itemIndex), what, itemIndex);
}

/**
 * A list of record IDs from a multi-select or a comma-separated text. Names are refused, not
 * guessed: some providers silently create a record for a name they do not know.
 */
export function idList(context: IExecuteFunctions, value: unknown, what: string, itemIndex: number): number[] {
	const raw = Array.isArray(value) ? value : String(value ?? '').split(',');
	const entries = raw.map((entry) => String(entry).trim()).filter((entry) => entry !== '');
	const bad = entries.find((entry) => !DIGITS.test(entry) || Number(entry) === 0);
	if (bad !== undefined) {
		throw new NodeOperationError(context.getNode(), `"${bad}" is not a ${what} ID`, {
			itemIndex,
			description: `Pass positive numeric ${what} IDs (pick them from the list, or separate them with commas).`,
		});
	}
	return entries.map(Number);
}

/** A JSON text parameter (or an object an expression already produced). */
export function jsonParameter(context: IExecuteFunctions, value: unknown, label: string, itemIndex: number): IDataObject | undefined {
	if (value === '' || value === undefined || value === null) return undefined;
	if (typeof value === 'object') return value as IDataObject;
	try {
		return JSON.parse(String(value)) as IDataObject;
	} catch {
		throw new NodeOperationError(context.getNode(), `${label} is not valid JSON`, { itemIndex });
	}
}
