'use strict';
// controllers/contact.js (§3.3): singular path /crm-plugin/contact, no /count.

const { ControllerError } = require('./errors');
const { checkParams, asObject, listRows, registerCrud } = require('./generic');

// strapi.query(contact_type): only the two sub-models exist [uncertain → harsher: other values fail
// with Strapi's "model can't be found" after the addresses were already written].
function subModel(type) {
	if (type === 'individual' || type === 'organization') return type;
	throw new ControllerError(`The model ${type} can't be found.`);
}

function create(r) {
	const missing = checkParams(r.body, ['name', 'contact_type'], r.counters);
	if (missing) return missing; // C4/C5: 200 text/plain
	const { store } = r;
	const body = asObject(r.body);
	// §3.3 order: addresses first, then the individual/organization row, then the contact.
	const addressIds = Array.isArray(body.addresses) ? body.addresses.map((entry) => store.insert('address', asObject(entry)).id) : [];
	const type = subModel(body.contact_type);
	const sub = store.insert(type, body); // first_name/last_name (individual) or name (organization) from the top level
	// body keys win over the new link (Object.assign(orgOtherDetails, body)); addresses become the new ids
	const contact = store.insert('contact', { [type]: sub.id, ...body, addresses: addressIds });
	return store.populate('contact', contact); // HTTP 200, relations one level deep
}

function update(r) {
	const { store } = r;
	const body = asObject(r.body);
	const { addresses, ...rest } = body;
	// §3.3: the contact is written first [uncertain → harsher: a later failure leaves it changed].
	const contact = store.update('contact', r.params.id, rest);
	if ('contact_type' in body) {
		const type = subModel(body.contact_type);
		const linked = store.where(type, { contact: contact.id })[0]; // found by {contact: id}
		if (!linked) throw new ControllerError('entry.notFound'); // contact_type does not match the linked row
		store.update(type, linked.id, body);
	}
	if (Array.isArray(addresses)) {
		const hadAddresses = store.where('address', { contact: contact.id }).length > 0;
		for (const entry of addresses.map(asObject)) {
			if (entry.id !== undefined && entry.id !== null) store.update('address', entry.id, entry);
			else if (!hadAddresses) store.insert('address', { ...entry, contact: contact.id }); // new ones only when there were none
		}
	}
	return store.populate('contact', store.get('contact', contact.id));
}

// Cascade in code (§3.3): individual/organization, addresses, contact tags, activity assignees.
function remove(r) {
	const { store } = r;
	const row = store.requireRow('contact', r.params.id);
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
		hasCount: false, // GET /contact/count falls into /:id (§3.1)
		handlers: {
			find: (r) => listRows(r, 'contact').map((row) => r.store.populate('contact', row)),
			findOne: (r) => r.store.populate('contact', r.q.findOne('contact', r.params.id)), // null → 404 (C7)
			create,
			update,
			delete: remove,
		},
	});
}

module.exports = { registerContactRoutes };
