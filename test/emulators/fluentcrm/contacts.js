'use strict';
// Contacts (`/subscribers`) and their notes.

const { ok, fatal, validation, businessError, modelNotFound, asList, readPaging, paginate, sortRows, isTruthyFlag, isBlank, isPlainObject } = require('./wp');
const { STATUSES, CONTACT_TYPES, NOTE_TYPES, WRITABLE_COLUMNS } = require('./store');

const EMAIL_PATTERN = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const CONTACT_SORT_COLUMNS = ['id', 'first_name', 'last_name', 'email', 'status', 'contact_type', 'created_at', 'updated_at', 'last_activity', 'city', 'country', 'total_points', 'life_time_value', 'date_of_birth'];
const NOT_FOUND = () => businessError('Subscriber not found');

const isPhpFalsy = (v) => v === null || v === undefined || v === '' || v === '0' || v === 0 || v === false;
// PHP loose comparison: `true == 'yes'` holds, so JSON true works too.
const isForceUpdate = (v) => v === 'yes' || v === true;

function explodeFullName(input) {
	const { full_name: fullName, ...rest } = input;
	if (!isBlank(rest.first_name) || !isBlank(rest.last_name) || isBlank(fullName)) return rest;
	const [first, ...others] = String(fullName).trim().split(' ');
	return { ...rest, first_name: first, ...(others.length ? { last_name: others.join(' ') } : {}) };
}

// Contact columns from request data; unknown keys ignored silently; values stored as strings.
function contactColumnsFrom(data, mode) {
	const input = explodeFullName(data);
	const columns = {};
	for (const column of WRITABLE_COLUMNS) {
		if (!(column in input) || isPlainObject(input[column]) || Array.isArray(input[column])) continue;
		const value = input[column] === null ? null : String(input[column]).trim();
		if (mode === 'create' && isPhpFalsy(value)) continue; // array_filter() on create
		columns[column] = value;
	}
	if ('status' in columns && !STATUSES.includes(columns.status)) columns.status = 'subscribed'; // an unknown status is stored as subscribed
	if (mode === 'update') {
		delete columns.created_at;
		delete columns.last_activity;
		// FluentCRM's `empty($data['date_of_birth'])` is also true when the key is absent, so every
		// PUT without a birth date stores 0000-00-00 (the harsher reading of its source code).
		if (isBlank(columns.date_of_birth)) columns.date_of_birth = '0000-00-00';
	}
	return columns;
}

function emailErrors(email, store, ownId) {
	if (isBlank(email)) return { required: 'The email field is required.' };
	if (!EMAIL_PATTERN.test(String(email).trim())) return { email: 'The email must be a valid email address.' };
	const owner = store.findContactByEmail(email);
	if (owner && owner.id !== ownId) return { unique: 'Provided email already assigned to another subscriber.' };
	return undefined;
}

// Status after an update-or-create meets an existing contact. Observed on 2.9.84: with
// `__force_update` the requested status is stored as sent (an unsubscribed contact sent
// "subscribed" becomes subscribed again); the request still needs a status (422 without one).
// Without force (inbound webhooks, bulk imports without force_update) FluentCRM keeps a
// subscribed, bounced or complained contact's status.
function upsertStatus(existing, requested, forced) {
	if (!requested) return existing;
	if (forced) return requested;
	if (['subscribed', 'bounced', 'complained'].includes(existing)) return existing;
	return requested;
}

// Custom-field slugs at the top level are picked up on create.
function customValuesFrom(data, store) {
	const values = isPlainObject(data.custom_values) ? { ...data.custom_values } : {};
	for (const field of store.state.customFields) if (field.slug in data && !(field.slug in values)) values[field.slug] = data[field.slug];
	return values;
}

function attachFromRequest(r, contact, tagValues, listValues) {
	r.store.attach(contact.id, 'tag', r.store.resolveTaxonomyValues('tag', asList(tagValues)));
	r.store.attach(contact.id, 'list', r.store.resolveTaxonomyValues('list', asList(listValues)));
}

const idsOf = (values) => (asList(values) || []).filter((v) => /^\d+$/.test(String(v))).map(Number);

// Create/upsert responses carry `tags`/`lists` only when the request attached some.
const contactForWrite = (store, contact, includeRelations) => store.serializeContact(contact, { withRelations: includeRelations });

// ---- handlers ------------------------------------------------------------------

