import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../shared/actions/runItems';
import { readLimit } from '../../shared/descriptions/returnAllOrLimit';
import { notFoundError } from '../../shared/transport/errors';
import { nexudusPages, nexudusRequest } from '../transport';

export type Operation = 'create' | 'get' | 'getAll' | 'update' | 'delete';

/** One Nexudus entity (reference §3.1: every entity follows the same URL scheme). */
export interface Entity {
	resource: string;
	label: string;
	/** Path under the API base, e.g. /spaces/coworkers. */
	path: string;
	/** Filter prefix, e.g. Coworker → Coworker_Email, from_Coworker_UpdatedOn. */
	prefix: string;
	operations: Operation[];
	required: INodeProperties[];
	optional: INodeProperties[];
	/** Values sent on create unless the user sets them (fields Nexudus may insist on). */
	createDefaults?: IDataObject;
}

export function recordId(context: IExecuteFunctions, i: number, label: string): number {
	const text = String(context.getNodeParameter('id', i)).trim();
	if (/^[0-9]+$/.test(text)) return Number(text);
	throw new NodeOperationError(context.getNode(), `"${text}" is not a valid ${label} ID`, { itemIndex: i });
}

/** Relations the node takes as comma-separated IDs. */
const ID_LISTS = ['Businesses', 'Teams'];

/** Additional/Update Fields plus the free-form "Other Fields (JSON)" for the many PascalCase properties. */
export function fieldValues(context: IExecuteFunctions, i: number, collectionName: string): IDataObject {
	const { otherFieldsJson, ...fields } = context.getNodeParameter(collectionName, i, {}) as IDataObject;
	for (const key of ID_LISTS) {
		if (typeof fields[key] === 'string') fields[key] = String(fields[key]).split(',').map((id) => id.trim()).filter(Boolean).map(Number);
	}
	if (otherFieldsJson === undefined || otherFieldsJson === '') return fields;
	const other = typeof otherFieldsJson === 'string' ? safeParse(context, otherFieldsJson, i) : (otherFieldsJson as IDataObject);
	return { ...other, ...fields };
}

function safeParse(context: IExecuteFunctions, text: string, i: number): IDataObject {
	try {
		return JSON.parse(text) as IDataObject;
	} catch {
		throw new NodeOperationError(context.getNode(), 'Other Fields (JSON) is not valid JSON', { itemIndex: i });
	}
}

export async function getRecord(this: IExecuteFunctions, entity: Entity, id: number): Promise<IDataObject> {
	const record = await nexudusRequest.call(this, 'GET', `${entity.path}/${id}`);
	if (record && typeof record === 'object') return record as IDataObject;
	throw notFoundError(this.getNode(), `Nexudus ${entity.label.toLowerCase()} ${id} was not found`);
}

/** Writes answer with an envelope holding only the id: read the record back so users get all of it. */
export async function createRecord(this: IExecuteFunctions, entity: Entity, body: IDataObject): Promise<IDataObject> {
	const envelope = (await nexudusRequest.call(this, 'POST', entity.path, { body })) as IDataObject;
	const id = Number((envelope.Value as IDataObject | null)?.Id);
	return Number.isFinite(id) && id > 0 ? await getRecord.call(this, entity, id) : envelope;
}

/** PUT replaces the whole record (reference §8): read it, merge the changes, write all of it back. */
export async function mergeUpdate(this: IExecuteFunctions, entity: Entity, id: number, changes: IDataObject): Promise<IDataObject> {
	const current = await getRecord.call(this, entity, id);
	await nexudusRequest.call(this, 'PUT', entity.path, { body: { ...current, ...changes, Id: id } });
	return await getRecord.call(this, entity, id);
}

function listQuery(context: IExecuteFunctions, entity: Entity, i: number): IDataObject {
	const options = context.getNodeParameter('listOptions', i, {}) as IDataObject;
	const qs: IDataObject = {};
	const conditions = ((options.filters as IDataObject | undefined)?.condition as IDataObject[] | undefined) ?? [];
	for (const { property, value } of conditions) if (property) qs[`${entity.prefix}_${String(property)}`] = value;
	const minute = (value: unknown) => new Date(String(value)).toISOString().slice(0, 16);
	if (options.updatedSince) qs[`from_${entity.prefix}_UpdatedOn`] = minute(options.updatedSince);
	if (options.updatedBefore) qs[`to_${entity.prefix}_UpdatedOn`] = minute(options.updatedBefore);
	if (options.orderBy) qs.orderBy = options.orderBy;
	if (options.direction) qs.dir = options.direction === 'descending' ? -1 : 1;
	return qs;
}

export function entityOperations(entity: Entity): Record<string, ItemOperation> {
	const all: Record<Operation, ItemOperation> = {
		create: async function (i) {
			const body: IDataObject = { ...entity.createDefaults, ...fieldValues(this, i, 'additionalFields') };
			for (const field of entity.required) body[field.name] = this.getNodeParameter(field.name, i);
			return await createRecord.call(this, entity, body);
		},
		get: async function (i) {
			return await getRecord.call(this, entity, recordId(this, i, entity.label));
		},
		getAll: async function (i) {
			return await nexudusPages.call(this, entity.path, listQuery(this, entity, i), readLimit((name) => this.getNodeParameter(name, i)));
		},
		update: async function (i) {
			return await mergeUpdate.call(this, entity, recordId(this, i, entity.label), fieldValues(this, i, 'updateFields'));
		},
		delete: async function (i) {
			const id = recordId(this, i, entity.label);
			await nexudusRequest.call(this, 'DELETE', `${entity.path}/${id}`);
			return { Id: id, deleted: true };
		},
	};
	return Object.fromEntries(entity.operations.map((operation) => [operation, all[operation]]));
}
