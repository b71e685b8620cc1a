import type { ItemOperation } from '../../shared/actions/runItems';
import { textField } from '../../shared/descriptions/fields';
import { geographyFields, recordIdField } from '../helpers/fields';
import type { Collection } from '../helpers/collection';
import { collectionDescription, countOperation, createOperation, deleteOperation, getAllOperation, getOperation, updateOperation } from '../helpers/collection';
import { COLLECTIONS } from '../helpers/collections';

const district: Collection = {
	...COLLECTIONS.district,
	fields: [textField('Name', 'name'), ...geographyFields(recordIdField('State ID', 'state'))],
};

export const operations: Record<string, ItemOperation> = {
	count: countOperation(district),
	create: createOperation(district),
	delete: deleteOperation(district),
	get: getOperation(district),
	getAll: getAllOperation(district),
	update: updateOperation(district),
};

export const description = collectionDescription(district, operations);