function listContacts(r) {
	const { params, store } = r;
	const paging = readPaging(params, 'subscribers');
	let rows = store.state.contacts;
	const statuses = asList(params.statuses);
	const tagIds = asList(params.tags);
	const listIds = asList(params.lists);
	const companyIds = asList(params.company_ids);
	// Scalar values (`statuses=x` without `[]`) are ignored: the harsher choice, only `statuses[]` is documented.
	if (statuses && statuses.length) rows = rows.filter((c) => statuses.includes(c.status));
	if (tagIds && tagIds.length) rows = rows.filter((c) => store.linksOf(c.id, 'tag').some((p) => tagIds.map(String).includes(String(p.object_id))));
	if (listIds && listIds.length) rows = rows.filter((c) => store.linksOf(c.id, 'list').some((p) => listIds.map(String).includes(String(p.object_id))));
	if (companyIds && companyIds.length) rows = rows.filter((c) => companyIds.map(String).includes(String(c.company_id)));
	if (!isBlank(params.search)) rows = rows.filter((c) => matchesSearch(c, String(params.search)));
	rows = sortRows(rows, { sortBy: params.sort_by, direction: params.sort_type, allowed: CONTACT_SORT_COLUMNS });
	const page = paginate(rows, paging, '/subscribers');
	page.data = page.data.map((c) => {
		const row = store.serializeContact(c);
		if (isTruthyFlag(params.custom_fields)) row.custom_fields = { ...(store.state.customValues[c.id] || {}) };
		return row;
	});
	return ok({ subscribers: page, custom: null }, { bench: true });
}

// LIKE %term% over email and names; two words also tried as first + last name.
function matchesSearch(contact, term) {
	const needle = term.toLowerCase();
	const has = (v) => String(v || '').toLowerCase().includes(needle);
	if (has(contact.email) || has(contact.first_name) || has(contact.last_name) || has(contact.phone)) return true;
	const [first, ...rest] = needle.split(' ');
	return rest.length > 0 && String(contact.first_name || '').toLowerCase().startsWith(first) && String(contact.last_name || '').toLowerCase().startsWith(rest.join(' '));
}

function getContact(r) {
	const { store, params, path } = r;
	const id = Number(path.id);
	const contact = id === 0 ? (isBlank(params.get_by_email) ? undefined : store.findContactByEmail(params.get_by_email)) : store.findContact(id);
	if (!contact) return NOT_FOUND();
	const subscriber = store.serializeContact(contact);
	const withList = (asList(params.with) || []).map(String);
	const body = { subscriber };
	if (withList.includes('stats')) subscriber.stats = { emails: 0, opens: 0, clicks: 0, web: 0 };
	if (withList.includes('subscriber.custom_values')) subscriber.custom_values = { ...(store.state.customValues[contact.id] || {}) };
	if (withList.includes('custom_fields')) body.custom_fields = store.state.customFields;
	return ok(body, { bench: true });
}

function createContact(r) {
	const { params, store } = r;
	const force = isForceUpdate(params.__force_update);
	const existing = !isBlank(params.email) ? store.findContactByEmail(params.email) : undefined;
	const errors = {};
	const emailError = emailErrors(params.email, store, force && existing ? existing.id : undefined);
	if (emailError) errors.email = emailError;
	if (isBlank(params.status)) errors.status = { required: 'The status field is required.' };
	if (Object.keys(errors).length) return validation(errors);

	const columns = contactColumnsFrom(params, 'create');
	const withRelations = !isBlank(params.tags) || !isBlank(params.lists);
	if (existing) {
		const status = upsertStatus(existing.status, columns.status, true);
		store.updateContactColumns(existing, { ...columns, email: existing.email, status });
		applyRelationsAndValues(r, existing, params);
		if (existing.status === 'pending') r.sendDoubleOptin(existing); // a pending result sends the email automatically
		return ok({ message: 'contact has been successfully updated.', contact: contactForWrite(store, existing, withRelations), action_type: 'updated' }, { bench: true });
	}
	const contact = store.insertContact(columns);
	applyRelationsAndValues(r, contact, params);
	// Any truthy double_optin on create counts as a sent email (harsher than "only when pending").
	if (isTruthyFlag(params.double_optin)) r.sendDoubleOptin(contact);
	return ok({ message: 'Successfully added the subscriber.', contact: contactForWrite(store, contact, withRelations), action_type: 'created' }, { bench: true });
}

