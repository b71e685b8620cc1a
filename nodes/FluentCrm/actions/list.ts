import type { ItemOperation } from '../../shared/actions/runItems';
import { taxonomyCreate, taxonomyDelete, taxonomyDescription, taxonomyGet, taxonomyGetAll, taxonomyUpdate } from '../helpers/taxonomy';
import type { Taxonomy } from '../helpers/taxonomy';
import { bareRecordOrEmpty, listsPages } from '../transport';

/** GET /lists/{id} answers the list itself (not wrapped), or an empty body with HTTP 200 for a list FluentCRM does not have. */
const list: Taxonomy = {
	resource: 'list',
	label: 'List',
	path: '/lists',
	readOne: bareRecordOrEmpty,
	recordOf: (answer) => ('id' in answer ? answer : undefined),
	pages: listsPages,
};

export const operations: Record<string, ItemOperation> = {
	create: taxonomyCreate(list),
	delete: taxonomyDelete(list),
	get: taxonomyGet(list),
	getAll: taxonomyGetAll(list),
	update: taxonomyUpdate(list),
};

export const description = taxonomyDescription(list);
