'use strict';
// Server-side fast paths for the paging benchmark, applied inside the emulator host only (the files
// under test/emulators/ are not touched, and the unit tests never load this).
//
// Why: the emulators build every list page from the whole table — FluentCRM copies and sorts all
// contacts per page, CRM Platform filters and sorts the whole table per page, Nexudus serializes
// every coworker per page. A page of a 100,000-record table then costs 20–2,500 ms of server time,
// O(N) per page and O(N²) per "return all", which would drown the client cost the benchmark is about
// and make the 100k runs take many minutes. A real server answers `LIMIT/OFFSET` from an index.
//
// What: for the exact queries a "return all" sends (default order, no filters), each fast path
// returns the same records in the same order as the emulator, doing only O(page) work per request.
// Every other query falls through to the emulator's own code. `selfCheck()` (run by the bench before
// the paging section) compares fast and original answers byte for byte on first/middle/last/beyond
// pages.

const path = require('node:path');

const dir = path.resolve(__dirname, '..', '..', 'test', 'emulators');
const state = { enabled: true, hits: { fluentcrm: 0, crmplatform: 0, nexudus: 0 } };

const onlyKeys = (object, allowed) => Object.keys(object).every((key) => allowed.includes(key));

// FluentCRM: `sortRows(rows, { sortBy: undefined })` sorts by id DESC. Ids never change and the
// contacts array is replaced (not spliced) on delete, so for the same array with the same length the
// sorted order is the same: remember it.
function patchFluentCrm() {
	const wp = require(path.join(dir, 'fluentcrm', 'wp.js'));
	const original = wp.sortRows;
	const memo = new WeakMap();
	wp.sortRows = function sortRows(rows, options) {
		if (!state.enabled || options.sortBy !== undefined || options.defaultBy !== undefined || options.defaultDirection !== undefined) return original(rows, options);
		const known = memo.get(rows);
		if (known && known.length === rows.length) {
			state.hits.fluentcrm += 1;
			return known.sorted;
		}
		const sorted = original(rows, options);
		memo.set(rows, { length: rows.length, sorted });
		return sorted;
	};
}

// CRM Platform: `find(model, { _sort: 'id:ASC', _start, _limit })` = the whole table sorted by id, sliced.
function patchCrmPlatform() {
	const query = require(path.join(dir, 'crmplatform', 'query.js'));
	const original = query.createQueryEngine;
	const isIndex = (value) => typeof value === 'string' && /^(0|[1-9]\d*)$/.test(value);
	// The table is in heap order (an update moves a row to the end), so sort a copy by id and keep it
	// while the table has the same rows: same array, same length, same next id (no insert, no delete).
	const sortedById = new WeakMap();
	query.createQueryEngine = function createQueryEngine(store, config) {
		const engine = original(store, config);
		const find = engine.find;
		engine.find = (modelName, params = {}) => {
			if (!state.enabled || !onlyKeys(params, ['_sort', '_start', '_limit']) || params._sort !== 'id:ASC' || !isIndex(params._start) || !isIndex(params._limit)) return find(modelName, params);
			const table = store.rows(modelName);
			const nextId = store.state.nextIds[modelName];
			let known = sortedById.get(table);
			if (!known || known.length !== table.length || known.nextId !== nextId) {
				known = { length: table.length, nextId, rows: [...table].sort((a, b) => a.id - b.id) };
				sortedById.set(table, known);
			}
			const rows = known.rows;
			state.hits.crmplatform += 1;
			const start = Number(params._start);
			return rows.slice(start, start + Number(params._limit));
		};
		return engine;
	};
}

