'use strict';
// Field types of the PascalCase DTOs, JSON.NET-like coercion of request values and the
// per-field validation messages of a failed create or update. Dates are UTC strings like `2019-02-12T09:00:00Z`.

const REQUIRED = 'may not be null or empty'; // wording
const INVALID = 'is not valid'; // emulator wording [uncertain]
const MISSING_REF = 'refers to a record that does not exist'; // emulator wording [uncertain]
const BAD_EMAIL = 'is not a valid email address'; // emulator wording [uncertain]

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

const spec = (type, options = {}) => ({ type, ...options });
const F = {
	string: (o) => spec('string', o),
	text: (o) => spec('string', { longText: true, ...o }), // left out of list rows
	email: (o) => spec('string', { format: 'email', ...o }),
	url: (o) => spec('string', { format: 'url', ...o }),
	int: (o) => spec('int', o),
	ref: (table, o) => spec('int', { ref: table, ...o }),
	decimal: (o) => spec('decimal', o),
	bool: (o) => spec('bool', o),
	date: (o) => spec('date', o),
	oneOf: (values, o) => spec('enum', { values, ...o }),
	between: (min, max, o) => spec('enum', { values: Array.from({ length: max - min + 1 }, (_, i) => min + i), ...o }),
	ids: (table, o) => spec('ids', { ref: table, ...o }), // collection property, left out of list rows
	strings: (o) => spec('strings', o),
};

const clone = (value) => (Array.isArray(value) ? value.slice() : value);

function defaultValue(field) {
	if ('default' in field) return clone(field.default);
	if (field.type === 'bool') return false;
	if (field.type === 'ids' || field.type === 'strings') return [];
	return null;
}

const pad = (n, width = 2) => String(n).padStart(width, '0');
const formatDate = (date) => `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}Z`;

// ISO-8601 text → Date; text without an offset is UTC ("Dates").
function parseDate(text) {
	const m = DATE_PATTERN.exec(String(text).trim());
	if (!m) return undefined;
	const [, y, mo, d, h = '0', mi = '0', s = '0', , zone] = m;
	let ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
	if (zone && zone.toUpperCase() !== 'Z') {
		const sign = zone[0] === '-' ? -1 : 1;
		const digits = zone.slice(1).replace(':', '');
		ms -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60000;
	}
	const outOfRange = Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1 || Number(d) > 31 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59;
	const date = new Date(ms);
	return outOfRange || Number.isNaN(date.getTime()) ? undefined : date;
}

const isIntegerText = (v) => typeof v === 'string' && /^\s*-?\d+\s*$/.test(v);
const isNumberText = (v) => typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v);

// Returns { value } or { error }. null/'' (for non-strings) become null; JSON.NET converts
// numeric strings to numbers and "true"/"false" to booleans, refuses objects for scalars.
function coerce(field, raw) {
	// An explicit null: non-nullable booleans fall back to false, collections to [] (JSON.NET + .NET defaults).
	if (raw === null || raw === undefined) return { value: field.type === 'bool' ? false : field.type === 'ids' || field.type === 'strings' ? [] : null };
	switch (field.type) {
		case 'string':
			if (typeof raw === 'object') return { error: INVALID };
			return { value: String(raw) };
		case 'int':
		case 'enum': {
			if (raw === '') return { value: null };
			const n = typeof raw === 'number' ? raw : isIntegerText(raw) ? Number(raw) : NaN;
			if (!Number.isInteger(n) || n > 2147483647 || n < -2147483648) return { error: INVALID };
			if (field.type === 'enum' && !field.values.includes(n)) return { error: INVALID };
			return { value: n };
		}
		case 'decimal': {
			if (raw === '') return { value: null };
			const n = typeof raw === 'number' ? raw : isNumberText(raw) ? Number(raw) : NaN;
			return Number.isFinite(n) ? { value: n } : { error: INVALID };
		}
		case 'bool':
			if (typeof raw === 'boolean') return { value: raw };
			if (raw === 1 || raw === 0) return { value: raw === 1 };
			if (typeof raw === 'string' && /^(true|false)$/i.test(raw.trim())) return { value: raw.trim().toLowerCase() === 'true' };
			return { error: INVALID };
		case 'date': {
			if (raw === '') return { value: null };
			const date = typeof raw === 'string' ? parseDate(raw) : undefined;
			return date ? { value: formatDate(date) } : { error: INVALID };
		}
		case 'ids': {
			if (!Array.isArray(raw)) return { error: INVALID };
			const out = [];
			for (const item of raw) {
				const n = typeof item === 'number' ? item : isIntegerText(item) ? Number(item) : NaN;
				if (!Number.isInteger(n)) return { error: INVALID };
				if (!out.includes(n)) out.push(n);
			}
			return { value: out };
		}
		case 'strings':
			if (!Array.isArray(raw) || raw.some((item) => typeof item === 'object' && item !== null)) return { error: INVALID };
			return { value: raw.map(String) };
		default:
			return { value: raw };
	}
}

const isEmpty = (field, value) => value === null || value === undefined || (field.type === 'string' && String(value).trim() === '');

// Checks one coerced value: required, format and referenced records. Returns a message or undefined.
function checkValue(field, value, exists) {
	if (isEmpty(field, value)) return field.required ? REQUIRED : undefined;
	if (field.format === 'email' && !EMAIL_PATTERN.test(String(value).trim())) return BAD_EMAIL;
	if (field.format === 'url' && !/^https?:\/\/[^\s/]+/i.test(String(value).trim())) return INVALID;
	if (field.ref && field.type === 'int' && !exists(field.ref, value)) return MISSING_REF;
	if (field.ref && field.type === 'ids' && value.some((id) => !exists(field.ref, id))) return MISSING_REF;
	return undefined;
}

module.exports = { F, REQUIRED, INVALID, MISSING_REF, defaultValue, coerce, checkValue, formatDate, parseDate, clone, isEmpty };
