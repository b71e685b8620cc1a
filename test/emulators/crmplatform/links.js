'use strict';
// Tags and activities: `contacts: [ids]` on create/update writes link rows (contacttag /
// activityassignee) and responses gain a `contacts` array of full contact objects.

const { ControllerError, nullPropertyError } = require('./errors');
const { checkParams, asObject, listRows, registerCrud } = require('./generic');

const LINKS = {
	tag: { path: 'tags', controller: 'tag', link: 'contacttag', alias: 'contacttags', required: ['name'] },
	activity: { path: 'activities', controller: 'activity', link: 'activityassignee', alias: 'activityassignees', required: ['title'] },
};

// `contacts` must be an array; anything else truthy breaks the controller's `.map` (→ 400).
function contactIds(body) {
	if (!body.contacts) return [];
	if (!Array.isArray(body.contacts)) throw new ControllerError('ctx.request.body.contacts.map is not a function');
	return body.contacts;
}

function linkedController(model) {
	const spec = LINKS[model];
	// entity.contacts = strapi.query('contact').find({ <links>: ids }) — a find(), so capped at 100 rows.
	// The key is only added when links exist [uncertain → harsher: clients cannot rely on it].
	function withContacts(r, row) {
		const out = r.store.populate(model, row);
		// The same rows as that find() (table order, first 100), without a relation scan per contact.
		const linked = new Set(out[spec.alias].map((link) => link.contact));
		if (linked.size) out.contacts = r.store.rows('contact').filter((c) => linked.has(c.id)).slice(0, 100).map((c) => r.store.populate('contact', c));
		return out;
	}

	function addLinks(r, ownerId, ids, { skipExisting }) {
		for (const contact of ids) {
			if (skipExisting && r.store.where(spec.link, { [model]: Number(ownerId), contact: Number(contact) }).length) continue;
			r.store.insert(spec.link, { [model]: ownerId, contact }); // the same id twice on create → duplicate links
		}
	}

	return {
		find: (r) => listRows(r, model).map((row) => withContacts(r, row)),
		findOne(r) {
			const row = r.q.findOne(model, r.params.id);
			if (!row && model === 'tag') throw nullPropertyError('contacttags', r.config); // 400, not 404
			return row ? withContacts(r, row) : null; // activities: 404
		},
		create(r) {
			const missing = checkParams(r.body, spec.required, r.counters);
			if (missing) return missing;
			const body = asObject(r.body);
			const row = r.store.insert(model, body);
			addLinks(r, row.id, contactIds(body), { skipExisting: false });
			return withContacts(r, row);
		},
		// PUT: links that do not exist yet are added BEFORE the row is looked up [uncertain → harsher:
		// a PUT on a missing id leaves orphan links and still answers 400 entry.notFound].
		// The reference documents this for tags; activities are treated the same [uncertain].
		update(r) {
			const body = asObject(r.body);
			addLinks(r, r.params.id, contactIds(body), { skipExisting: true });
			const row = r.store.update(model, r.params.id, body);
			return model === 'tag' ? withContacts(r, row) : r.store.populate(model, row);
		},
		// The controller deletes the owner's link rows first, then the row (missing → null → 404, observed for activities).
		delete(r) {
			const id = /^\s*\d+\s*$/.test(String(r.params.id)) ? Number(r.params.id) : r.params.id;
			for (const link of r.store.where(spec.link, { [model]: id })) r.store.remove(spec.link, link.id);
			return r.store.remove(model, r.params.id);
		},
	};
}

function registerLinkedRoutes(router) {
	for (const [model, spec] of Object.entries(LINKS)) {
		registerCrud(router, { path: spec.path, model, controller: spec.controller, hasCount: false, handlers: linkedController(model) });
	}
}

module.exports = { registerLinkedRoutes };
