import type { ItemOperation } from '../../shared/actions/runItems';
import { textField } from '../../shared/descriptions/fields';
import { geographyFields, recordIdField } from '../helpers/fields';
import type { Collection } from '../helpers/collection';
import { collectionDescription, countOperation, createOperation, deleteOperation, getAllOperation, getOperation, updateOperation } from '../helpers/collection';
import { COLLECTIONS } from '../helpers/collections';

const village: Collection = {
	...COLLECTIONS.village,
	fields: [textField('Name', 'name'), ...geographyFields(recordIdField('District ID', 'district'), recordIdField('State ID', 'state'))],
};

export const operations: Record<string, ItemOperation> = {
	count: countOperation(village),
	create: createOperation(village),
	delete: deleteOperation(village),
	get: getOperation(village),
	getAll: getAllOperation(village),
	update: updateOperation(village),
};

export const description = collectionDescription(village, operations);
