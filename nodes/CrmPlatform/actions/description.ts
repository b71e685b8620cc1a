import type { INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../shared/descriptions/returnAllOrLimit';
import type { Collection } from './collection';
import { queryOptions } from './filters';

const byName = (properties: INodeProperties[]) => [...properties].sort((a, b) => a.displayName.localeCompare(b.displayName));

/** Lets one property list serve several operations of a resource. */
export function scoped(resource: string, operations: string[], properties: INodeProperties[]): INodeProperties[] {
	return properties.map((property) => ({ ...property, displayOptions: { show: { resource: [resource], operation: operations } } }));
}

export function operationSelector(resource: string, label: string, extra: Array<{ name: string; value: string; action: string }> = []): INodeProperties {
	const lower = label.toLowerCase();
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		default: 'getAll',
		options: [
			{ name: 'Create', value: 'create', action: `Create a ${lower}` },
			{ name: 'Delete', value: 'delete', action: `Delete a ${lower}` },
			{ name: 'Get', value: 'get', action: `Get a ${lower}` },
			{ name: 'Get Many', value: 'getAll', action: `Get many ${lower} records` },
			{ name: 'Update', value: 'update', action: `Update a ${lower}` },
			...extra,
		].sort((a, b) => a.name.localeCompare(b.name)),
	};
}

export function collectionDescription(collection: Collection): INodeProperties[] {
	const { resource, label, required, optional, hasCount } = collection;
	const countOption = hasCount ? [{ name: 'Count', value: 'count', action: `Count ${label.toLowerCase()} records` }] : [];
	return [
		operationSelector(resource, label, countOption),
		...scoped(resource, ['get', 'update', 'delete'], [{ displayName: `${label} ID`, name: 'id', type: 'string', default: '', required: true }]),
		...scoped(resource, ['create'], [
			...required,
			...(optional.length ? [{ displayName: 'Additional Fields', name: 'additionalFields', type: 'collection' as const, placeholder: 'Add Field', default: {}, options: byName(optional) }] : []),
		]),
		...scoped(resource, ['update'], [
			{
				displayName: 'Update Fields',
				name: 'updateFields',
				type: 'collection',
				placeholder: 'Add Field',
				default: {},
				options: byName([...required.map((field) => ({ ...field, required: false })), ...optional]),
			},
		]),
		...returnAllOrLimit({ resource: [resource], operation: ['getAll'] }),
		...scoped(resource, ['getAll', 'count'], [queryOptions]),
	];
}
