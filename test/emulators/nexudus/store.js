'use strict';
// In-memory Nexudus account: one table per entity, id allocation, clock, deterministic GUIDs,
// and the logs the tests read (side effects, PUT clears, webhook deliveries, ignored filters).

const { formatDate } = require('./fields');

function mulberry32(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const LOGS = ['sideEffects', 'putClears', 'deliveries', 'ignoredFilters'];
const LOG_LIMIT = 5000;

function createStore({ entities, now, seed = 1 }) {
	const state = {};
	const indexes = {};
	const nextIds = {};
	const clock = { offsetMs: 0 };
	let random = mulberry32(seed * 7919 + 17);

	function clear() {
		for (const entity of entities) {
			state[entity.table] = [];
			indexes[entity.table] = new Map();
			nextIds[entity.table] = entity.idBase;
		}
		for (const log of LOGS) state[log] = [];
		random = mulberry32(seed * 7919 + 17);
	}
	clear();

	const currentTime = () => new Date((now ? now().getTime() : Date.now()) + clock.offsetMs);
	const stamp = () => formatDate(currentTime());

	// Deterministic version-4 GUID text (UniqueId).
	function uuid() {
		const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
		hex[12] = '4';
		hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
		const h = hex.join('');
		return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
	}

	const find = (table, id) => indexes[table].get(Number(id));
	const exists = (table, id) => indexes[table] !== undefined && indexes[table].has(Number(id));

	function insert(table, record) {
		if (record.Id === undefined || record.Id === null) record.Id = ++nextIds[table];
		else nextIds[table] = Math.max(nextIds[table], record.Id);
		if (!record.UniqueId) record.UniqueId = uuid();
		state[table].push(record);
		indexes[table].set(record.Id, record);
		return record;
	}

	function remove(table, id) {
		const record = find(table, id);
		if (!record) return undefined;
		indexes[table].delete(record.Id);
		state[table].splice(state[table].indexOf(record), 1);
		return record;
	}

	function log(name, entry) {
		const list = state[name];
		list.push({ time: stamp(), ...entry });
		if (list.length > LOG_LIMIT) list.splice(0, list.length - LOG_LIMIT);
	}

	return { state, clock, clear, currentTime, stamp, uuid, find, exists, insert, remove, log, random: () => random() };
}

module.exports = { createStore, mulberry32 };
