'use strict';
// Strapi v3 REST query parameters: strapi-utils convertRestQueryParams + the bookshelf
// connector's buildQuery (filters incl. dotted relation paths, sort, offset, limit) and search().

const { MODELS, columnType } = require('./models');
const { ControllerError, dbErrors } = require('./errors');
const { castValue, isInvalid, compareCells, likeToRegExp } = require('./types');

const OPERATORS = ['eq', 'ne', 'in', 'nin', 'contains', 'ncontains', 'containss', 'ncontainss', 'lt', 'lte', 'gt', 'gte', 'null'];
const DEFAULT_LIMIT = 100; // convert-rest-query-params defaults { start: 0, limit: 100 }
const PG_TYPE_NAME = { integer: 'integer', boolean: 'boolean', datetime: 'timestamp with time zone' };

// Koa + qs: `a=1&a=2` and `a[]=1` → arrays, `a[b]=1` → objects (one level is enough here).
function parseQuery(searchParams) {
	const out = {};
	for (const [rawKey, value] of searchParams) {
		const m = /^([^[\]]+)\[([^\]]*)\]/.exec(rawKey);
		if (!m) {
			out[rawKey] = rawKey in out ? [].concat(out[rawKey], value) : value;
			continue;
		}
		const [, key, sub] = m;
		if (sub === '' || /^\d+$/.test(sub)) out[key] = [].concat(out[key] ?? [], value);
		else out[key] = { ...(typeof out[key] === 'object' && !Array.isArray(out[key]) ? out[key] : {}), [sub]: value };
	}
	return out;
}

const toNumber = (value) => (Array.isArray(value) ? (value.length === 1 ? Number(value[0]) : NaN) : typeof value === 'string' && value.trim() === '' ? 0 : Number(value));

function convertSort(sort) {
	if (typeof sort !== 'string') throw new ControllerError(`convertSortQueryParams expected a string, got ${typeof sort}`);
	return sort.split(',').map((part) => {
		const [field, order = 'asc'] = part.split(':');
		if (field.length === 0) throw new ControllerError('Field cannot be empty');
		if (!['asc', 'desc'].includes(order.toLowerCase())) throw new ControllerError('order can only be one of asc|desc|ASC|DESC');
		return { field, order: order.toLowerCase() };
	});
}

// invalid `_limit`/`_start` make the parser throw → 400 with this exact text.
function convertRestQueryParams(params) {
	const filters = { start: 0, limit: DEFAULT_LIMIT, sort: [], where: [] };
	if ('_sort' in params) filters.sort = convertSort(params._sort);
	if ('_start' in params) {
		const start = toNumber(params._start);
		if (!Number.isInteger(start) || start < 0) throw new ControllerError(`convertStartQueryParams expected a positive integer got ${start}`);
		filters.start = start;
	}
	if ('_limit' in params) {
		const limit = toNumber(params._limit);
		if (!Number.isInteger(limit) || (limit !== -1 && limit < 0)) throw new ControllerError(`convertLimitQueryParams expected a positive integer got ${limit}`);
		filters.limit = limit; // -1 = no limit; 0 = LIMIT 0 (empty page)
	}
	for (const [key, value] of Object.entries(params)) {
		if (['_sort', '_start', '_limit'].includes(key)) continue;
		const cut = key.lastIndexOf('_');
		const operator = cut > 0 ? key.slice(cut + 1) : '';
		// `field_op` only when op is a known operator; `contact_type=x` stays a plain field (eq).
		filters.where.push(OPERATORS.includes(operator) ? { field: key.slice(0, cut), operator, value } : { field: key, operator: 'eq', value });
	}
	return filters;
}

