'use strict';
// Incrementally maintained indexes on relation (FK) columns, built lazily per (table, column), so that
// populating and filtering 1000-row pages stays fast. Lists are kept in id order.

function createFkIndex(rowsOf) {
	const indexes = {}; // table → column → Map(value → rows)

	function addTo(map, value, row) {
		let list = map.get(value);
		if (!list) map.set(value, (list = []));
		let i = list.length;
		while (i > 0 && list[i - 1].id > row.id) i--;
		list.splice(i, 0, row);
	}

	function removeFrom(map, value, row) {
		const list = map.get(value);
		const i = list ? list.indexOf(row) : -1;
		if (i !== -1) list.splice(i, 1);
	}

	function mapFor(table, column) {
		const byColumn = (indexes[table] = indexes[table] || {});
		if (!byColumn[column]) {
			const map = new Map();
			for (const row of [...rowsOf(table)].sort((a, b) => a.id - b.id)) addTo(map, row[column], row);
			byColumn[column] = map;
		}
		return byColumn[column];
	}

	return {
		lookup: (table, column, value) => mapFor(table, column).get(value) || [],
		added(table, row) {
			for (const [column, map] of Object.entries(indexes[table] || {})) addTo(map, row[column], row);
		},
		removed(table, row) {
			for (const [column, map] of Object.entries(indexes[table] || {})) removeFrom(map, row[column], row);
		},
		// Every FK write goes through here.
		set(table, row, column, value) {
			if (row[column] === value) return;
			const map = indexes[table] && indexes[table][column];
			if (map) removeFrom(map, row[column], row);
			row[column] = value;
			if (map) addTo(map, value, row);
		},
		reset: () => Object.keys(indexes).forEach((k) => delete indexes[k]),
	};
}

module.exports = { createFkIndex };
