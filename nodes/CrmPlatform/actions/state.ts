import type { ItemOperation } from '../../shared/actions/runItems';
import { textField } from '../../shared/descriptions/fields';
import { geographyFields, recordIdField } from '../helpers/fields';
import type { Collection } from '../helpers/collection';
import { collectionDescription, countOperation, createOperation, deleteOperation, getAllOperation, getOperation, updateOperation } from '../helpers/collection';
import { COLLECTIONS } from '../helpers/collections';

const state: Collection = {
	...COLLECTIONS.state,
	fields: [textField('Name', 'name'), ...geographyFields(recordIdField('Country ID', 'country'))],
};

export const operations: Record<string, ItemOperation> = {
	count: countOperation(state),
	create: createOperation(state),
	delete: deleteOperation(state),
	get: getOperation(state),
	getAll: getAllOperation(state),
	update: updateOperation(state),
};

export const description = collectionDescription(state, operations);
