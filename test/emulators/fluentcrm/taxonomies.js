'use strict';
// Tags and lists. The two look alike but differ in answer shapes and not-found handling.

const { ok, emptyOk, fatal, validation, businessError, modelNotFound, asList, readPaging, paginate, sortRows, sanitizeTitle, isTruthyFlag, isBlank } = require('./wp');

const SORT_COLUMNS = ['id', 'title', 'slug', 'description', 'created_at', 'updated_at'];
const KINDS = {
	tag: { table: 'tags', model: 'Tag', label: 'tag', dbTable: 'tags' },
	list: { table: 'lists', model: 'Lists', label: 'list', dbTable: 'lists' },
};

const rowsOf = (store, kind) => store.state[KINDS[kind].table];

function subscriberCounts(store, kind, row) {
	const contactIds = store.state.pivots.filter((p) => p.kind === kind && p.object_id === row.id).map((p) => p.subscriber_id);
	const subscribed = contactIds.filter((id) => (store.findContact(id) || {}).status === 'subscribed').length;
	return { total: contactIds.length, subscribed };
}

// Tags and lists sort with `sort_by` + `sort_order` (not `sort_type`), default id DESC.
function filteredSortedRows(store, kind, params) {
	let rows = rowsOf(store, kind);
	if (!isBlank(params.search)) {
		const term = String(params.search).toLowerCase();
		rows = rows.filter((row) => row.title.toLowerCase().includes(term) || row.slug.includes(term));
	}
	return sortRows(rows, { sortBy: params.sort_by, direction: params.sort_order, allowed: SORT_COLUMNS });
}

function titleTaken(store, kind, title, slug, ownId) {
	return rowsOf(store, kind).some((row) => row.id !== ownId && (row.slug === slug || row.title.toLowerCase() === String(title).toLowerCase()));
}

function createValidated(store, kind, params) {
	if (isBlank(params.title)) return { error: validation({ title: { required: 'The title field is required.' } }) };
	const slug = sanitizeTitle(isBlank(params.slug) ? params.title : params.slug);
	if (titleTaken(store, kind, params.title, slug)) return { error: validation({ slug: { unique: 'The slug attribute is already taken and must be unique.' } }) };
	return { row: store.createTaxonomy(kind, { title: String(params.title), slug, description: params.description || '' }) };
}

// PUT /{kind}/{id}; id 0 + update_by=slug updates the row with that slug.
function updateTaxonomy(store, kind, r) {
	const { params, path } = r;
	const id = Number(path.id);
	const row = id === 0 && params.update_by === 'slug' ? rowsOf(store, kind).find((x) => x.slug === params.slug) : store.findTaxonomy(kind, id);
	if (!row) return { error: modelNotFound(KINDS[kind].model) };
	if (isBlank(params.title)) return { error: validation({ title: { required: 'The title field is required.' } }) };
	const slug = isBlank(params.slug) ? row.slug : sanitizeTitle(params.slug);
	if (rowsOf(store, kind).some((x) => x.id !== row.id && x.slug === slug)) return { error: businessError(`Provided slug already exist in another ${KINDS[kind].label}`) };
	Object.assign(row, { title: String(params.title), slug, description: params.description !== undefined ? String(params.description ?? '') : row.description, updated_at: store.timestamp() });
	return { row };
}

function removeTaxonomy(store, kind, id) {
	const table = KINDS[kind].table;
	store.state[table] = store.state[table].filter((row) => row.id !== id);
	store.state.pivots = store.state.pivots.filter((p) => !(p.kind === kind && p.object_id === id));
}

// POST /{kind}/bulk: upsert by slug.
function bulkUpsert(store, kind, params) {
	const ids = [];
	for (const item of asList(params[KINDS[kind].table]) || asList(params.items) || []) {
		if (!item || isBlank(item.title)) continue;
		const slug = sanitizeTitle(isBlank(item.slug) ? item.title : item.slug);
		const existing = rowsOf(store, kind).find((row) => row.slug === slug);
		if (existing) Object.assign(existing, { title: String(item.title), updated_at: store.timestamp() });
		ids.push((existing || store.createTaxonomy(kind, { title: item.title, slug })).id);
	}
	return ids;
}

// ---- tags -------------------------------------------------------------------------

function listTags(r) {
	const { store, params } = r;
	const rows = filteredSortedRows(store, 'tag', params);
	const page = paginate(rows, readPaging(params, 'tags'), '/tags');
	page.data = page.data.map((row) => (isTruthyFlag(params.exclude_counts) ? { ...row } : { ...row, subscribersCount: subscriberCounts(store, 'tag', row).subscribed }));
	const body = { tags: page };
	if (isTruthyFlag(params.all_tags)) body.all_tags = store.state.tags.map((t) => ({ id: String(t.id), title: t.title, slug: t.slug })); // ids as strings here
	return ok(body, { bench: true });
}

