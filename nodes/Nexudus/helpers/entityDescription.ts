import type { INodeProperties } from 'n8n-workflow';

import { byDisplayName, operationSelector, scoped } from '../../shared/descriptions/fields';
import { returnAllOrLimit } from '../../shared/descriptions/returnAllOrLimit';
import type { Entity, EntityOperations } from './entity';

export const numberField = (displayName: string, name: string, extra: Partial<INodeProperties> = {}): INodeProperties => ({ displayName, name, type: 'number', default: 0, ...extra });

export const flagField = (displayName: string, name: string, description: string): INodeProperties => ({ displayName, name, type: 'boolean', default: false, description });

export const businessIdField = numberField('Business ID', 'BusinessId', { required: true, description: 'The location (Nexudus "business") the record belongs to' });

const otherFields: INodeProperties = {
	displayName: 'Other Fields (JSON)',
	name: 'otherFieldsJson',
	type: 'json',
	default: '',
	description: 'Any other Nexudus properties, in PascalCase, e.g. {"Custom1": "VIP"}',
};

/** The create and update fields of an entity: its required fields, then the optional ones. */
export function additionalFields(entity: Entity): INodeProperties {
	return { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, options: byDisplayName([...entity.optional, otherFields]) };
}

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
				description: `Property filters, sent as ${entity.prefix}_Property=value (e.g. ${entity.prefix}_Name); Nexudus matches text that contains the value`,
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

type Operation = keyof EntityOperations;

const withArticle = (lower: string) => `${/^[aeiou]/.test(lower) ? 'an' : 'a'} ${lower}`;

const LABELS: Record<Operation, (lower: string) => { name: string; action: string }> = {
	create: (lower) => ({ name: 'Create', action: `Create ${withArticle(lower)}` }),
	delete: (lower) => ({ name: 'Delete', action: `Delete ${withArticle(lower)}` }),
	get: (lower) => ({ name: 'Get', action: `Get ${withArticle(lower)}` }),
	getAll: (lower) => ({ name: 'Get Many', action: `Get many ${lower} records` }),
	update: (lower) => ({ name: 'Update', action: `Update ${withArticle(lower)}` }),
};

const isShared = (operation: string): operation is Operation => operation in LABELS;

/**
 * The fields of an entity's shared operations (those among `operations` that are), plus `extra`
 * options for the resource's own operations, whose fields the resource file adds itself.
 */
export function entityDescription(entity: Entity, operations: string[], extra: Array<{ name: string; value: string; action: string }> = []): INodeProperties[] {
	const { resource, label } = entity;
	const shared = operations.filter(isShared);
	const has = (operation: Operation) => shared.includes(operation);
	const options = shared.map((operation) => ({ ...LABELS[operation](label.toLowerCase()), value: operation as string }));
	// Get Many is the default where it exists.
	options.sort((a, b) => Number(b.value === 'getAll') - Number(a.value === 'getAll'));
	const properties: INodeProperties[] = [operationSelector(resource, [...options, ...extra])];
	const withId = shared.filter((operation) => ['get', 'update', 'delete'].includes(operation));
	if (withId.length) properties.push(...scoped(resource, withId, [{ displayName: `${label} ID`, name: 'id', type: 'string', default: '', required: true }]));
	if (has('create')) properties.push(...scoped(resource, ['create'], [...entity.required, additionalFields(entity)]));
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
					options: byDisplayName([...entity.required.map((field) => ({ ...field, required: false })), ...entity.optional, otherFields]),
				},
			]),
		);
	}
	if (has('getAll')) properties.push(...returnAllOrLimit({ resource: [resource], operation: ['getAll'] }), ...scoped(resource, ['getAll'], [listOptions(entity)]));
	return properties;
}
