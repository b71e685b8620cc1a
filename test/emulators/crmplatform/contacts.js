'use strict';
// controllers/contact.js: singular path /crm-plugin/contact, no /count.

const { ControllerError, dbErrors, nullPropertyError } = require('./errors');
const { checkParams, asObject, listRows, registerCrud } = require('./generic');

// strapi.query(contact_type): only the two sub-models exist [uncertain → harsher: other values fail
// with Strapi's "model can't be found" after the addresses were already written].
function subModel(type) {
	if (type === 'individual' || type === 'organization') return type;
	throw new ControllerError(`The model ${type} can't be found.`);
}

function create(r) {
	const missing = checkParams(r.body, ['name', 'contact_type'], r.counters);
	if (missing) return missing; // 200 text/plain
	const { store } = r;
	const body = asObject(r.body);
	// order: addresses first, then the individual/organization row, then the contact. An individual
	// without first_name fails at the database (observed: ER_NO_DEFAULT_FOR_FIELD), leaving the addresses.
	const addressIds = Array.isArray(body.addresses) ? body.addresses.map((entry) => store.insert('address', asObject(entry)).id) : [];
	const type = subModel(body.contact_type);
	const sub = store.insert(type, body); // first_name/last_name (individual) or name (organization) from the top level
	// body keys win over the new link (Object.assign(orgOtherDetails, body)); addresses become the new ids
	const contact = store.insert('contact', { [type]: sub.id, ...body, addresses: addressIds });
	return store.populate('contact', contact); // HTTP 200, relations one level deep
}

// PUT in the plugin's order: addresses, then the individual/organization, then the contact.
function update(r) {
	const { store } = r;
	const body = { ...asObject(r.body) };
	const { id } = r.params;
	if (Array.isArray(body.addresses) && body.addresses.length > 0) {
		const existing = r.q.findOne('contact', id);
		if (!existing) throw nullPropertyError('addresses', r.config);
		const entries = body.addresses.map(asObject);
		if (store.where('address', { contact: existing.id }).length > 0) {
			// A contact that has addresses: every entry updates the address with its `id` (whichever contact
			// it belongs to; no new ones are added). An entry without `id` fails in knex (observed: 400
			// "Undefined binding(s) detected …"). The entries run in parallel, so the others are still written.
			let failure;
			for (const entry of entries) {
				try {
					if (entry.id === undefined) throw dbErrors.undefinedBinding(r.config.database, 'addresses');
					store.update('address', entry.id, entry);
				} catch (error) {
					failure = failure || error;
				}
			}
			if (failure) throw failure;
			delete body.addresses;
		} else {
			body.addresses = entries.map((entry) => store.insert('address', entry).id); // linked by the contact update below
		}
	}
	// Observed: without `contact_type` in the body the individual/organization is not written, so a
	// first_name/last_name change answers 200 and changes nothing.
	if (body.contact_type) {
		const type = subModel(body.contact_type);
		const linked = store.where(type, { contact: Number(id) })[0]; // found by {contact: id}
		if (!linked) throw new ControllerError('entry.notFound'); // unknown contact, or a contact_type that does not match
		store.update(type, linked.id, body);
	}
	// `addresses: []` reaches this update and unlinks every address of the contact.
	return store.populate('contact', store.update('contact', id, body));
}

// Cascade in code: individual/organization, addresses, contact tags, activity assignees. The
// delete answers null for an unknown id and the controller then reads its `individual` (observed:
// 400 "Cannot read property 'individual' of null").
function remove(r) {
	const { store } = r;
	const row = store.findRow('contact', r.params.id);
	if (!row) throw nullPropertyError('individual', r.config);
	const dependants = [
		...['individual', 'organization'].flatMap((m) => store.where(m, { contact: row.id }).map((x) => [m, x.id])),
		...[row.individual && ['individual', row.individual], row.organization && ['organization', row.organization]].filter(Boolean),
		...['address', 'contacttag', 'activityassignee'].flatMap((m) => store.where(m, { contact: row.id }).map((x) => [m, x.id])),
	];
	const snapshot = store.remove('contact', row.id);
	for (const [model, id] of dependants) if (store.get(model, id)) store.remove(model, id);
	return snapshot; // the deleted contact, 200
}

function registerContactRoutes(router) {
	registerCrud(router, {
		path: 'contact',
		model: 'contact',
		controller: 'contact',
		hasCount: false, // GET /contact/count falls into /:id
		handlers: {
			find: (r) => listRows(r, 'contact').map((row) => r.store.populate('contact', row)),
			findOne: (r) => r.store.populate('contact', r.q.findOne('contact', r.params.id)), // null → 404
			create,
			update,
			delete: remove,
		},
	});
}

module.exports = { registerContactRoutes };
