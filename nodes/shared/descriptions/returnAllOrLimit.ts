import type { INodeProperties } from 'n8n-workflow';

/** Return All + Limit, as n8n's own nodes offer them on every "Get Many". */
export function returnAllOrLimit(show: Record<string, string[]>, maxLimit?: number): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: { show },
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			default: 50,
			typeOptions: { minValue: 1, ...(maxLimit ? { maxValue: maxLimit } : {}) },
			description: 'Max number of results to return',
			displayOptions: { show: { ...show, returnAll: [false] } },
		},
	];
}

/** Reads Return All / Limit for an item: undefined means "all". */
export function readLimit(getParameter: (name: string) => unknown): number | undefined {
	return getParameter('returnAll') === true ? undefined : Number(getParameter('limit'));
}
