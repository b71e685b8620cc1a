import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { idParameter } from '../../shared/actions/parameters';
import type { ItemOperation } from '../../shared/actions/runItems';
import type { Expectation } from '../../shared/transport/answer';
import { expectObject } from '../../shared/transport/answer';
import { operationSelector, scoped, textField } from '../../shared/descriptions/fields';
import { readLimit, returnAllOrLimit } from '../../shared/descriptions/returnAllOrLimit';
import type { PagingStrategy } from '../../shared/transport/pagination';
import { fluentPages, fluentRecord, fluentRequest, missingRecord } from '../transport';

/** Tags and lists share their API; they differ in the shape of their answers. */
export interface Taxonomy {
	resource: 'tag' | 'list';
	label: string;
	path: string;
	/** What GET /{path}/{id} answers, including FluentCRM's own "not found" answer. */
	readOne: Expectation;
	/** The record in that answer, or undefined when FluentCRM says it has none. */
	recordOf(answer: IDataObject): IDataObject | undefined;
	pages: PagingStrategy;
}

async function getOne(this: IExecuteFunctions, kind: Taxonomy, i: number): Promise<IDataObject> {
	const id = idParameter(this, `${kind.resource}Id`, kind.label.toLowerCase(), i);
	const record = kind.recordOf(await fluentRequest.call(this, 'GET', `${kind.path}/${id}`, kind.readOne));
	if (!record) throw missingRecord.call(this, kind.label, id);
	return record;
}

export function taxonomyCreate(kind: Taxonomy): ItemOperation {
	return async function (i) {
		const body = { title: this.getNodeParameter('title', i), ...(this.getNodeParameter('additionalFields', i, {}) as IDataObject) };
		// FluentCRM returns the new record under "item" (and, for tags too, under "lists").
		return (await fluentRequest.call(this, 'POST', kind.path, fluentRecord('item'), { body })).item as IDataObject;
	};
}

export function taxonomyGet(kind: Taxonomy): ItemOperation {
	return async function (i) {
		return await getOne.call(this, kind, i);
	};
}

export function taxonomyGetAll(kind: Taxonomy): ItemOperation {
	return async function (i) {
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		return await fluentPages.call(this, kind.path, kind.pages, filters, readLimit((name) => this.getNodeParameter(name, i)));
	};
}

export function taxonomyUpdate(kind: Taxonomy): ItemOperation {
	return async function (i) {
		// FluentCRM requires the title on every update: merge onto the current record so nothing is lost.
		const current = await getOne.call(this, kind, i);
		const changes = this.getNodeParameter('updateFields', i, {}) as IDataObject;
		const body = { title: current.title, slug: current.slug, description: current.description ?? '', ...changes };
		await fluentRequest.call(this, 'PUT', `${kind.path}/${String(current.id)}`, expectObject('message'), { body });
		return await getOne.call(this, kind, i);
	};
}

export function taxonomyDelete(kind: Taxonomy): ItemOperation {
	return async function (i) {
		// FluentCRM crashes when deleting a tag it does not have, and "deletes" a missing list successfully: check first.
		const current = await getOne.call(this, kind, i);
		await fluentRequest.call(this, 'DELETE', `${kind.path}/${String(current.id)}`, expectObject('message'));
		return { id: current.id, deleted: true };
	};
}

export function taxonomyDescription(kind: Taxonomy): INodeProperties[] {
	const { resource, label } = kind;
	const lower = label.toLowerCase();
	const optionalFields: INodeProperties[] = [
		textField('Description', 'description'),
		textField('Slug', 'slug', { description: 'Unique short name; FluentCRM derives it from the title when empty' }),
	];
	const direction = [
		{ name: 'Ascending', value: 'ASC' },
		{ name: 'Descending', value: 'DESC' },
	];
	return [
		operationSelector(resource, [
			{ name: 'Get Many', value: 'getAll', action: `Get many ${lower}s` },
			{ name: 'Create', value: 'create', action: `Create a ${lower}` },
			{ name: 'Delete', value: 'delete', action: `Delete a ${lower}` },
			{ name: 'Get', value: 'get', action: `Get a ${lower}` },
			{ name: 'Update', value: 'update', action: `Update a ${lower}` },
		]),
		...scoped(resource, ['get', 'update', 'delete'], [textField(`${label} ID`, `${resource}Id`, { required: true })]),
		...scoped(resource, ['create'], [
			textField('Title', 'title', { required: true }),
			{ displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, options: optionalFields },
		]),
		...scoped(resource, ['update'], [
			{ displayName: 'Update Fields', name: 'updateFields', type: 'collection', placeholder: 'Add Field', default: {}, options: [...optionalFields, textField('Title', 'title')] },
		]),
		...returnAllOrLimit({ resource: [resource], operation: ['getAll'] }),
		...scoped(resource, ['getAll'], [
			{
				displayName: 'Filters',
				name: 'filters',
				type: 'collection',
				placeholder: 'Add Filter',
				default: {},
				options: [
					textField('Search', 'search'),
					{ displayName: 'Sort By', name: 'sort_by', type: 'options', options: ['id', 'title', 'slug', 'created_at'].map((value) => ({ name: value, value })), default: 'id' },
					{ displayName: 'Sort Direction', name: 'sort_order', type: 'options', options: direction, default: 'DESC' },
				],
			},
		]),
	];
}
