import type { INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../shared/descriptions/returnAllOrLimit';
import type { Entity, Operation } from './entity';
import { byDisplayName, scoped } from '../../shared/descriptions/fields';

const OPERATION_NAMES: Record<Operation, string> = { create: 'Create', delete: 'Delete', get: 'Get', getAll: 'Get Many', update: 'Update' };

export { scoped };

const otherFields: INodeProperties = {
	displayName: 'Other Fields (JSON)',
	name: 'otherFieldsJson',
	type: 'json',
	default: '',
	description: 'Any other Nexudus properties, in PascalCase, e.g. {"Custom1": "VIP"}',
};

function listOptions(entity: Entity): INodeProperties {
	return {
		displayName: 'Options',
		name: 'listOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Direction',
				name: 'direction',
				type: 'options',
				options: [
					{ name: 'Ascending', value: 'ascending' },
					{ name: 'Descending', value: 'descending' },
				],
				default: 'ascending',
			},
			{
				displayName: 'Filters',
				name: 'filters',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: {},
				description: `Property filters, sent as ${entity.prefix}_Property=value (e.g. ${entity.prefix}_Name)`,
				options: [
					{
						name: 'condition',
						displayName: 'Condition',
						values: [
							{ displayName: 'Property', name: 'property', type: 'string', default: '', placeholder: 'e.g. Email' },
							{ displayName: 'Value', name: 'value', type: 'string', default: '' },
						],
					},
				],
			},
			{ displayName: 'Order By', name: 'orderBy', type: 'string', default: '', placeholder: 'e.g. UpdatedOn' },
			{ displayName: 'Updated Before', name: 'updatedBefore', type: 'dateTime', default: '' },
			{ displayName: 'Updated Since', name: 'updatedSince', type: 'dateTime', default: '' },
		],
	};
}

export function entityDescription(entity: Entity, extraOperations: Array<{ name: string; value: string; action: string }> = []): INodeProperties[] {
	const { resource, label, operations, required, optional } = entity;
	const lower = label.toLowerCase();
	const has = (operation: Operation) => operations.includes(operation);
	const defaultOperation: string = has('getAll') ? 'getAll' : operations[0];
	const selector: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		default: defaultOperation,
		options: [
			...operations.map((operation) => ({ name: OPERATION_NAMES[operation], value: operation, action: `${OPERATION_NAMES[operation] === 'Get Many' ? 'Get many' : OPERATION_NAMES[operation]} ${operation === 'getAll' ? `${lower} records` : `a ${lower}`}` })),
			...extraOperations,
		].sort((a, b) => a.name.localeCompare(b.name)),
	};
	const properties: INodeProperties[] = [selector];
	const withId = operations.filter((operation) => ['get', 'update', 'delete'].includes(operation));
	if (withId.length) properties.push(...scoped(resource, withId, [{ displayName: `${label} ID`, name: 'id', type: 'string', default: '', required: true }]));
	if (has('create')) {
		properties.push(
			...scoped(resource, ['create'], [
				...required,
				{ displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, options: byDisplayName([...optional, otherFields]) },
			]),
		);
	}
	if (has('update')) {
		properties.push(
			...scoped(resource, ['update'], [
				{
					displayName: 'Update Fields',
					name: 'updateFields',
					type: 'collection',
					placeholder: 'Add Field',
					default: {},
					description: 'Only these change: the node reads the record and writes every other field back as it was',
					options: byDisplayName([...required.map((field) => ({ ...field, required: false })), ...optional, otherFields]),
				},
			]),
		);
	}
	if (has('getAll')) properties.push(...returnAllOrLimit({ resource: [resource], operation: ['getAll'] }), ...scoped(resource, ['getAll'], [listOptions(entity)]));
	return properties;
}
