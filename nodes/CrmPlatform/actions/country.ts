import type { ItemOperation } from '../../shared/actions/runItems';
import { textField } from '../../shared/descriptions/fields';
import { isActiveField } from '../helpers/fields';
import type { Collection } from '../helpers/collection';
import { collectionDescription, countOperation, createOperation, deleteOperation, getAllOperation, getOperation, updateOperation } from '../helpers/collection';
import { COLLECTIONS } from '../helpers/collections';

const country: Collection = {
	...COLLECTIONS.country,
	fields: [
		textField('Name', 'name'),
		textField('Abbreviation', 'abbreviation', { description: 'Unique, e.g. IN' }),
		isActiveField({ description: 'Whether the country is active (the server’s own default is inactive)' }),
		textField('Identifier', 'identifier'),
	],
};

export const operations: Record<string, ItemOperation> = {
	count: countOperation(country),
	create: createOperation(country),
	delete: deleteOperation(country),
	get: getOperation(country),
	getAll: getAllOperation(country),
	update: updateOperation(country),
};

export const description = collectionDescription(country, operations);