function createTag(r) {
	const { row, error } = createValidated(r.store, 'tag', r.params);
	if (error) return error;
	return ok({ lists: row, item: row, message: 'Successfully saved the tag.' }, { bench: true }); // the key is `lists` even for tags
}

const getTag = (r) => ok({ tag: r.store.findTaxonomy('tag', r.path.id) || null }); // a miss is 200 {"tag":null}

function updateTag(r) {
	const { error } = updateTaxonomy(r.store, 'tag', r);
	return error || ok({ lists: 1, message: 'Successfully saved the tag.' }, { bench: true });
}

function deleteTag(r) {
	const row = r.store.findTaxonomy('tag', r.path.id);
	if (!row) throw fatal(); // delete() on null → PHP fatal
	removeTaxonomy(r.store, 'tag', row.id);
	return ok({ message: 'Successfully removed the tag.' }, { bench: true });
}

function bulkTags(r) {
	return ok({ message: 'Successfully saved the tags.', ids: bulkUpsert(r.store, 'tag', r.params) });
}

function bulkDeleteTags(r) {
	for (const id of asList(r.params.tagIds) || []) removeTaxonomy(r.store, 'tag', Number(id));
	return ok({ message: 'Selected Tags have been removed permanently' });
}

// ---- lists (no __bench anywhere) ----------------------------------------------------

function listLists(r) {
	const { store, params } = r;
	const rows = filteredSortedRows(store, 'list', params);
	// per_page 0/negative fail here too: observed only for contacts, assumed for lists (harsher).
	const paging = readPaging(params, 'lists');
	const pageRows = isTruthyFlag(params.all_lists) ? rows : paginate(rows, paging, '/lists').data;
	const lists = pageRows.map((row) => {
		if (isTruthyFlag(params.exclude_counts)) return { ...row };
		const counts = subscriberCounts(store, 'list', row);
		return { ...row, totalCount: counts.total, subscribersCount: counts.subscribed };
	});
	return ok({ lists, pagination: { total: rows.length } });
}

function createList(r) {
	const { row, error } = createValidated(r.store, 'list', r.params);
	return error || ok({ lists: row, item: row, message: 'Successfully saved the list.' });
}

function getList(r) {
	const row = r.store.findTaxonomy('list', r.path.id);
	return row ? ok({ ...row }) : emptyOk(); // unwrapped; a miss → 200 with an empty body
}

function updateList(r) {
	const { error } = updateTaxonomy(r.store, 'list', r);
	return error || ok({ lists: 1, message: 'Successfully saved the list.' });
}

function deleteList(r) {
	removeTaxonomy(r.store, 'list', Number(r.path.id)); // success even when missing
	return ok({ message: 'Successfully removed the list.' });
}

function bulkLists(r) {
	return ok({ message: 'Provided Lists have been successfully created', ids: bulkUpsert(r.store, 'list', r.params) });
}

function bulkDeleteLists(r) {
	for (const id of asList(r.params.listIds) || []) removeTaxonomy(r.store, 'list', Number(id));
	return ok({ message: 'Selected Lists have been removed permanently' });
}

function registerTaxonomyRoutes(router) {
	router.add('GET', '/fluent-crm/v2/tags', listTags);
	router.add('POST', '/fluent-crm/v2/tags', createTag);
	router.add('POST', '/fluent-crm/v2/tags/bulk', bulkTags);
	router.add('POST', '/fluent-crm/v2/tags/do-bulk-action', bulkDeleteTags);
	router.add('GET', '/fluent-crm/v2/tags/{id}', getTag);
	router.add('PUT', '/fluent-crm/v2/tags/{id}', updateTag);
	router.add('DELETE', '/fluent-crm/v2/tags/{id}', deleteTag);
	router.add('GET', '/fluent-crm/v2/lists', listLists);
	router.add('POST', '/fluent-crm/v2/lists', createList);
	router.add('POST', '/fluent-crm/v2/lists/bulk', bulkLists);
	router.add('POST', '/fluent-crm/v2/lists/do-bulk-action', bulkDeleteLists);
	router.add('GET', '/fluent-crm/v2/lists/{id}', getList);
	router.add('PUT', '/fluent-crm/v2/lists/{id}', updateList);
	router.add('DELETE', '/fluent-crm/v2/lists/{id}', deleteList);
}

module.exports = { registerTaxonomyRoutes };
