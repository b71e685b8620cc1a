'use strict';
// Laravel layer of the Faveo emulator: replies, error bodies, validation messages,
// request input (`input()`), the paginators and PHP's json_encode.

// Handlers return (or throw) a reply; index.js turns it into an HTTP response.
const reply = (status, body, extra = {}) => ({ isReply: true, status, body, type: 'json', ...extra });
const ok = (body) => reply(200, body);
// A JSON document returned as a PHP string → `text/html`.
const htmlString = (value) => reply(200, phpJsonEncode(value), { type: 'html' });

const FAKE_ROOT = '/var/www/html/faveo';
const notFound = () => reply(404, { success: false, message: 'not-found' });
const methodNotAllowed = () => reply(405, { message: 'Method not allowed', success: false }); // no Allow header: the handler builds a new response
const fieldErrors = (errors) => reply(200, { error: errors });
const formRequestErrors = (errors) => reply(422, { success: false, errors });
const businessError = (message) => reply(200, { error: message });
// A caught exception, leaking the server path.
const caught = (message, file = 'app/Api/v1/ApiController.php', line = 0) => reply(200, { error: message, file: `${FAKE_ROOT}/${file}`, line });
const uncaught = (message) => reply(500, { error: message });
const modelNotFound = (model, id) => uncaught(`No query results for model [App\\${model}] ${id}`);

// PHP json_encode without flags (Laravel's JsonResponse): `\/` and `\uXXXX`.
function phpJsonEncode(value) {
	return JSON.stringify(value)
		.replace(/\//g, '\\/')
		.replace(/[\u007f-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

const HTML_404 = (title) => `<!DOCTYPE html><html><head><title>${title}</title></head><body><h1>${title}</h1></body></html>\n`;
const APACHE_404 = `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n`;
const LARAVEL_404 = HTML_404('Page not found | Faveo Helpdesk');

// ---- request input -------------------------------------------------------------------

// PHP `parse_str` semantics for `a[]=1&a[]=2&b[c]=3` (a plain repeated key keeps the last value).
function parsePhpParams(pairs) {
	const out = {};
	for (const [rawKey, value] of pairs) {
		const match = /^([^[\]]+)((?:\[[^\]]*\])+)$/.exec(rawKey);
		if (!match) {
			out[rawKey] = value;
			continue;
		}
		const keys = [match[1], ...[...match[2].matchAll(/\[([^\]]*)\]/g)].map((m) => m[1])];
		let node = out;
		keys.forEach((key, i) => {
			if (i === keys.length - 1) {
				if (Array.isArray(node) && key === '') node.push(value);
				else node[key === '' ? Object.keys(node).length : key] = value;
				return;
			}
			const slot = key === '' ? (Array.isArray(node) ? node.length : Object.keys(node).length) : key;
			if (node[slot] === null || typeof node[slot] !== 'object') node[slot] = keys[i + 1] === '' ? [] : {};
			node = node[slot];
		});
	}
	return out;
}

// Text fields of a multipart/form-data body; file parts are kept as { filename, size }.
function parseMultipart(rawBody, contentType) {
	const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
	if (!boundary) return {};
	const pairs = [];
	for (const part of rawBody.split(`--${boundary[1] || boundary[2]}`)) {
		const split = part.indexOf('\r\n\r\n');
		if (split === -1) continue;
		const head = part.slice(0, split);
		const value = part.slice(split + 4).replace(/\r\n$/, '');
		const name = /name="([^"]*)"/i.exec(head);
		if (!name) continue;
		const filename = /filename="([^"]*)"/i.exec(head);
		pairs.push([name[1], filename ? { filename: filename[1], size: Buffer.byteLength(value) } : value]);
	}
	return parsePhpParams(pairs);
}

// Laravel `input()`: the body source (JSON when the Content-Type says so, else the form body;
// the query for GET) merged over the query string. Also reports where each key came from.
function readInput(method, headers, ctx) {
	const query = parsePhpParams([...ctx.url.searchParams]);
	const contentType = String(headers['content-type'] || '');
	let body = {};
	if (/\/json|\+json/i.test(contentType)) body = ctx.json && typeof ctx.json === 'object' && !Array.isArray(ctx.json) ? ctx.json : {};
	else if (method !== 'GET' && method !== 'HEAD') {
		if (/^application\/x-www-form-urlencoded/i.test(contentType)) body = parsePhpParams([...new URLSearchParams(ctx.rawBody)]);
		else if (/^multipart\/form-data/i.test(contentType)) body = parseMultipart(ctx.rawBody, contentType);
	}
	const where = (key) => (key in body ? 'body' : key in query ? 'query' : null);
	return { params: { ...query, ...body }, query, body, where };
}

