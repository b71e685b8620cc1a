import type { IDataObject } from 'n8n-workflow';

import type { ItemOperation } from '../../shared/actions/runItems';
import { taxonomyCreate, taxonomyDelete, taxonomyDescription, taxonomyGet, taxonomyGetAll, taxonomyUpdate } from '../helpers/taxonomy';
import type { Taxonomy } from '../helpers/taxonomy';
import { fluentRecordOrNull, paginatorUnder } from '../transport';

/** GET /tags/{id} answers `{"tag": {…}}`, or `{"tag": null}` with HTTP 200 for a tag FluentCRM does not have. */
const tag: Taxonomy = {
	resource: 'tag',
	label: 'Tag',
	path: '/tags',
	readOne: fluentRecordOrNull('tag'),
	recordOf: (answer) => (answer.tag as IDataObject | null) ?? undefined,
	pages: paginatorUnder('tags'),
};

export const operations: Record<string, ItemOperation> = {
	create: taxonomyCreate(tag),
	delete: taxonomyDelete(tag),
	get: taxonomyGet(tag),
	getAll: taxonomyGetAll(tag),
	update: taxonomyUpdate(tag),
};

export const description = taxonomyDescription(tag);