function applyRelationsAndValues(r, contact, params) {
	attachFromRequest(r, contact, params.tags, params.lists);
	const companyIds = idsOf(params.companies).filter((id) => r.store.state.companies.some((c) => c.id === id));
	if (companyIds.length && !contact.company_id) contact.company_id = String(companyIds[0]);
	r.store.setCustomValues(contact.id, customValuesFrom(params, r.store));
}

// PUT accepts fields at the top level or inside {"subscriber":{…}}.
function updateContact(r) {
	const { params, store, path } = r;
	const contact = store.findContact(path.id);
	if (!contact) return modelNotFound('Subscriber');
	const data = isPlainObject(params.subscriber) ? params.subscriber : params;
	// Every controller version read validates `email` as required on update and nothing says it
	// is optional, so a PUT without email is rejected (harsher choice).
	const emailError = emailErrors(data.email, store, contact.id);
	if (emailError) return validation({ email: emailError });

	const columns = contactColumnsFrom(data, 'update');
	const isDirty = store.updateContactColumns(contact, columns);
	const pick = (key) => (data[key] !== undefined ? data[key] : params[key]);
	attachFromRequest(r, contact, pick('attach_tags'), pick('attach_lists'));
	store.detach(contact.id, 'tag', idsOf(pick('detach_tags')));
	store.detach(contact.id, 'list', idsOf(pick('detach_lists')));
	if (isPlainObject(pick('custom_values'))) store.setCustomValues(contact.id, pick('custom_values'));
	return ok({ message: 'Subscriber successfully updated', contact: store.serializeContact(contact), isDirty, values: columns }, { bench: true });
}

function deleteContact(r) {
	const contact = r.store.findContact(r.path.id);
	if (!contact) return modelNotFound('Subscriber');
	r.store.deleteContact(contact.id);
	return ok({ message: 'Selected Subscriber has been deleted successfully' }, { bench: true });
}

function deleteContacts(r) {
	const ids = idsOf(r.params.subscribers);
	if (!ids.length) return validation({ subscriber_ids: { required: 'The subscriber_ids field is required.' } });
	for (const id of ids) if (r.store.findContact(id)) r.store.deleteContact(id);
	return ok({ message: 'Selected Subscribers has been deleted' }, { bench: true });
}

// Matches by slug unless find_by says otherwise; never creates; an unknown contact → PHP fatal.
function syncSegments(r) {
	const { params, store } = r;
	const kind = params.type === 'tags' ? 'tag' : 'list'; // anything else means lists [source code]
	const findBy = ['id', 'title', 'slug'].includes(params.find_by) ? params.find_by : 'slug';
	const lookup = (values) => (asList(values) || []).map((v) => store.state[kind === 'tag' ? 'tags' : 'lists'].find((row) => String(row[findBy]) === String(v))).filter(Boolean).map((row) => row.id);
	const contactIds = asList(params.subscribers) || [];
	for (const id of contactIds) {
		const contact = store.findContact(id);
		if (!contact) throw fatal(); // earlier contacts keep their changes, like the crashed PHP loop
		store.attach(contact.id, kind, lookup(params.attach));
		store.detach(contact.id, kind, lookup(params.detach));
	}
	const contacts = contactIds.map((id) => store.serializeContact(store.findContact(id)));
	return ok({ message: `Successfully updated the ${contacts.length === 1 ? 'subscriber' : 'subscribers'}.`, subscribers: contacts });
}

function updateProperty(r) {
	const { params, store } = r;
	const errors = {};
	if (isBlank(params.property)) errors.column = { required: 'The column field is required.' };
	if (isBlank(params.value)) errors.value = { required: 'The value field is required.' };
	if (isBlank(params.subscribers)) errors.subscriber_ids = { required: 'The subscriber_ids field is required.' };
	if (Object.keys(errors).length) return validation(errors);
	const column = String(params.property);
	const value = String(params.value);
	if (!['status', 'contact_type', 'avatar', 'company_id'].includes(column)) return businessError('Column is not valid');
	if ((column === 'status' && !STATUSES.includes(value)) || (column === 'contact_type' && !CONTACT_TYPES.includes(value))) return businessError('Value is not valid');
	for (const id of idsOf(params.subscribers)) {
		const contact = store.findContact(id);
		if (contact) store.updateContactColumns(contact, { [column]: value });
	}
	return ok({ message: 'Subscribers successfully updated' });
}

