import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../shared/actions/runItems';
import { readLimit } from '../../shared/descriptions/returnAllOrLimit';
import { notFoundError } from '../../shared/transport/errors';
import { crmPages, crmRequest } from '../transport';
import { strapiQuery } from './filters';

/** One Strapi collection of the CRM plugin, described once and served by the shared operations below. */
export interface Collection {
	resource: string;
	label: string;
	path: string;
	/** Fields the node asks for on create (and checks before sending). */
	required: INodeProperties[];
	optional: INodeProperties[];
	hasCount: boolean;
}

export const idList = (value: unknown): number[] =>
	(Array.isArray(value) ? value : String(value ?? '').split(','))
		.map((entry) => String(entry).trim())
		.filter(Boolean)
		.map(Number);

/** Fields whose value is a list of record IDs. */
const ID_LISTS = ['contacts'];

export function writeBody(context: IExecuteFunctions, collection: Collection, i: number, collectionName: string): IDataObject {
	const body: IDataObject = {};
	for (const field of collection.required) body[field.name] = context.getNodeParameter(field.name, i);
	const extra = context.getNodeParameter(collectionName, i, {}) as IDataObject;
	for (const [key, value] of Object.entries(extra)) body[key] = ID_LISTS.includes(key) ? idList(value) : value;
	return body;
}

export function checkRequired(context: IExecuteFunctions, collection: Collection, body: IDataObject, i: number): void {
	const missing = collection.required.filter((field) => body[field.name] === undefined || body[field.name] === '').map((field) => field.displayName);
	if (missing.length) {
		throw new NodeOperationError(context.getNode(), `${collection.label} needs: ${missing.join(', ')}`, { itemIndex: i });
	}
}

export function recordId(context: IExecuteFunctions, i: number, label: string): string {
	const id = String(context.getNodeParameter('id', i)).trim();
	if (/^[0-9]+$/.test(id)) return id;
	throw new NodeOperationError(context.getNode(), `"${id}" is not a valid ${label} ID`, { itemIndex: i });
}

/** The plugin answers some misses with an empty 200 (reference §5): make them a not-found error. */
export function requireRecord(context: IExecuteFunctions, value: unknown, label: string, id: string): IDataObject {
	if (value && typeof value === 'object' && !Array.isArray(value)) return value as IDataObject;
	throw notFoundError(context.getNode(), `CRM Platform ${label.toLowerCase()} ${id} was not found`);
}

export function collectionOperations(collection: Collection): Record<string, ItemOperation> {
	const { path, label } = collection;
	const operations: Record<string, ItemOperation> = {
		create: async function (i) {
			const body = writeBody(this, collection, i, 'additionalFields');
			checkRequired(this, collection, body, i);
			return requireRecord(this, await crmRequest.call(this, 'POST', path, { body }), label, 'new');
		},
		get: async function (i) {
			const id = recordId(this, i, label);
			return requireRecord(this, await crmRequest.call(this, 'GET', `${path}/${id}`), label, id);
		},
		getAll: async function (i) {
			const qs = strapiQuery(this.getNodeParameter('queryOptions', i, {}) as IDataObject);
			return await crmPages.call(this, path, qs, readLimit((name) => this.getNodeParameter(name, i)));
		},
		update: async function (i) {
			const id = recordId(this, i, label);
			const body = writeBody(this, { ...collection, required: [] }, i, 'updateFields');
			return requireRecord(this, await crmRequest.call(this, 'PUT', `${path}/${id}`, { body }), label, id);
		},
		delete: async function (i) {
			const id = recordId(this, i, label);
			requireRecord(this, await crmRequest.call(this, 'DELETE', `${path}/${id}`), label, id);
			return { id: Number(id), deleted: true };
		},
	};
	if (collection.hasCount) {
		operations.count = async function (i) {
			const qs = strapiQuery(this.getNodeParameter('queryOptions', i, {}) as IDataObject);
			return { count: Number(await crmRequest.call(this, 'GET', `${path}/count`, { qs })) };
		};
	}
	return operations;
}
