'use strict';
// controllers/common/base.js: the generic CRUD used by activity types, activity assignees, contact tags,
// countries, states, districts and villages, plus the shared checkParams.

const { textReply } = require('./http');

// services/utils.js checkParams: lodash isEmpty → "Parameters are empty"; then key presence only.
function isEmpty(value) {
	if (value === null || value === undefined) return true;
	if (typeof value === 'string' || Array.isArray(value)) return value.length === 0;
	if (typeof value === 'object') return Object.keys(value).length === 0;
	return true; // lodash: numbers and booleans are "empty"
}

function checkParams(body, required, counters) {
	let message;
	if (isEmpty(body)) message = 'Parameters are empty';
	else if (required.some((key) => !Object.keys(body).includes(key))) message = 'Required Parameters are missing';
	if (!message) return undefined;
	counters.plainTextErrors += 1;
	return textReply(message);
}

const asObject = (body) => (body && typeof body === 'object' && !Array.isArray(body) ? body : {});

// Lists use search() when `_q` is truthy, else find().
const listRows = (r, model) => (r.query._q ? r.q.search(model, r.query) : r.q.find(model, r.query));

function genericController(model, required) {
	return {
		find: (r) => listRows(r, model).map((row) => r.store.populate(model, row)),
		count: (r) => (r.query._q ? r.q.countSearch(model, r.query) : r.q.count(model, r.query)), // bare integer
		findOne: (r) => r.store.populate(model, r.q.findOne(model, r.params.id)), // null → 404
		create: (r) => checkParams(r.body, required, r.counters) || r.store.populate(model, r.store.insert(model, asObject(r.body))),
		update: (r) => r.store.populate(model, r.store.update(model, r.params.id, asObject(r.body))), // missing → 400 entry.notFound
		delete: (r) => r.store.remove(model, r.params.id), // missing → null → 404
	};
}

// Registers the standard route set; `/count` only where lists it.
function registerCrud(router, { path, model, controller, hasCount, handlers }) {
	const base = `/crm-plugin/${path}`;
	const action = (name) => ({ action: `crm-plugin.${controller}.${name}`, plugin: true });
	router.add('GET', base, handlers.find, action('find'));
	if (hasCount) router.add('GET', `${base}/count`, handlers.count, action('count'));
	router.add('GET', `${base}/:id`, handlers.findOne, action('findOne'));
	router.add('POST', base, handlers.create, action('create'));
	router.add('PUT', `${base}/:id`, handlers.update, action('update'));
	router.add('DELETE', `${base}/:id`, handlers.delete, action('delete'));
	return model;
}

// required keys for the generic models.
const GENERIC = [
	{ path: 'activitytypes', model: 'activitytype', required: ['name'] },
	{ path: 'activityassignees', model: 'activityassignee', required: [] },
	{ path: 'contacttags', model: 'contacttag', required: [] },
	{ path: 'countries', model: 'country', required: ['name', 'abbreviation', 'is_active'] },
	{ path: 'states', model: 'state', required: ['name'] },
	{ path: 'districts', model: 'district', required: ['name'] },
	{ path: 'villages', model: 'village', required: ['name'] },
];

function registerGenericRoutes(router) {
	for (const { path, model, required } of GENERIC) registerCrud(router, { path, model, controller: model, hasCount: true, handlers: genericController(model, required) });
}

module.exports = { checkParams, asObject, listRows, genericController, registerCrud, registerGenericRoutes };
