'use strict';
// uniform CRUD: get one / get many / create / full-record update / delete, with the
// action envelope, validation (400 + Status 500) and business failures (200).

const { blankRecord, serialize } = require('./entities');
const { defaultValue, coerce, checkValue } = require('./fields');
const { ok, actionOk, validationFailed, businessFailure, notFound, serverError } = require('./replies');

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const sameValue = (a, b) => JSON.stringify(a) === JSON.stringify(b);

// JSON.NET binds property names case-insensitively: `fullname` fills FullName.
function readInput(entity, body) {
	const keys = new Map(Object.keys(body).map((k) => [k.toLowerCase(), k]));
	const input = {};
	for (const name of Object.keys(entity.fields)) if (keys.has(name.toLowerCase())) input[name] = body[keys.get(name.toLowerCase())];
	return input;
}

// the body is the complete record — every writable field left out is reset to null/default.
function buildRecord(entity, body, base, ctx) {
	const input = readInput(entity, body);
	const record = { ...base };
	const errors = [];
	const invalid = new Set();
	for (const [name, field] of Object.entries(entity.fields)) {
		if ((field.createOnly && ctx.op !== 'create') || (field.updateOnly && ctx.op !== 'update')) continue;
		const present = name in input;
		const coerced = present ? coerce(field, input[name]) : { value: defaultValue(field) };
		if (coerced.error) {
			errors.push({ PropertyName: name, Message: coerced.error, AttemptedValue: input[name] });
			invalid.add(name);
		}
		if (!field.transient) record[name] = coerced.error ? defaultValue(field) : coerced.value;
	}
	for (const [name, field] of Object.entries(entity.fields)) {
		if (field.transient || invalid.has(name)) continue;
		const message = checkValue(field, record[name], ctx.store.exists);
		if (message) errors.push({ PropertyName: name, Message: message, AttemptedValue: name in input ? input[name] : null });
	}
	return { record, errors, input };
}

function checkRecord(entity, record, input, ctx, errors) {
	if (entity.prepare) entity.prepare(record, input, ctx);
	errors.push(...(entity.validate ? entity.validate(record, ctx) : []));
	if (errors.length) {
		ctx.counters.validationErrors += 1;
		return validationFailed(errors);
	}
	const failure = entity.rule && entity.rule(record, ctx);
	if (failure) {
		ctx.counters.businessRuleFailures += 1;
		if (entity.failureEvents) ctx.emitActions(entity, entity.failureEvents, { ...record, Id: record.Id || 0 });
		return businessFailure(failure);
	}
	return undefined;
}

function getOne(entity, id, ctx) {
	const record = ctx.store.find(entity.table, id);
	return record ? ok(serialize(entity, record, ctx)) : notFound();
}

// `GET …/?id=[1,2,3]` → JSON array of full records; unknown ids are left out.
function getMany(entity, text, ctx) {
	const ids = String(text).replace(/^\s*\[|\]\s*$/g, '').split(',').map((s) => s.trim()).filter((s) => /^\d+$/.test(s)).map(Number);
	return ok(ids.map((id) => ctx.store.find(entity.table, id)).filter(Boolean).map((record) => serialize(entity, record, ctx)));
}

function create(entity, body, ctx) {
	if (!isObject(body)) return serverError(); // null model → unhandled exception [uncertain]
	ctx.op = 'create';
	const { record, errors, input } = buildRecord(entity, body, blankRecord(entity), ctx);
	const refusal = checkRecord(entity, record, input, ctx, errors);
	if (refusal) return refusal;
	const at = ctx.store.stamp();
	Object.assign(record, { Id: undefined, UniqueId: undefined, CreatedOn: at, UpdatedOn: at, UpdatedBy: ctx.user.Email });
	ctx.store.insert(entity.table, record);
	if (entity.afterWrite) entity.afterWrite(record, input, ctx);
	ctx.counters.created += 1;
	ctx.emit(entity, 'create', null, record);
	// Value carries the Id only (the documented create example); clients GET the record.
	return actionOk({ message: `${entity.label} was successfully created.`, value: { Id: record.Id }, updatedOn: record.UpdatedOn, updatedBy: record.UpdatedBy });
}

// PUT to the collection URL with `Id` inside the body; unknown or missing Id →.
function update(entity, body, ctx) {
	if (!isObject(body)) return serverError();
	const idKey = Object.keys(body).find((k) => k.toLowerCase() === 'id');
	const existing = idKey && /^\d+$/.test(String(body[idKey])) ? ctx.store.find(entity.table, body[idKey]) : undefined;
	if (!existing) return notFound();
	ctx.op = 'update';
	const before = structuredClone(existing);
	const base = { Id: existing.Id, UniqueId: existing.UniqueId, CreatedOn: existing.CreatedOn, UpdatedOn: existing.UpdatedOn, UpdatedBy: existing.UpdatedBy };
	for (const name of Object.keys(entity.stored)) base[name] = existing[name];
	const { record, errors, input } = buildRecord(entity, body, base, ctx);
	const refusal = checkRecord(entity, record, input, ctx, errors);
	if (refusal) return refusal;

	const cleared = Object.entries(entity.fields)
		.filter(([name, field]) => !field.transient && !(name in input) && !sameValue(existing[name], defaultValue(field)))
		.map(([name]) => name);
	if (cleared.length) {
		ctx.counters.fieldsClearedByPut += cleared.length;
		ctx.store.log('putClears', { entity: entity.entity, id: existing.Id, fields: cleared });
	}
	Object.assign(existing, record, { UpdatedOn: ctx.store.stamp(), UpdatedBy: ctx.user.Email });
	if (entity.afterWrite) entity.afterWrite(existing, input, ctx);
	ctx.counters.updated += 1;
	ctx.emit(entity, 'update', before, existing);
	return actionOk({ message: `${entity.label} was successfully updated.`, value: { Id: existing.Id }, updatedOn: existing.UpdatedOn, updatedBy: existing.UpdatedBy });
}

function remove(entity, id, ctx) {
	const record = ctx.store.find(entity.table, id);
	if (!record) return notFound();
	ctx.op = 'delete';
	const refusal = entity.canDelete && entity.canDelete(record, ctx);
	if (refusal) {
		ctx.counters.businessRuleFailures += 1;
		return businessFailure(refusal);
	}
	ctx.store.remove(entity.table, record.Id);
	ctx.counters.deleted += 1;
	ctx.emit(entity, 'delete', record, null);
	return actionOk({ message: 'The record was deleted successfully.', value: null, updatedOn: ctx.store.stamp(), updatedBy: ctx.user.Email });
}

// Used by commands: a partial change saved like an update (UpdatedOn/By, update webhooks).
function applyPatch(entity, record, patch, ctx) {
	const before = structuredClone(record);
	Object.assign(record, patch, { UpdatedOn: ctx.store.stamp(), UpdatedBy: ctx.user.Email });
	ctx.emit(entity, 'update', before, record);
}

module.exports = { getOne, getMany, create, update, remove, applyPatch };