// ---- validation ------------------------------------------------------------------------

const isBlank = (v) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const attribute = (field) => field.replace(/[_-]/g, ' ');

// rules: { field: ['required', 'email', ['min', 5], ['max', 60], ['between', 3, 40], ['exists', fn], ['unique', fn]] }.
// Laravel: only `required` runs on an empty value; every failing rule adds a message.
function validate(params, rules, version) {
	const errors = {};
	const maxWord = version === '1.9' ? 'may not' : 'must not'; // Laravel 5.2 vs 9 wording
	for (const [field, list] of Object.entries(rules)) {
		const value = params[field];
		const name = attribute(field);
		const messages = [];
		if (isBlank(value)) {
			if (list.includes('required')) messages.push(`The ${name} field is required.`);
		} else {
			const text = typeof value === 'object' ? '' : String(value);
			for (const rule of list) {
				const [kind, a, b] = [].concat(rule);
				if (kind === 'email' && !EMAIL.test(text)) messages.push(`The ${name} must be a valid email address.`);
				if (kind === 'integer' && !/^-?\d+$/.test(text)) messages.push(`The ${name} must be an integer.`);
				if (kind === 'min' && [...text].length < a) messages.push(`The ${name} must be at least ${a} characters.`);
				if (kind === 'max' && [...text].length > a) messages.push(`The ${name} ${maxWord} be greater than ${a} characters.`);
				if (kind === 'between' && ([...text].length < a || [...text].length > b)) messages.push(`The ${name} must be between ${a} and ${b} characters.`);
				if (kind === 'exists' && !a(text)) messages.push(`The selected ${name} is invalid.`);
				if (kind === 'unique' && a(text)) messages.push(`The ${name} has already been taken.`);
			}
		}
		if (messages.length) errors[field] = messages;
	}
	return Object.keys(errors).length ? errors : null;
}

// ---- pagination -----------------------------------------------------------------------

// Laravel reads `page` with filter_var(FILTER_VALIDATE_INT); anything else or < 1 is page 1.
function readPage(params) {
	const text = String(params.page ?? '');
	return /^[+-]?\d+$/.test(text.trim()) && Number(text) >= 1 ? Number(text) : 1;
}

// Laravel 9 UrlWindow (onEachSide 3).
function windowPages(current, last) {
	const range = (a, b) => Array.from({ length: Math.max(0, b - a + 1) }, (_, i) => a + i);
	if (last < 14) return [range(1, last)];
	if (current <= 7) return [range(1, 10), range(last - 1, last)];
	if (current > last - 7) return [range(1, 2), range(last - 9, last)];
	return [range(1, 2), range(current - 3, current + 3), range(last - 1, last)];
}

// Absolute page URLs built from the request's own URL; every other query parameter dropped.
function paginate(rows, page, perPage, path, version) {
	const total = rows.length;
	const lastPage = Math.max(1, Math.ceil(total / perPage));
	const offset = (page - 1) * perPage;
	const data = rows.slice(offset, offset + perPage);
	const url = (n) => `${path}?page=${n}`;
	const from = data.length ? offset + 1 : null;
	const to = data.length ? offset + data.length : null;
	const next = page < lastPage ? url(page + 1) : null;
	const prev = page > 1 ? url(page - 1) : null;
	if (version === '1.9') return { total, per_page: perPage, current_page: page, last_page: lastPage, next_page_url: next, prev_page_url: prev, from, to, data };
	const links = [{ url: prev, label: '&laquo; Previous', active: false }];
	windowPages(page, lastPage).forEach((group, i) => {
		if (i > 0) links.push({ url: null, label: '...', active: false });
		for (const n of group) links.push({ url: url(n), label: String(n), active: n === page });
	});
	links.push({ url: next, label: 'Next &raquo;', active: false });
	return { current_page: page, data, first_page_url: url(1), from, last_page: lastPage, last_page_url: url(lastPage), links, next_page_url: next, path, per_page: perPage, prev_page_url: prev, to, total };
}

module.exports = {
	reply,
	ok,
	htmlString,
	notFound,
	methodNotAllowed,
	fieldErrors,
	formRequestErrors,
	businessError,
	caught,
	uncaught,
	modelNotFound,
	phpJsonEncode,
	APACHE_404,
	LARAVEL_404,
	parsePhpParams,
	readInput,
	isBlank,
	validate,
	readPage,
	paginate,
};
