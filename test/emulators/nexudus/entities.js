'use strict';
// Entity registry (uniform URL scheme) and DTO serialisation: full records for GET by id
// and webhooks, partial rows for lists (: no collection properties, no long text fields).

const { defaultValue, clone } = require('./fields');

const ALL_METHODS = ['list', 'get', 'create', 'update', 'delete'];
// on every record.
const COMMON = ['Id', 'UniqueId', 'CreatedOn', 'UpdatedOn', 'UpdatedBy', 'IsNew', 'ToStringText', 'LocalizationDetails'];

function normalise(def) {
	return { methods: ALL_METHODS, relations: {}, stored: {}, commands: [], ...def, role: def.role || def.entity };
}

const ENTITIES = [
	...require('./sys').entities,
	...require('./spaces').entities,
	...require('./bookings').entities,
	...require('./billing').entities,
].map(normalise);

const byPath = new Map(ENTITIES.map((e) => [e.path.toLowerCase(), e]));
const byTable = new Map(ENTITIES.map((e) => [e.table, e]));

// A blank record: writable fields at their defaults plus the stored read-only fields.
function blankRecord(entity) {
	const record = {};
	for (const [name, field] of Object.entries(entity.fields)) if (!field.transient) record[name] = defaultValue(field);
	for (const [name, value] of Object.entries(entity.stored)) record[name] = clone(value);
	return record;
}

// collection properties and long text (e.g. a webhook's Description) are left out of list rows.
// The reference names only Description; leaving out every long text field is the harsher reading.
const omittedInRows = (field) => field.type === 'ids' || field.type === 'strings' || field.longText;

function serialize(entity, record, ctx, { row = false } = {}) {
	const out = {};
	for (const [name, field] of Object.entries(entity.fields)) {
		if (row && omittedInRows(field)) continue;
		out[name] = field.transient ? defaultValue(field) : clone(record[name]);
	}
	for (const name of Object.keys(entity.stored)) out[name] = clone(record[name]);
	if (entity.derive) Object.assign(out, entity.derive(record, ctx));
	out.Id = record.Id;
	out.UniqueId = record.UniqueId;
	out.CreatedOn = record.CreatedOn;
	out.UpdatedOn = record.UpdatedOn;
	out.UpdatedBy = record.UpdatedBy;
	out.IsNew = false;
	out.ToStringText = entity.toStringText ? entity.toStringText(record, ctx) : String(record.Id);
	out.LocalizationDetails = null;
	return out;
}

// Names of every DTO property (used to resolve orderBy and filters case-insensitively).
const nameCache = new Map();
function dtoNames(entity, ctx) {
	if (!nameCache.has(entity)) {
		const probe = { ...blankRecord(entity), Id: 0 };
		const derived = entity.derive ? Object.keys(entity.derive(probe, ctx)) : [];
		nameCache.set(entity, [...Object.keys(entity.fields), ...Object.keys(entity.stored), ...derived, ...COMMON]);
	}
	return nameCache.get(entity);
}

const findName = (names, wanted) => names.find((n) => n.toLowerCase() === String(wanted).toLowerCase());

// The payload entity for an action, for control-route deliveries without an explicit payload.
const ACTION_TABLES = { coworkers: [2, 3, 9, 50], bookings: [6, 7, 8], checkins: [35, 36, 37, 47, 48, 49], teams: [57, 58, 59], coworkerinvoices: [15, 16, 17, 18, 19, 20, 21, 22, 23, 24], tariffs: [74, 75, 76], products: [81, 82, 83], businesses: [84] };
const tableForAction = (action) => Object.keys(ACTION_TABLES).find((table) => ACTION_TABLES[table].includes(action));

module.exports = { ENTITIES, byPath, byTable, COMMON, blankRecord, serialize, dtoNames, findName, omittedInRows, tableForAction };
