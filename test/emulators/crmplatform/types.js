'use strict';
// Column typing as the database does it. `postgres` (harsher) rejects malformed input with the
// driver's message; `mysql` (MariaDB, the default) and `sqlite` are lenient: a value that is not a
// number simply matches nothing (so GET /crm-plugin/contact/count is a 404 on MariaDB, as observed).
// MariaDB compares text with a case-insensitive collation: `email=UPSERT.R1@EXAMPLE.ORG` finds
// `upsert.r1@example.org` (observed).

const { dbErrors } = require('./errors');

const INT_MAX = 2147483647;
const PG_TRUE = new Set(['t', 'true', 'y', 'yes', 'on', '1']);
const PG_FALSE = new Set(['f', 'false', 'n', 'no', 'off', '0']);
const PG_TYPE = { integer: 'integer', boolean: 'boolean', datetime: 'timestamp with time zone' };

const shown = (value) => (typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value));

// Returns the stored/compared representation: integer → number, boolean → boolean,
// datetime → ISO string, string/text → string. null stays null.
function castValue(flavour, table, type, value) {
	if (value === null || value === undefined) return null;
	const fail = () => {
		if (flavour !== 'postgres') return { invalid: true, raw: value }; // matches nothing, stored as is
		throw dbErrors.invalidInput(flavour, table, PG_TYPE[type], shown(value));
	};
	switch (type) {
		case 'integer': {
			const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
			if (!/^[-+]?\d+$/.test(text)) return fail();
			const number = Number(text);
			if (Math.abs(number) > INT_MAX) {
				if (flavour !== 'postgres') return number;
				throw dbErrors.outOfRange(flavour, table, text);
			}
			return number;
		}
		case 'boolean': {
			if (typeof value === 'boolean') return value;
			const text = String(value).trim().toLowerCase();
			if (PG_TRUE.has(text)) return true;
			if (PG_FALSE.has(text)) return false;
			return fail();
		}
		case 'datetime': {
			if (value instanceof Date) return value.toISOString();
			if (typeof value !== 'string' || !value.trim()) return fail();
			const ms = Date.parse(value);
			return Number.isNaN(ms) ? fail() : new Date(ms).toISOString();
		}
		default:
			return typeof value === 'object' ? JSON.stringify(value) : String(value);
	}
}

const isInvalid = (value) => value !== null && typeof value === 'object' && value.invalid === true;

// Sort/compare key of a stored cell.
const keyOf = (type, cell) => (type === 'datetime' && cell !== null ? Date.parse(cell) : cell);

const collator = new Intl.Collator('en', { sensitivity: 'variant' });
const caseInsensitive = new Intl.Collator('en', { sensitivity: 'base' }); // utf8mb4_general_ci: case and accents ignored

function compareCells(type, a, b, flavour) {
	const x = keyOf(type, a);
	const y = keyOf(type, b);
	if (typeof x === 'string' && typeof y === 'string') return (flavour === 'mysql' ? caseInsensitive : collator).compare(x, y);
	if (typeof x === 'boolean') return Number(x) - Number(y);
	return x < y ? -1 : x > y ? 1 : 0;
}

// SQL LIKE: `%` any run, `_` one character, backslash escapes (Postgres default).
function likeToRegExp(pattern, caseInsensitive) {
	let source = '';
	for (let i = 0; i < pattern.length; i++) {
		const ch = pattern[i];
		if (ch === '\\' && i + 1 < pattern.length) source += pattern[++i].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
		else if (ch === '%') source += '[\\s\\S]*';
		else if (ch === '_') source += '[\\s\\S]';
		else source += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	}
	return new RegExp(`^${source}$`, caseInsensitive ? 'i' : '');
}

module.exports = { castValue, isInvalid, keyOf, compareCells, likeToRegExp };
