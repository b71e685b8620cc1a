import type { ItemOperation } from '../../shared/actions/runItems';
import { textField } from '../../shared/descriptions/fields';
import { isActiveField } from '../helpers/fields';
import type { Collection } from '../helpers/collection';
import { collectionDescription, countOperation, createOperation, deleteOperation, getAllOperation, getOperation, updateOperation } from '../helpers/collection';
import { COLLECTIONS } from '../helpers/collections';

const activityType: Collection = {
	...COLLECTIONS.activityType,
	fields: [textField('Name', 'name'), isActiveField()],
};

export const operations: Record<string, ItemOperation> = {
	count: countOperation(activityType),
	create: createOperation(activityType),
	delete: deleteOperation(activityType),
	get: getOperation(activityType),
	getAll: getAllOperation(activityType),
	update: updateOperation(activityType),
};

export const description = collectionDescription(activityType, operations);
