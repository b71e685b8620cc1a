import type { INodeProperties } from 'n8n-workflow';

/** A plain text field; `extra` adds placeholders, descriptions, `required`, … */
export const textField = (displayName: string, name: string, extra: Partial<INodeProperties> = {}): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	...extra,
});

/** Options and collection entries sorted by label, as n8n's lint and UI guidelines want them. */
export const byDisplayName = (properties: INodeProperties[]): INodeProperties[] =>
	[...properties].sort((a, b) => a.displayName.localeCompare(b.displayName));

/** Shows properties only for the given resource and operations (other display conditions are kept). */
export function scoped(resource: string, operations: string[], properties: INodeProperties[]): INodeProperties[] {
	return properties.map((property) => ({
		...property,
		displayOptions: {
			...property.displayOptions,
			show: { resource: [resource], operation: operations, ...property.displayOptions?.show },
		},
	}));
}

/** The Operation selector of a resource: options sorted by name; the first one given is the default. */
export function operationSelector(resource: string, options: Array<{ name: string; value: string; action: string }>): INodeProperties {
	const defaultOperation: string = options[0].value;
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		default: defaultOperation,
		options: [...options].sort((a, b) => a.name.localeCompare(b.name)),
	};
}
