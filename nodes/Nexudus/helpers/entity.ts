import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { idList, idParameter, jsonParameter } from '../../shared/actions/parameters';
import type { ItemOperation } from '../../shared/actions/runItems';
import { readLimit } from '../../shared/descriptions/returnAllOrLimit';
import { nexudusAction, nexudusCreated, nexudusPages, nexudusRecord, nexudusRequest } from '../transport';

/** One Nexudus entity: every entity follows the same URL scheme, `/{module}/{entities}[/{id}]`. */
export interface Entity {
	resource: string;
	label: string;
	/** Path under the API base, e.g. /spaces/coworkers. */
	path: string;
	/** Filter prefix, e.g. Coworker → Coworker_Email, from_Coworker_UpdatedOn. */
	prefix: string;
	/** Fields asked for on create (and offered, optional, on update). */
	required: INodeProperties[];
	optional: INodeProperties[];
	/** Values sent on create unless the user sets them (fields Nexudus may insist on, side effects kept off). */
	createDefaults?: IDataObject;
}

/** Relations the node takes as comma-separated IDs. */
const ID_LISTS: Record<string, string> = { Businesses: 'Nexudus location', Teams: 'Nexudus team' };

const recordId = (context: IExecuteFunctions, entity: Entity, i: number) => idParameter(context, 'id', `Nexudus ${entity.label.toLowerCase()}`, i);

/** Additional/Update Fields plus the free-form "Other Fields (JSON)" for the many PascalCase properties. */
export function fieldValues(context: IExecuteFunctions, i: number, collectionName: string): IDataObject {
	const { otherFieldsJson, ...fields } = context.getNodeParameter(collectionName, i, {}) as IDataObject;
	for (const [key, what] of Object.entries(ID_LISTS)) {
		if (fields[key] !== undefined) fields[key] = idList(context, fields[key], what, i);
	}
	return { ...jsonParameter(context, otherFieldsJson, 'Other Fields (JSON)', i), ...fields };
}

export async function readRecord(this: IExecuteFunctions, entity: Entity, id: number): Promise<IDataObject> {
	return await nexudusRequest.call(this, 'GET', `${entity.path}/${id}`, nexudusRecord);
}

/** A create answers with the new id only: read the record back so users get all of it. */
export async function createRecord(this: IExecuteFunctions, entity: Entity, body: IDataObject): Promise<IDataObject> {
	const envelope = await nexudusRequest.call(this, 'POST', entity.path, nexudusCreated, { body });
	return await readRecord.call(this, entity, Number((envelope.Value as IDataObject).Id));
}

/** PUT replaces the whole record: read it, merge the changes, write all of it back. */
export async function mergeUpdate(this: IExecuteFunctions, entity: Entity, id: number, changes: IDataObject): Promise<IDataObject> {
	const current = await readRecord.call(this, entity, id);
	await nexudusRequest.call(this, 'PUT', entity.path, nexudusAction, { body: { ...current, ...changes, Id: id } });
	return await readRecord.call(this, entity, id);
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

export interface EntityOperations {
	create: ItemOperation;
	delete: ItemOperation;
	get: ItemOperation;
	getAll: ItemOperation;
	update: ItemOperation;
}

/** The five operations every entity shares; each resource file lists the ones Nexudus offers for it. */
export function entityOperations(entity: Entity): EntityOperations {
	return {
		create: async function (i) {
			const body: IDataObject = { ...entity.createDefaults, ...fieldValues(this, i, 'additionalFields') };
			for (const field of entity.required) body[field.name] = this.getNodeParameter(field.name, i);
			return await createRecord.call(this, entity, body);
		},
		delete: async function (i) {
			const id = recordId(this, entity, i);
			await nexudusRequest.call(this, 'DELETE', `${entity.path}/${id}`, nexudusAction);
			return { Id: id, deleted: true };
		},
		get: async function (i) {
			return await readRecord.call(this, entity, recordId(this, entity, i));
		},
		getAll: async function (i) {
			return await nexudusPages.call(this, entity.path, listQuery(this, entity, i), readLimit((name) => this.getNodeParameter(name, i)));
		},
		update: async function (i) {
			return await mergeUpdate.call(this, entity, recordId(this, entity, i), fieldValues(this, i, 'updateFields'));
		},
	};
}
