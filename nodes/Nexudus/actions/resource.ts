import type { ItemOperation } from '../../shared/actions/runItems';
import { textField } from '../../shared/descriptions/fields';
import { entityOperations } from '../helpers/entity';
import type { Entity } from '../helpers/entity';
import { businessIdField, entityDescription, flagField, numberField } from '../helpers/entityDescription';

/** A bookable room or desk. */
const resource: Entity = {
	resource: 'resource',
	label: 'Resource',
	path: '/spaces/resources',
	prefix: 'Resource',
	required: [businessIdField, textField('Name', 'Name', { required: true })],
	optional: [
		numberField('Resource Type ID', 'ResourceTypeId'),
		textField('Description', 'Description'),
		numberField('Allocation', 'Allocation', { description: 'How many people it fits' }),
		flagField('Visible', 'Visible', 'Whether members can see and book it'),
	],
};

const entity = entityOperations(resource);

export const operations: Record<string, ItemOperation> = {
	create: entity.create,
	delete: entity.delete,
	get: entity.get,
	getAll: entity.getAll,
	update: entity.update,
};

export const description = entityDescription(resource, Object.keys(operations));
