import type { ItemOperation } from '../../shared/actions/runItems';
import { recordIdField } from '../helpers/fields';
import type { Collection } from '../helpers/collection';
import { collectionDescription, countOperation, createOperation, deleteOperation, getAllOperation, getOperation, updateOperation } from '../helpers/collection';
import { COLLECTIONS } from '../helpers/collections';

const contactTag: Collection = {
	...COLLECTIONS.contactTag,
	fields: [recordIdField('Contact ID', 'contact'), recordIdField('Tag ID', 'tag')],
};

export const operations: Record<string, ItemOperation> = {
	count: countOperation(contactTag),
	create: createOperation(contactTag),
	delete: deleteOperation(contactTag),
	get: getOperation(contactTag),
	getAll: getAllOperation(contactTag),
	update: updateOperation(contactTag),
};

export const description = collectionDescription(contactTag, operations);
