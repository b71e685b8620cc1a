'use strict';
// list endpoint: page/size (default 25, max 1000), orderBy/dir, field, related and from_/to_
// range filters, and the list envelope. Rows are partial (entities.js `serialize(row)`).

const { byTable, serialize, dtoNames, findName, omittedInRows } = require('./entities');
const { parseDate } = require('./fields');
const { ok, serverError } = require('./replies');

const CONTROL_PARAMS = new Set(['page', 'size', 'orderby', 'dir']);
const DOCUMENTED_RANGE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/; // `YYYY-MM-DDTHH:mm`
const DATE_TEXT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

const positiveInt = (text) => (/^\s*\d+\s*$/.test(String(text ?? '')) && Number(text) > 0 ? Number(text) : undefined);
const lower = (v) => String(v).toLowerCase();

function compare(a, b) {
	if (a === b) return 0;
	if (a === null || a === undefined) return -1;
	if (b === null || b === undefined) return 1;
	if (typeof a === 'string' && typeof b === 'string') {
		const x = a.toLowerCase(); // SQL Server's default collation ignores case
		const y = b.toLowerCase();
		return x < y ? -1 : x > y ? 1 : 0;
	}
	return a < b ? -1 : a > b ? 1 : 0;
}

// Equality test of one candidate value against the filter text. String filters match as
// case-insensitive "contains", as Nexudus does: `Coworker_Email=ann@x.com` also finds
// "joann@x.com" and "ann@x.com.au" (seen with more than 25 matches for one email), so a client
// must read every page of matches and re-check them (config.stringFilterMatch = 'exact' to change).
function matches(candidate, text, config) {
	if (candidate === null || candidate === undefined) return false;
	if (typeof candidate === 'number') return /^\s*-?\d+(\.\d+)?\s*$/.test(text) && candidate === Number(text);
	if (typeof candidate === 'boolean') return lower(text).trim() === String(candidate);
	const value = String(candidate);
	if (DATE_TEXT.test(value)) return value.startsWith(text.trim().replace(/Z$/i, '')); // same day/minute prefix
	if (config.stringFilterMatch === 'exact') return lower(value) === lower(text);
	return lower(value).includes(lower(text));
}

// Builds a predicate over a full DTO, or returns { ignored: reason }.
function buildFilter(entity, key, text, ctx) {
	const { store, config, counters } = ctx;
	const range = /^(from|to)_(.+)$/i.exec(key);
	const direction = range ? range[1].toLowerCase() : undefined;
	let parts;
	if (!range && /^(id|uniqueid)$/i.test(key)) parts = [key];
	else {
		parts = (range ? range[2] : key).split('_');
		// Filters of another entity are ignored like any unknown query parameter (harsher than an error: silent).
		if (parts.length < 2 || lower(parts[0]) !== lower(entity.entity)) return { ignored: 'not a filter of this entity' };
		parts = parts.slice(1);
	}
	if (text.trim() === '') return { ignored: 'empty value' };

	const names = dtoNames(entity, ctx);
	const relationName = Object.keys(entity.relations).find((r) => lower(r) === lower(parts[0]));
	let values;
	if (parts.length === 1 && findName(names, parts[0])) {
		const name = findName(names, parts[0]);
		values = (dto) => [].concat(dto[name]);
	} else if (parts.length === 1 && relationName) {
		const field = entity.relations[relationName].field; // `Booking_Coworker=<id>`
		values = (dto) => [].concat(dto[field]);
	} else if (parts.length === 2 && relationName) {
		const relation = entity.relations[relationName]; // `Team_PayingMember_FullName=…`
		const name = findName(dtoNames(byTable.get(relation.table), ctx), parts[1]);
		if (!name) return { ignored: 'unknown related property' };
		values = (dto) => [].concat(dto[relation.field]).map((id) => store.find(relation.table, id)).filter(Boolean).map((r) => r[name]);
	} else return { ignored: 'unknown property' };

	if (!direction) return { test: (dto) => values(dto).some((v) => matches(v, text, config)) };
	const date = parseDate(text);
	if (date) {
		if (!DOCUMENTED_RANGE.test(text.trim())) counters.undocumentedDateFilters += 1;
		const bound = date.getTime();
		// Both bounds inclusive [uncertain]: a poller sees the boundary record twice and must dedupe.
		return { test: (dto) => values(dto).some((v) => v !== null && v !== undefined && (direction === 'from' ? Date.parse(v) >= bound : Date.parse(v) <= bound)) };
	}
	if (/^\s*-?\d+(\.\d+)?\s*$/.test(text)) {
		const bound = Number(text);
		return { test: (dto) => values(dto).some((v) => typeof v === 'number' && (direction === 'from' ? v >= bound : v <= bound)) };
	}
	// An unparseable range value (e.g. an unencoded `+02:00` arriving as ` 02:00`) is dropped silently
	// like a failed ASP.NET model binding [uncertain] — harsher than a 400: the poller gets everything.
	return { ignored: 'unparseable range value' };
}

function listRecords(entity, searchParams, ctx) {
	const { store, config, counters } = ctx;
	const params = [...searchParams];
	const param = (name) => (params.find(([k]) => lower(k) === name) || [])[1];

	const page = positiveInt(param('page')) || 1;
	let size = positiveInt(param('size')) || config.defaultPageSize;
	// Legacy docs: max 1000; current docs: no maximum [uncertain] → harsher: capped silently.
	if (size > config.maxPageSize) {
		size = config.maxPageSize;
		counters.sizeCapped += 1;
	}
	const names = dtoNames(entity, ctx);
	let orderField = 'Id';
	const orderBy = param('orderby');
	if (orderBy !== undefined && orderBy.trim() !== '') {
		orderField = findName(names, orderBy.trim());
		const field = orderField && entity.fields[orderField];
		// Unknown or collection property: the ORM query fails [uncertain] → harsher: 500.
		if (!orderField || (field && omittedInRows(field) && field.type !== 'string')) return serverError();
	}
	const dir = String(param('dir') ?? '').trim() === '-1' ? -1 : 1;

	const filters = [];
	for (const [key, value] of params) {
		if (CONTROL_PARAMS.has(lower(key))) continue;
		const filter = buildFilter(entity, key, value, ctx);
		if (filter.test) filters.push(filter.test);
		else {
			counters.ignoredFilters += 1;
			store.log('ignoredFilters', { entity: entity.entity, key, value, reason: filter.ignored });
		}
	}

	let dtos = store.state[entity.table].map((record) => serialize(entity, record, ctx));
	if (filters.length) dtos = dtos.filter((dto) => filters.every((test) => test(dto)));
	dtos.sort((a, b) => dir * compare(a[orderField], b[orderField]) || a.Id - b.Id);

	const total = dtos.length;
	const totalPages = Math.ceil(total / size);
	const start = (page - 1) * size;
	const records = dtos.slice(start, start + size).map((dto) => {
		for (const [name, field] of Object.entries(entity.fields)) if (omittedInRows(field)) delete dto[name];
		return dto;
	});
	counters.listRequests += 1;
	return ok({
		Records: records,
		CurrentPage: page,
		CurrentPageSize: size,
		CurrentOrderField: orderField,
		CurrentSortDirection: dir,
		FirstItem: records.length ? start + 1 : 0,
		LastItem: records.length ? start + records.length : 0,
		HasNextPage: page < totalPages,
		HasPreviousPage: page > 1,
		PageNumber: page,
		PageSize: size,
		TotalItems: total,
		TotalPages: totalPages,
	});
}

module.exports = { listRecords };
