import type { INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../shared/descriptions/returnAllOrLimit';
import type { Collection } from './collection';
import { queryOptions } from './filters';
import { byDisplayName, operationSelector, scoped } from '../../shared/descriptions/fields';

export { scoped };

/** Create/Delete/Get/Get Many/Update (+ extras) for one collection; Get Many is the default. */
export function crudSelector(resource: string, label: string, extra: Array<{ name: string; value: string; action: string }> = []): INodeProperties {
	const lower = label.toLowerCase();
	return operationSelector(resource, [
		{ name: 'Get Many', value: 'getAll', action: `Get many ${lower} records` },
		{ name: 'Create', value: 'create', action: `Create a ${lower}` },
		{ name: 'Delete', value: 'delete', action: `Delete a ${lower}` },
		{ name: 'Get', value: 'get', action: `Get a ${lower}` },
		{ name: 'Update', value: 'update', action: `Update a ${lower}` },
		...extra,
	]);
}

export function collectionDescription(collection: Collection): INodeProperties[] {
	const { resource, label, required, optional, hasCount } = collection;
	const countOption = hasCount ? [{ name: 'Count', value: 'count', action: `Count ${label.toLowerCase()} records` }] : [];
	return [
		crudSelector(resource, label, countOption),
		...scoped(resource, ['get', 'update', 'delete'], [{ displayName: `${label} ID`, name: 'id', type: 'string', default: '', required: true }]),
		...scoped(resource, ['create'], [
			...required,
			...(optional.length ? [{ displayName: 'Additional Fields', name: 'additionalFields', type: 'collection' as const, placeholder: 'Add Field', default: {}, options: byDisplayName(optional) }] : []),
		]),
		...scoped(resource, ['update'], [
			{
				displayName: 'Update Fields',
				name: 'updateFields',
				type: 'collection',
				placeholder: 'Add Field',
				default: {},
				options: byDisplayName([...required.map((field) => ({ ...field, required: false })), ...optional]),
			},
		]),
		...returnAllOrLimit({ resource: [resource], operation: ['getAll'] }),
		...scoped(resource, ['getAll', 'count'], [queryOptions]),
	];
}
