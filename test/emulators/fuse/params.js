'use strict';
// Request parameters the way a Rails back end parses them (: the `errors.base` envelope suggests
// Rails): JSON, form-encoded and multipart bodies, bracketed keys (`users[0][email]`), and paging.

const isJsonType = (type) => /^application\/([\w.+-]+\+)?json\b/i.test(type);
const isFormType = (type) => /^application\/x-www-form-urlencoded\b/i.test(type);
const isMultipartType = (type) => /^multipart\/form-data\b/i.test(type);
const isPlainObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

// Rails-style nested keys: a[b]=1, a[]=1, users[][name]=x (a new hash when the key repeats).
function assignBracketed(target, key, value) {
	const match = /^([^[\]]+)((?:\[[^\]]*\])*)$/.exec(key);
	if (!match) return void (target[key] = value);
	const parts = [match[1], ...[...match[2].matchAll(/\[([^\]]*)\]/g)].map((m) => m[1])];
	let current = target;
	for (let i = 0; i < parts.length; i++) {
		const part = parts[i];
		const last = i === parts.length - 1;
		if (Array.isArray(current) && part === '') {
			if (last) return void current.push(value);
			let element = current[current.length - 1];
			const leafKey = parts.length === i + 2 ? parts[i + 1] : undefined;
			if (!isPlainObject(element) || (leafKey !== undefined && leafKey in element)) current.push((element = {}));
			current = element;
			continue;
		}
		if (last) return void (current[part] = value);
		if (current[part] === undefined || typeof current[part] !== 'object') current[part] = parts[i + 1] === '' ? [] : {};
		current = current[part];
	}
}

// `{ "0": {…}, "1": {…} }` → `[{…}, {…}]` so indexed form keys behave like JSON arrays.
function arrayify(value) {
	if (Array.isArray(value)) return value.map(arrayify);
	if (!isPlainObject(value)) return value;
	const keys = Object.keys(value);
	const out = {};
	for (const key of keys) out[key] = arrayify(value[key]);
	return keys.length && keys.every((k) => /^\d+$/.test(k)) ? keys.sort((a, b) => a - b).map((k) => out[k]) : out;
}

function fromEntries(entries) {
	const out = {};
	for (const [key, value] of entries) assignBracketed(out, key, value);
	return arrayify(out);
}

// Returns { body, malformed }. Bodies are only parsed for a matching Content-Type (Rails): a JSON body
// sent without `Content-Type: application/json` yields no parameters [uncertain, harsher].
async function parseBody(headers, ctx) {
	const type = String(headers['content-type'] || '');
	if (!ctx.rawBody.length) return { body: {} };
	if (isJsonType(type)) {
		if (ctx.jsonMalformed) return { body: {}, malformed: true };
		return { body: isPlainObject(ctx.json) ? ctx.json : { _json: ctx.json } };
	}
	if (isFormType(type)) return { body: fromEntries(new URLSearchParams(ctx.rawBody)) };
	if (isMultipartType(type)) {
		try {
			const form = await new Response(ctx.rawBody, { headers: { 'content-type': type } }).formData();
			return { body: fromEntries([...form].map(([k, v]) => [k, typeof v === 'string' ? v : v.name])) };
		} catch {
			return { body: {}, malformed: true };
		}
	}
	return { body: {} };
}

const queryParams = (url) => fromEntries(url.searchParams);

// [uncertain]: `page` (1-based) and `per_page` with a configurable default and a silent cap.
function paginate(rows, query, config) {
	const perPageRaw = parseInt(query.per_page, 10);
	const perPage = Math.min(perPageRaw > 0 ? perPageRaw : config.defaultPerPage, config.maxPerPage);
	const pageRaw = parseInt(query.page, 10);
	const page = config.ignorePage || !(pageRaw > 0) ? 1 : pageRaw;
	return rows.slice((page - 1) * perPage, page * perPage);
}

const isTruthy = (value) => value === true || /^(true|1|yes)$/i.test(String(value ?? ''));
const isBlank = (value) => value === undefined || value === null || String(value).trim() === '';

module.exports = { parseBody, queryParams, paginate, isPlainObject, isTruthy, isBlank, isJsonType, isFormType };
