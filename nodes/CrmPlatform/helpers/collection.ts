import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { idParameter } from '../../shared/actions/parameters';
import type { ItemOperation } from '../../shared/actions/runItems';
import { byDisplayName, operationSelector, scoped } from '../../shared/descriptions/fields';
import { readLimit, returnAllOrLimit } from '../../shared/descriptions/returnAllOrLimit';
import { expectObject } from '../../shared/transport/answer';
import { crmPlatformCount, crmPlatformPages, crmPlatformRequest } from '../transport';
import { aRecord } from './collections';
import type { CollectionFacts } from './collections';
import { apiValues } from './fields';
import { queryOptions, strapiQuery } from './query';

/** A collection with the fields the node offers for it. */
export interface Collection extends CollectionFacts {
	/** Every field a create or an update can set; the ones in `requiredOnCreate` are asked for on create. */
	fields: INodeProperties[];
}

/** Every record the plugin answers with (created, read, updated or deleted) carries its id. */
export const crmPlatformRecord = expectObject('id');

const lower = (collection: Collection) => collection.label.toLowerCase();

export const recordId = (context: IExecuteFunctions, collection: Collection, itemIndex: number) => idParameter(context, 'id', lower(collection), itemIndex);

const isRequired = (collection: Collection, field: INodeProperties) => collection.requiredOnCreate.includes(field.name);

/** Refuses a create whose required fields are missing or empty, before anything is sent. */
export function checkRequired(context: IExecuteFunctions, collection: Collection, body: IDataObject, itemIndex: number): void {
	const missing = collection.requiredOnCreate.filter((key) => body[key] === undefined || body[key] === null || body[key] === '');
	if (!missing.length) return;
	const names = missing.map((key) => collection.fields.find((field) => field.name === key)?.displayName ?? key);
	throw new NodeOperationError(context.getNode(), `${collection.label} needs: ${names.join(', ')}`, { itemIndex });
}

/** The create body: the required fields, then the Additional Fields. */
export function createBody(context: IExecuteFunctions, collection: Collection, itemIndex: number): IDataObject {
	const body: IDataObject = {};
	for (const key of collection.requiredOnCreate) body[key] = context.getNodeParameter(key, itemIndex, '');
	checkRequired(context, collection, body, itemIndex);
	return apiValues(context, { ...body, ...(context.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject) }, itemIndex);
}

export function createOperation(collection: Collection): ItemOperation {
	return async function (i) {
		return await crmPlatformRequest.call(this, 'POST', collection.path, crmPlatformRecord, { body: createBody(this, collection, i) });
	};
}

export function getOperation(collection: Collection): ItemOperation {
	return async function (i) {
		return await crmPlatformRequest.call(this, 'GET', `${collection.path}/${recordId(this, collection, i)}`, crmPlatformRecord);
	};
}

export function getAllOperation(collection: Collection): ItemOperation {
	return async function (i) {
		const qs = strapiQuery(this.getNodeParameter('queryOptions', i, {}) as IDataObject);
		return await crmPlatformPages.call(this, collection.path, qs, readLimit((name) => this.getNodeParameter(name, i)));
	};
}

export function updateOperation(collection: Collection): ItemOperation {
	return async function (i) {
		const body = apiValues(this, this.getNodeParameter('updateFields', i, {}) as IDataObject, i);
		return await crmPlatformRequest.call(this, 'PUT', `${collection.path}/${recordId(this, collection, i)}`, crmPlatformRecord, { body });
	};
}

export function deleteOperation(collection: Collection): ItemOperation {
	return async function (i) {
		const id = recordId(this, collection, i);
		await crmPlatformRequest.call(this, 'DELETE', `${collection.path}/${id}`, crmPlatformRecord);
		return { id, deleted: true };
	};
}

/** Only collections with a `/count` route have it: contacts, activities and tags do not. */
export function countOperation(collection: Collection): ItemOperation {
	return async function (i) {
		const qs = strapiQuery(this.getNodeParameter('queryOptions', i, {}) as IDataObject);
		return { count: await crmPlatformCount.call(this, collection.path, qs) };
	};
}

const OPERATION_LABELS: Record<string, (collection: Collection) => { name: string; action: string }> = {
	getAll: (collection) => ({ name: 'Get Many', action: `Get many ${lower(collection)} records` }),
	count: (collection) => ({ name: 'Count', action: `Count ${lower(collection)} records` }),
	create: (collection) => ({ name: 'Create', action: `Create ${aRecord(collection)}` }),
	upsert: (collection) => ({ name: 'Create or Update', action: `Create or update ${aRecord(collection)} by email` }),
	delete: (collection) => ({ name: 'Delete', action: `Delete ${aRecord(collection)}` }),
	get: (collection) => ({ name: 'Get', action: `Get ${aRecord(collection)}` }),
	update: (collection) => ({ name: 'Update', action: `Update ${aRecord(collection)}` }),
};

/** The Operation selector for exactly the operations given; Get Many is the default. */
export function collectionSelector(collection: Collection, operations: Record<string, ItemOperation>): INodeProperties {
	const names = Object.keys(OPERATION_LABELS).filter((name) => name in operations);
	return operationSelector(collection.resource, names.map((value) => ({ value, ...OPERATION_LABELS[value](collection) })));
}

export const recordIdField = (collection: Collection): INodeProperties => ({ displayName: `${collection.label} ID`, name: 'id', type: 'string', default: '', required: true });

export const requiredFields = (collection: Collection): INodeProperties[] =>
	collection.requiredOnCreate.map((key) => ({ ...collection.fields.find((field) => field.name === key)!, required: true }));

export const optionalFields = (collection: Collection): INodeProperties[] => collection.fields.filter((field) => !isRequired(collection, field));

export const fieldCollection = (displayName: string, name: string, options: INodeProperties[]): INodeProperties => ({
	displayName,
	name,
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: byDisplayName(options),
});

/** Paging and the Strapi filters, sort and search for Get Many (and Count). */
export const listingFields = (collection: Collection, operations: Record<string, ItemOperation>): INodeProperties[] => [
	...returnAllOrLimit({ resource: [collection.resource], operation: ['getAll'] }),
	...scoped(collection.resource, ['getAll', 'count'].filter((name) => name in operations), [queryOptions]),
];

/** The fields of a collection served by the operations above. */
export function collectionDescription(collection: Collection, operations: Record<string, ItemOperation>): INodeProperties[] {
	return [
		collectionSelector(collection, operations),
		...scoped(collection.resource, ['get', 'update', 'delete'], [recordIdField(collection)]),
		...scoped(collection.resource, ['create'], [
			...requiredFields(collection),
			...(optionalFields(collection).length ? [fieldCollection('Additional Fields', 'additionalFields', optionalFields(collection))] : []),
		]),
		...scoped(collection.resource, ['update'], [fieldCollection('Update Fields', 'updateFields', collection.fields.map((field) => ({ ...field, required: false })))]),
		...listingFields(collection, operations),
	];
}
