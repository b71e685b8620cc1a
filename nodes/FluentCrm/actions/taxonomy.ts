import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../shared/actions/runItems';
import { readLimit, returnAllOrLimit } from '../../shared/descriptions/returnAllOrLimit';
import { fluentPages, fluentRequest, missingRecord } from '../transport';
import { numericId, optional, scoped } from './common';

/** Tags and lists share their API, apart from the answer shapes (reference §3.4, §3.5). */
interface Taxonomy {
	resource: 'tag' | 'list';
	label: string;
	path: string;
	/** GET /tags/{id} wraps in {"tag": …|null}; GET /lists/{id} is unwrapped or empty. */
	readOne(response: unknown): IDataObject | undefined;
	pageShape: 'paginator' | 'lists';
}

const isRecord = (value: unknown): value is IDataObject => !!value && typeof value === 'object' && !Array.isArray(value) && 'id' in value;

export const tagTaxonomy: Taxonomy = {
	resource: 'tag',
	label: 'Tag',
	path: '/tags',
	readOne: (response) => ((response as IDataObject | undefined)?.tag as IDataObject | null) ?? undefined,
	pageShape: 'paginator',
};

export const listTaxonomy: Taxonomy = {
	resource: 'list',
	label: 'List',
	path: '/lists',
	readOne: (response) => (isRecord(response) ? response : undefined),
	pageShape: 'lists',
};

async function getOne(this: IExecuteFunctions, kind: Taxonomy, i: number): Promise<IDataObject> {
	const id = numericId(this, this.getNodeParameter(`${kind.resource}Id`, i), kind.label.toLowerCase(), i);
	const record = kind.readOne(await fluentRequest.call(this, 'GET', `${kind.path}/${id}`));
	if (!record) throw missingRecord.call(this, kind.label, id);
	return record;
}

export function taxonomyOperations(kind: Taxonomy): Record<string, ItemOperation> {
	return {
		create: async function (i) {
			const body = { title: this.getNodeParameter('title', i), ...optional<IDataObject>(this, 'additionalFields', i, {}) };
			const response = await fluentRequest.call(this, 'POST', kind.path, { body });
			return response.item as IDataObject;
		},
		get: async function (i) {
			return await getOne.call(this, kind, i);
		},
		getAll: async function (i) {
			const filters = optional<IDataObject>(this, 'filters', i, {});
			return await fluentPages.call(this, kind.path, filters, readLimit((name) => this.getNodeParameter(name, i)), kind.pageShape);
		},
		update: async function (i) {
			// FluentCRM requires the title on every update: merge onto the current record so nothing is lost.
			const current = await getOne.call(this, kind, i);
			const changes = optional<IDataObject>(this, 'updateFields', i, {});
			const body = { title: current.title, slug: current.slug, description: current.description ?? '', ...changes };
			await fluentRequest.call(this, 'PUT', `${kind.path}/${String(current.id)}`, { body });
			return await getOne.call(this, kind, i);
		},
		delete: async function (i) {
			// Deleting a missing tag crashes FluentCRM and a missing list "succeeds" (reference Q2): check first.
			const current = await getOne.call(this, kind, i);
			await fluentRequest.call(this, 'DELETE', `${kind.path}/${String(current.id)}`);
			return { id: current.id, deleted: true };
		},
	};
}

export function taxonomyDescription(kind: Taxonomy): INodeProperties[] {
	const { resource, label } = kind;
	const lower = label.toLowerCase();
	const optionalFields: INodeProperties[] = [
		{ displayName: 'Slug', name: 'slug', type: 'string', default: '', description: 'Unique short name; FluentCRM derives it from the title when empty' },
		{ displayName: 'Description', name: 'description', type: 'string', default: '' },
	];
	return [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource] } },
			default: 'getAll',
			options: [
				{ name: 'Create', value: 'create', action: `Create a ${lower}` },
				{ name: 'Delete', value: 'delete', action: `Delete a ${lower}` },
				{ name: 'Get', value: 'get', action: `Get a ${lower}` },
				{ name: 'Get Many', value: 'getAll', action: `Get many ${lower}s` },
				{ name: 'Update', value: 'update', action: `Update a ${lower}` },
			],
		},
		...scoped(resource, ['get', 'update', 'delete'], [{ displayName: `${label} ID`, name: `${resource}Id`, type: 'string', default: '', required: true }]),
		...scoped(resource, ['create'], [
			{ displayName: 'Title', name: 'title', type: 'string', default: '', required: true },
			{ displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, options: optionalFields },
		]),
		...scoped(resource, ['update'], [
			{
				displayName: 'Update Fields',
				name: 'updateFields',
				type: 'collection',
				placeholder: 'Add Field',
				default: {},
				options: [{ displayName: 'Title', name: 'title', type: 'string', default: '' }, ...optionalFields],
			},
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
					{ displayName: 'Search', name: 'search', type: 'string', default: '' },
					{ displayName: 'Sort By', name: 'sort_by', type: 'options', options: ['id', 'title', 'slug', 'created_at'].map((value) => ({ name: value, value })), default: 'id' },
					{ displayName: 'Sort Direction', name: 'sort_order', type: 'options', options: [{ name: 'Ascending', value: 'ASC' }, { name: 'Descending', value: 'DESC' }], default: 'DESC' },
				],
			},
		]),
	];
}
