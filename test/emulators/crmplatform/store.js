'use strict';
// In-memory database behind strapi.query(): tables, id sequences, clock, writes and one-level population.

const { MODELS } = require('./models');
const { ControllerError, dbErrors } = require('./errors');
const { castValue, isInvalid } = require('./types');
const { createFkIndex } = require('./fkindex');

const toDate = (value) => (value instanceof Date ? value : new Date(value));

function createStore({ now, config }) {
	const state = { tables: {}, nextIds: {} };
	const index = {};
	for (const name of Object.keys(MODELS)) {
		state.tables[name] = [];
		state.nextIds[name] = 1;
		index[name] = new Map();
	}
	const flavour = () => config.database;
	const timestamp = () => toDate(now()).toISOString(); // created_at/updated_at follow the injectable clock
	const rows = (name) => state.tables[name];
	const get = (name, id) => index[name].get(Number(id));

	// Lookups by a relation (FK) column go through an index; FK columns must only change via fk.set
	// (tests that edit `state.tables` in place should call store.reindex()).
	const fk = createFkIndex(rows);
	const isFk = (name, column) => Boolean(MODELS[name].rel[column] && MODELS[name].rel[column].kind === 'one');
	function where(name, match) {
		const keys = Object.keys(match);
		if (!keys.length || !isFk(name, keys[0])) return rows(name).filter((row) => keys.every((k) => row[k] === match[k]));
		return fk.lookup(name, keys[0], match[keys[0]]).filter((row) => keys.every((k) => row[k] === match[k]));
	}
	function assign(name, row, columns) {
		for (const [key, value] of Object.entries(columns)) {
			if (isFk(name, key)) fk.set(name, row, key, value);
			else row[key] = value;
		}
	}

	// A relation value as the connector accepts it: id, numeric string or { id }.
	function relationId(name, value) {
		if (value === null || value === undefined || value === '') return null;
		const raw = typeof value === 'object' && !Array.isArray(value) ? value.id : value;
		const id = castValue(flavour(), MODELS[name].table, 'integer', raw);
		return isInvalid(id) ? null : id;
	}

	// Only model attributes are written (Strapi's selectAttributes); unknown keys are ignored.
	function writable(name, values) {
		const model = MODELS[name];
		const columns = {};
		const many = {};
		for (const [key, type] of Object.entries(model.attrs)) {
			if (!(key in values)) continue;
			const cast = castValue(flavour(), model.table, type, values[key]);
			columns[key] = isInvalid(cast) ? cast.raw : cast;
		}
		for (const [alias, rel] of Object.entries(model.rel)) {
			if (!(alias in values)) continue;
			if (rel.kind === 'one') columns[alias] = relationId(name, values[alias]);
			else if (Array.isArray(values[alias])) many[alias] = values[alias].map((v) => relationId(name, v)).filter((v) => v !== null);
		}
		return { columns, many };
	}

	// Unique indexes: NULLs never clash; the database reports the first violated index.
	function checkUnique(name, row, columns, isUpdate) {
		const model = MODELS[name];
		for (const column of model.unique || []) {
			if (row[column] === null || row[column] === undefined) continue;
			if (rows(name).some((other) => other.id !== row.id && other[column] === row[column])) {
				throw dbErrors.unique(flavour(), model.table, Object.keys(columns).sort(), column, isUpdate, row[column]);
			}
		}
	}

	function syncOneToOne(name, row, columns) {
		for (const [alias, rel] of Object.entries(MODELS[name].rel)) {
			if (!rel.oneToOne || !(alias in columns)) continue;
			for (const partner of where(rel.model, { [rel.oneToOne]: row.id })) if (partner.id !== row[alias]) fk.set(rel.model, partner, rel.oneToOne, null);
			const target = row[alias] !== null ? get(rel.model, row[alias]) : undefined;
			if (target) fk.set(rel.model, target, rel.oneToOne, row.id);
		}
	}

	// To-many aliases sent as id arrays set the other side's FK (Strapi updateRelations).
	function applyMany(name, id, many) {
		for (const [alias, ids] of Object.entries(many)) {
			const rel = MODELS[name].rel[alias];
			for (const other of where(rel.model, { [rel.via]: id })) if (!ids.includes(other.id)) fk.set(rel.model, other, rel.via, null);
			for (const otherId of ids) {
				const other = get(rel.model, otherId);
				if (other) fk.set(rel.model, other, rel.via, id);
			}
		}
	}

	// NOT NULL columns without a default (`notNull` in the model): left out of an insert or set to null → database error.
	function checkNotNull(name, columns, isInsert) {
		const model = MODELS[name];
		for (const column of model.notNull || []) {
			if (isInsert && !(column in columns)) throw dbErrors.noDefault(flavour(), model.table, Object.keys(columns).concat(model.noTimestamps ? [] : ['created_at', 'updated_at']), column);
			if (column in columns && columns[column] === null) throw dbErrors.nullValue(flavour(), model.table, column);
		}
	}

	function insert(name, values = {}) {
		const model = MODELS[name];
		const { columns, many } = writable(name, values && typeof values === 'object' ? values : {});
		checkNotNull(name, columns, true);
		const row = { id: state.nextIds[name] };
		for (const key of Object.keys(model.attrs)) row[key] = null;
		for (const [alias, rel] of Object.entries(model.rel)) if (rel.kind === 'one') row[alias] = null;
		Object.assign(row, model.defaults || {}, columns);
		if (!model.noTimestamps) row.created_at = row.updated_at = timestamp();
		checkUnique(name, row, { ...columns, ...(model.noTimestamps ? {} : { created_at: 1, updated_at: 1 }) }, false);
		state.nextIds[name] += 1; // sequences are not reused after deletes
		rows(name).push(row);
		index[name].set(row.id, row);
		fk.added(name, row);
		syncOneToOne(name, row, columns);
		applyMany(name, row.id, many);
		return row;
	}

	// Strapi's update throws `entry.notFound` for a missing row; the plugin answers 400.
	function requireRow(name, id) {
		const row = findRow(name, id);
		if (!row) throw new ControllerError('entry.notFound');
		return row;
	}

	function findRow(name, id) {
		if (!/^\s*[-+]?\d+\s*$/.test(String(id))) castValue(flavour(), MODELS[name].table, 'integer', id); // Postgres rejects "abc"
		return get(name, id);
	}

	function update(name, id, values = {}) {
		const row = requireRow(name, id);
		const { columns, many } = writable(name, values && typeof values === 'object' ? values : {});
		checkNotNull(name, columns, false);
		const candidate = { ...row, ...columns };
		checkUnique(name, candidate, { ...columns, updated_at: 1 }, true);
		assign(name, row, columns);
		if (!MODELS[name].noTimestamps) row.updated_at = timestamp();
		// [uncertain] Postgres writes an updated row as a new heap tuple, so unsorted lists return it last.
		if (config.database === 'postgres' && config.updateMovesRow) {
			const table = rows(name);
			table.splice(table.indexOf(row), 1);
			table.push(row);
		}
		syncOneToOne(name, row, columns);
		applyMany(name, row.id, many);
		return row;
	}

	// Deleting clears the relations the model declares (to-many → other side's FK = null, one-to-one
	// partner); one-way references from other tables (address.country …) stay dangling. A missing row
	// is no error in Strapi 3.6: the delete answers null (observed: DELETE of an unknown activity → 404).
	function remove(name, id) {
		const row = findRow(name, id);
		if (!row) return null;
		const snapshot = populate(name, row);
		for (const rel of Object.values(MODELS[name].rel)) {
			const column = rel.kind === 'many' ? rel.via : rel.oneToOne;
			if (column) for (const other of where(rel.model, { [column]: row.id })) fk.set(rel.model, other, column, null);
		}
		rows(name).splice(rows(name).indexOf(row), 1);
		index[name].delete(row.id);
		fk.removed(name, row);
		return snapshot;
	}

	// Relations populated one level deep: nested rows show their own FKs as ids and no to-many lists.
	function populate(name, row, depth = 0) {
		if (!row) return null;
		const model = MODELS[name];
		const out = { id: row.id };
		for (const key of Object.keys(model.attrs)) if (!(model.private || []).includes(key)) out[key] = row[key];
		for (const [alias, rel] of Object.entries(model.rel)) {
			if (rel.kind === 'one') out[alias] = depth > 0 ? row[alias] : row[alias] === null ? null : populate(rel.model, get(rel.model, row[alias]), depth + 1);
			else if (depth === 0) out[alias] = where(rel.model, { [rel.via]: row.id }).map((other) => populate(rel.model, other, depth + 1));
		}
		if (!model.noTimestamps) Object.assign(out, { created_at: row.created_at, updated_at: row.updated_at });
		return out;
	}

	const reindex = () => fk.reset();

	return { state, timestamp, rows, get, where, insert, update, remove, populate, requireRow, findRow, reindex };
}

module.exports = { createStore };