function createQueryEngine(store, config) {
	const flavour = () => config.database;

	function valuePredicate(table, type, operator, value) {
		if (Array.isArray(value) && operator === 'eq') return valuePredicate(table, type, 'in', value); // OR of equals = IN
		if (Array.isArray(value) && !['in', 'nin'].includes(operator)) {
			const parts = value.map((v) => valuePredicate(table, type, operator, v));
			return (cell) => parts.some((p) => p(cell)); // repeated keys are OR-ed
		}
		if (value !== null && typeof value === 'object' && !Array.isArray(value)) throw new ControllerError('Undefined binding(s) detected when compiling SELECT query');
		const cast = (v) => castValue(flavour(), table, type, v);
		const isText = type === 'string' || type === 'text';
		switch (operator) {
			case 'null':
				return String(value) === 'false' ? (cell) => cell !== null : (cell) => cell === null;
			case 'in':
			case 'nin': {
				const list = [].concat(value).map(cast).filter((v) => !isInvalid(v));
				const set = type === 'integer' || type === 'boolean' ? new Set(list) : null;
				const has = set ? (cell) => set.has(cell) : (cell) => list.some((v) => compareCells(type, cell, v, flavour()) === 0);
				return operator === 'in' ? (cell) => cell !== null && has(cell) : (cell) => cell !== null && !has(cell); // SQL: NULL NOT IN (…) is not true
			}
			case 'contains':
			case 'ncontains':
			case 'containss':
			case 'ncontainss': {
				if (!isText && flavour() === 'postgres') throw operator.endsWith('ss') ? new ControllerError(`operator does not exist: ${PG_TYPE_NAME[type]} ~~ unknown`) : dbErrors.noLower(flavour(), table, PG_TYPE_NAME[type]);
				// _contains is case-insensitive; _containss is a plain LIKE, case-sensitive only on Postgres
				// (SQLite's LIKE ignores ASCII case, MariaDB's follows the case-insensitive collation).
				const regexp = likeToRegExp(`%${value}%`, !operator.endsWith('ss') || flavour() !== 'postgres');
				const negate = operator.startsWith('n');
				return (cell) => cell !== null && regexp.test(String(cell)) !== negate;
			}
			default: {
				const v = cast(value);
				if (isInvalid(v)) return operator === 'ne' ? (cell) => cell !== null : () => false;
				const test = { eq: (c) => c === 0, ne: (c) => c !== 0, lt: (c) => c < 0, lte: (c) => c <= 0, gt: (c) => c > 0, gte: (c) => c >= 0 }[operator];
				return (cell) => cell !== null && test(compareCells(type, cell, v, flavour())); // comparisons with NULL are never true
			}
		}
	}

	// Dotted paths join relations (LEFT JOIN: no related row behaves like an all-NULL row).
	function clausePredicate(modelName, parts, operator, value) {
		const model = MODELS[modelName];
		const [key, ...rest] = parts;
		const rel = model.rel[key];
		if (rel) {
			const sub = clausePredicate(rel.model, rest.length ? rest : ['id'], operator, value);
			const related = rel.kind === 'one' ? (row) => [row[key] === null ? null : store.get(rel.model, row[key]) || null] : (row) => store.where(rel.model, { [rel.via]: row.id });
			return (row) => {
				const list = row ? related(row) : [];
				return (list.length ? list : [null]).some(sub);
			};
		}
		const type = columnType(modelName, key); // an attribute key ends the path (Strapi ignores the rest)
		if (!type) throw dbErrors.unknownColumn(flavour(), model.table, key);
		const test = valuePredicate(model.table, type, operator, value);
		return (row) => test(row ? row[key] : null);
	}

	function wherePredicate(modelName, where) {
		const tests = where.map(({ field, operator, value }) => clausePredicate(modelName, field.split('.'), operator, value));
		return (row) => tests.every((t) => t(row));
	}

	function sorter(modelName, sort) {
		const keys = sort.map(({ field, order }) => {
			const type = columnType(modelName, field);
			if (!type) throw field.includes('.') ? dbErrors.missingTable(flavour(), MODELS[modelName].table, field.split('.')[0]) : dbErrors.unknownColumn(flavour(), MODELS[modelName].table, field, 'order clause');
			return { field, type, dir: order === 'desc' ? -1 : 1 };
		});
		// Postgres puts NULLs last ascending / first descending; SQLite the other way round.
		const nullsHigh = flavour() === 'postgres';
		return (a, b) => {
			for (const { field, type, dir } of keys) {
				const x = a[field];
				const y = b[field];
				if (x === y) continue;
				if (x === null || y === null) return (x === null ? 1 : -1) * (nullsHigh ? 1 : -1) * dir;
				const c = compareCells(type, x, y, flavour());
				if (c) return c * dir;
			}
			return 0;
		};
	}

	function page(list, start, limit) {
		return list.slice(start, limit >= 0 ? start + limit : undefined);
	}

	function find(modelName, params = {}) {
		const filters = convertRestQueryParams(params);
		const predicate = wherePredicate(modelName, filters.where);
		const list = store.rows(modelName).filter(predicate); // unsorted = table (heap) order
		if (filters.sort.length) list.sort(sorter(modelName, filters.sort));
		return page(list, filters.start, filters.limit);
	}

	function count(modelName, params = {}) {
		const filters = convertRestQueryParams(params); // _limit/_start/_sort are still validated
		return store.rows(modelName).filter(wherePredicate(modelName, filters.where)).length;
	}

	// search() (`_q`) [uncertain → harsher]: other filters are ignored, no default limit, single sort key;
	// Postgres does a full-text match (whole words), SQLite and MariaDB a substring LIKE.
	function searchMatches(modelName, q) {
		const model = MODELS[modelName];
		const textFields = Object.entries(model.attrs).filter(([, t]) => t === 'string' || t === 'text').map(([k]) => k);
		const boolFields = Object.entries(model.attrs).filter(([, t]) => t === 'boolean').map(([k]) => k);
		const text = String(q);
		const lower = text.toLowerCase();
		const words = (s) => String(s).toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}@._+-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu) || [];
		const terms = words(text);
		return (row) => {
			if ((text === 'true' || text === 'false') && boolFields.some((f) => row[f] === (text === 'true'))) return true;
			const values = textFields.map((f) => row[f]).filter((v) => v !== null);
			if (flavour() !== 'postgres') return values.some((v) => String(v).toLowerCase().includes(lower));
			const tokens = new Set(values.flatMap(words));
			return terms.length > 0 && terms.every((t) => tokens.has(t));
		};
	}

	function search(modelName, params = {}) {
		const list = store.rows(modelName).filter(searchMatches(modelName, params._q));
		if (typeof params._sort === 'string' && params._sort) {
			const [field, order = ''] = params._sort.split(':'); // `name:DESC,id:ASC` → order "DESC,id" → knex falls back to asc
			list.sort(sorter(modelName, [{ field, order: order.toLowerCase() === 'desc' ? 'desc' : 'asc' }]));
		}
		const start = Number.isInteger(toNumber(params._start)) && toNumber(params._start) > 0 ? toNumber(params._start) : 0;
		let limit = '_limit' in params ? toNumber(params._limit) : -1; // no default limit with _q
		if (!Number.isInteger(limit)) limit = -1; // knex ignores a non-integer limit
		else if ('_limit' in params && limit < 0 && flavour() === 'postgres') throw dbErrors.negativeLimit(flavour(), MODELS[modelName].table);
		return page(list, start, limit);
	}

	const countSearch = (modelName, params = {}) => store.rows(modelName).filter(searchMatches(modelName, params._q)).length;

	return { find, count, search, countSearch, findOne: (modelName, id) => find(modelName, { id, _limit: 1 })[0] || null };
}

module.exports = { parseQuery, convertRestQueryParams, createQueryEngine, DEFAULT_LIMIT };