// FluentCRM reports every valid contact under `updated`; `created` is always [] (a bug in it).
function bulkAddUpdate(r) {
	const { params, store } = r;
	const updated = [];
	const invalids = [];
	const forceUpdate = isTruthyFlag(params.force_update);
	for (const item of asList(params.contacts) || []) {
		if (!isPlainObject(item) || isBlank(item.email) || !EMAIL_PATTERN.test(String(item.email).trim())) {
			invalids.push(item);
			continue;
		}
		const columns = contactColumnsFrom(item, 'create');
		let contact = store.findContactByEmail(item.email);
		const isNew = !contact;
		// New contacts without a status become `subscribed` (not confirmed on a real server).
		if (isNew) contact = store.insertContact({ status: 'subscribed', ...columns });
		else if (forceUpdate) store.updateContactColumns(contact, { ...columns, email: contact.email, status: upsertStatus(contact.status, columns.status, true) });
		if (isNew || forceUpdate) attachFromRequest(r, contact, item.tags, item.lists);
		if (isTruthyFlag(params.double_optin) && contact.status === 'pending') r.sendDoubleOptin(contact);
		updated.push({ id: contact.id, email: contact.email, status: contact.status });
	}
	return ok({ message: 'Contacts have been processed', created: [], updated, invalids });
}

function searchContacts(r) {
	const { params, store } = r;
	const limit = Math.max(1, Number(params.limit) || 20);
	const include = (asList(params.values) || []).map(String);
	const rows = store.state.contacts.filter((c) => include.includes(String(c.id)) || isBlank(params.search) || matchesSearch(c, String(params.search)));
	const contacts = {};
	for (const c of rows.slice(0, limit)) contacts[c.id] = { id: String(c.id), first_name: c.first_name, last_name: c.last_name, email: c.email };
	return ok({ contacts });
}

function doBulkAction(r) {
	const { params, store } = r;
	const ids = idsOf(params.subscriber_ids);
	if (!ids.length) return businessError('Please provide contacts');
	const contacts = ids.map((id) => store.findContact(id)).filter(Boolean);
	const options = asList(params.action_options) || [];
	const actions = {
		add_to_tags: (c) => store.attach(c.id, 'tag', idsOf(options).filter((id) => store.findTaxonomy('tag', id))),
		remove_from_tags: (c) => store.detach(c.id, 'tag', idsOf(options)),
		add_to_lists: (c) => store.attach(c.id, 'list', idsOf(options).filter((id) => store.findTaxonomy('list', id))),
		remove_from_lists: (c) => store.detach(c.id, 'list', idsOf(options)),
		delete_contacts: (c) => store.deleteContact(c.id),
		change_contact_status: (c) => STATUSES.includes(params.new_status) && store.updateContactColumns(c, { status: params.new_status }),
		change_contact_type: (c) => CONTACT_TYPES.includes(params.new_status) && store.updateContactColumns(c, { contact_type: params.new_status }),
		send_double_optin: (c) => c.status === 'pending' && r.sendDoubleOptin(c),
		update_custom_fields: (c) => store.setCustomValues(c.id, params.custom_field),
	};
	const action = actions[params.action_name];
	if (!action) return businessError('Selected action is not valid'); // Pro-only actions land here on the free plugin [uncertain]
	contacts.forEach(action);
	const last = contacts[contacts.length - 1];
	return ok({ message: 'Selected bulk action has been successfully completed', completed_contacts: contacts.length, last_contact_id: last ? last.id : null });
}

function sendDoubleOptinRoute(r) {
	const contact = r.store.findContact(r.path.id);
	if (!contact) throw fatal(); // method call on null in the controller
	if (contact.status === 'subscribed') return businessError('Contact Already Subscribed');
	r.sendDoubleOptin(contact);
	return ok({ message: 'Double OptIn email has been sent' });
}

function contactEmails(r) {
	return ok({ emails: paginate([], readPaging(r.params, 'campaign_emails'), `/subscribers/${r.path.id}/emails`) });
}

// ---- notes: the fields must be wrapped in {"note": …} ----------------------------

const NOTE_FIELDS = { type: { label: 'Type', options: NOTE_TYPES.map((id) => ({ id, title: id.replace(/_/g, ' ').replace(/^\w/, (c) => c.toUpperCase()) })) } };

