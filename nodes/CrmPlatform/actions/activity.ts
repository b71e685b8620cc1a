import type { ItemOperation } from '../../shared/actions/runItems';
import { textField } from '../../shared/descriptions/fields';
import { contactIdsField, recordIdField } from '../helpers/fields';
import type { Collection } from '../helpers/collection';
import { collectionDescription, createOperation, deleteOperation, getAllOperation, getOperation, updateOperation } from '../helpers/collection';
import { COLLECTIONS } from '../helpers/collections';

const activity: Collection = {
	...COLLECTIONS.activity,
	fields: [
		textField('Title', 'title'),
		recordIdField('Activity Type ID', 'activitytype'),
		contactIdsField,
		textField('Description', 'description'),
		textField('End', 'end_datetime', { placeholder: '2026-01-31T10:00:00.000Z' }),
		textField('Start', 'start_datetime', { placeholder: '2026-01-31T09:00:00.000Z' }),
	],
};

export const operations: Record<string, ItemOperation> = {
	create: createOperation(activity),
	delete: deleteOperation(activity),
	get: getOperation(activity),
	getAll: getAllOperation(activity),
	update: updateOperation(activity),
};

export const description = collectionDescription(activity, operations);