// Nexudus: `listRecords(entity, ?page&size)` serializes all rows, sorts by Id, slices one page.
// The fast path keeps the raw records in Id order (ids are unique and never change; kept while the
// table is the same array with the same length) and serializes only that page.
function patchNexudus() {
	const query = require(path.join(dir, 'nexudus', 'query.js'));
	const { serialize, omittedInRows } = require(path.join(dir, 'nexudus', 'entities.js'));
	const { ok } = require(path.join(dir, 'nexudus', 'replies.js'));
	const original = query.listRecords;
	const positiveInt = (text) => (/^\s*\d+\s*$/.test(String(text ?? '')) && Number(text) > 0 ? Number(text) : undefined);
	const inIdOrder = new WeakMap(); // table array → { length, rows }
	query.listRecords = function listRecords(entity, searchParams, ctx) {
		const params = [...searchParams];
		if (!state.enabled || !params.every(([key]) => ['page', 'size'].includes(key.toLowerCase()))) return original(entity, searchParams, ctx);
		const { store, config, counters } = ctx;
		const param = (name) => (params.find(([k]) => k.toLowerCase() === name) || [])[1];
		const page = positiveInt(param('page')) || 1;
		let size = positiveInt(param('size')) || config.defaultPageSize;
		if (size > config.maxPageSize) {
			size = config.maxPageSize;
			counters.sizeCapped += 1;
		}
		const table = store.state[entity.table];
		let known = inIdOrder.get(table);
		if (!known || known.length !== table.length) {
			const sorted = table.every((row, i) => i === 0 || table[i - 1].Id < row.Id);
			known = { length: table.length, rows: sorted ? table : [...table].sort((a, b) => a.Id - b.Id) };
			inIdOrder.set(table, known);
		}
		const rows = known.rows;
		const total = rows.length;
		const totalPages = Math.ceil(total / size);
		const start = (page - 1) * size;
		const records = rows.slice(start, start + size).map((record) => {
			const dto = serialize(entity, record, ctx);
			for (const [name, field] of Object.entries(entity.fields)) if (omittedInRows(field)) delete dto[name];
			return dto;
		});
		counters.listRequests += 1;
		state.hits.nexudus += 1;
		return ok({
			Records: records,
			CurrentPage: page,
			CurrentPageSize: size,
			CurrentOrderField: 'Id',
			CurrentSortDirection: 1,
			FirstItem: records.length ? start + 1 : 0,
			LastItem: records.length ? start + records.length : 0,
			HasNextPage: page < totalPages,
			HasPreviousPage: page > 1,
			PageNumber: page,
			PageSize: size,
			TotalItems: total,
			TotalPages: totalPages,
		});
	};
}

function install() {
	patchFluentCrm();
	patchCrmPlatform();
	patchNexudus();
}

/** Fetches the same pages with the fast paths on and off; returns { provider: { pages, identical } }. */
async function selfCheck(startInstance, stopInstance) {
	const results = {};
	const get = async (url, headers) => {
		const response = await fetch(url, { headers: { Accept: 'application/json', ...headers } });
		return (await response.text()).replace(/,"__bench":[0-9.]+/, '');
	};
	const basic = (user, password) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
	const cases = {
		fluentcrm: { seed: { contacts: 1050 }, urls: (i) => [1, 6, 11, 12].map((p) => `${i.apiRoot}/subscribers?page=${p}&per_page=100`), headers: async (i) => ({ Authorization: basic(i.credential.data.username, i.credential.data.applicationPassword) }) },
		crmplatform: {
			seed: { contacts: 1050 },
			urls: (i) => [0, 500, 1000, 1100].map((s) => `${i.siteUrl}/crm-plugin/contact?_sort=id%3AASC&_start=${s}&_limit=100`),
			headers: async (i) => {
				const login = await fetch(`${i.siteUrl}/auth/local`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ identifier: i.credential.data.identifier, password: i.credential.data.password }) });
				return { Authorization: `Bearer ${(await login.json()).jwt}` };
			},
		},
		nexudus: { seed: { coworkers: 1050 }, urls: (i) => [1, 2, 3, 4].map((p) => `${i.apiRoot}/spaces/coworkers?page=${p}&size=500`), headers: async (i) => ({ Authorization: basic(i.credential.data.email, i.credential.data.password) }) },
	};
	for (const [provider, check] of Object.entries(cases)) {
		const instance = await startInstance({ provider, seed: check.seed });
		try {
			const headers = await check.headers(instance);
			let identical = true;
			await get(check.urls(instance)[0], headers); // fills FluentCRM's memo
			for (const url of check.urls(instance)) {
				state.enabled = true;
				const hitsBefore = state.hits[provider];
				const fast = await get(url, headers);
				const used = state.hits[provider] > hitsBefore;
				state.enabled = false;
				const slow = await get(url, headers);
				if (fast !== slow || !used) identical = false;
			}
			results[provider] = { pages: check.urls(instance).length, identical };
		} finally {
			state.enabled = true;
			await stopInstance({ id: instance.id });
		}
	}
	return results;
}

module.exports = { install, selfCheck, state };