function noteErrors(note) {
	const errors = {};
	for (const key of ['title', 'description', 'type']) if (isBlank(note[key])) errors[key] = { required: `The ${key} field is required.` };
	// Types outside the server's own list are refused: harsher than storing them [uncertain].
	if (!errors.type && !NOTE_TYPES.includes(String(note.type))) errors.type = { in: 'The selected type is invalid.' };
	return Object.keys(errors).length ? errors : undefined;
}

function listNotes(r) {
	const id = Number(r.path.id);
	let rows = r.store.state.notes.filter((n) => n.subscriber_id === id);
	if (!isBlank(r.params.search)) {
		const term = String(r.params.search).toLowerCase();
		rows = rows.filter((n) => `${n.title} ${n.description}`.toLowerCase().includes(term));
	}
	rows = [...rows].sort((a, b) => b.id - a.id);
	return ok({ notes: paginate(rows, readPaging(r.params, 'subscriber_notes'), `/subscribers/${id}/notes`), fields: NOTE_FIELDS });
}

function addNote(r) {
	const note = r.params.note;
	if (!isPlainObject(note)) throw fatal(); // flat fields → PHP fatal
	const errors = noteErrors(note);
	if (errors) return validation(errors);
	const at = r.store.timestamp();
	// The controller does not check the contact exists [source code]; the note is stored anyway.
	const row = { id: r.store.nextId('note'), subscriber_id: Number(r.path.id), title: String(note.title), description: String(note.description), type: String(note.type), created_by: r.user.id, created_at: note.created_at ? String(note.created_at) : at, updated_at: at };
	r.store.state.notes.push(row);
	return ok({ note: row, message: 'Note successfully added' });
}

function updateNote(r) {
	const note = r.params.note;
	if (!isPlainObject(note)) throw fatal();
	const row = r.store.state.notes.find((n) => n.id === Number(r.path.note_id));
	if (!row) throw fatal(); // find() returned null, then ->fill() [source code]
	const errors = noteErrors(note);
	if (errors) return validation(errors);
	Object.assign(row, { title: String(note.title), description: String(note.description), type: String(note.type), updated_at: r.store.timestamp() });
	return ok({ note: row, message: 'Note successfully updated' });
}

function deleteNote(r) {
	r.store.state.notes = r.store.state.notes.filter((n) => n.id !== Number(r.path.note_id)); // missing note: still 200
	return ok({ message: 'Note successfully deleted' });
}

function registerContactRoutes(router) {
	router.add('GET', '/fluent-crm/v2/subscribers', listContacts);
	router.add('POST', '/fluent-crm/v2/subscribers', createContact);
	router.add('DELETE', '/fluent-crm/v2/subscribers', deleteContacts);
	router.add('POST', '/fluent-crm/v2/subscribers/sync-segments', syncSegments);
	router.add('POST', '/fluent-crm/v2/subscribers/do-bulk-action', doBulkAction);
	router.add('PUT', '/fluent-crm/v2/subscribers/subscribers-property', updateProperty);
	router.add('POST', '/fluent-crm/v2/subscribers/bulk-add-update', bulkAddUpdate);
	router.add('GET', '/fluent-crm/v2/subscribers/search-contacts', searchContacts);
	router.add('GET', '/fluent-crm/v2/subscribers/{id}', getContact);
	router.add('PUT', '/fluent-crm/v2/subscribers/{id}', updateContact);
	router.add('DELETE', '/fluent-crm/v2/subscribers/{id}', deleteContact);
	router.add('GET', '/fluent-crm/v2/subscribers/{id}/notes', listNotes);
	router.add('POST', '/fluent-crm/v2/subscribers/{id}/notes', addNote);
	router.add('PUT', '/fluent-crm/v2/subscribers/{id}/notes/{note_id}', updateNote);
	router.add('DELETE', '/fluent-crm/v2/subscribers/{id}/notes/{note_id}', deleteNote);
	router.add('GET', '/fluent-crm/v2/subscribers/{id}/emails', contactEmails);
	router.add('POST', '/fluent-crm/v2/subscribers/{id}/send-double-optin', sendDoubleOptinRoute);
}

module.exports = { registerContactRoutes, contactColumnsFrom, upsertStatus, EMAIL_PATTERN };
