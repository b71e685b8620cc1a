import type { ItemOperation } from '../../shared/actions/runItems';
import { textField } from '../../shared/descriptions/fields';
import { contactIdsField, isActiveField } from '../helpers/fields';
import type { Collection } from '../helpers/collection';
import { collectionDescription, createOperation, deleteOperation, getAllOperation, getOperation, updateOperation } from '../helpers/collection';
import { COLLECTIONS } from '../helpers/collections';

const tag: Collection = {
	...COLLECTIONS.tag,
	fields: [textField('Name', 'name'), contactIdsField, textField('Description', 'description'), isActiveField()],
};

export const operations: Record<string, ItemOperation> = {
	create: createOperation(tag),
	delete: deleteOperation(tag),
	get: getOperation(tag),
	getAll: getAllOperation(tag),
	update: updateOperation(tag),
};

export const description = collectionDescription(tag, operations);
