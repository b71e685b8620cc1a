'use strict';
// WordPress REST layer: response descriptors, FluentCRM's error bodies, PHP-style params,
// pagination and the JSON encoding WordPress uses.

const NAMESPACE = '/fluent-crm/v2';

// Handlers return (or throw) a reply; index.js turns it into an HTTP response.
const reply = (status, body, extra = {}) => ({ isReply: true, status, body, ...extra });
const ok = (body, { bench = false } = {}) => reply(200, body, { bench });
const emptyOk = () => reply(200, undefined, { empty: true });
const fatal = () => reply(500, undefined, { fatal: true });
const validation = (fields) => reply(422, fields); // validation: a bare field map, no `message`
const businessError = (message) => reply(422, { message }); // a controller's "not found" or business error
const modelNotFound = (model) => reply(404, { message: `No query results for model [FluentCrm\\App\\Models\\${model}].` }); // findOrFail() misses
const sqlError = (table, perPage) =>
	reply(423, {
		message: `You have an error in your SQL syntax; check the manual that corresponds to your MariaDB server version for the right syntax to use near '${perPage} offset 0' at line 1 (SQL: select * from \`wp_fc_${table}\` order by \`id\` desc limit ${perPage} offset 0)`,
	}); // an exception without a usable code (here: a SQL error)

const restForbidden = (status) => ({ code: 'rest_forbidden', message: 'Sorry, you are not allowed to do that.', data: { status } });
const restNoRoute = () => ({ code: 'rest_no_route', message: 'No route was found matching the URL and request method.', data: { status: 404 } });
const restInvalidJson = () => ({
	code: 'rest_invalid_json',
	message: 'Invalid JSON body passed.',
	data: { status: 400, json_error_code: 4, json_error_message: 'Syntax error' },
});
const restNotLoggedIn = () => ({ code: 'rest_not_logged_in', message: 'You are not currently logged in.', data: { status: 401 } });

const CRITICAL_ERROR_MESSAGE =
	'<p>There has been a critical error on this website.</p><p><a href="https://wordpress.org/documentation/article/faq-troubleshooting/">Learn more about troubleshooting WordPress.</a></p>';

const FATAL_HTML = `<!DOCTYPE html>
<html lang="en-US">
<head>
	<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
	<meta name="viewport" content="width=device-width">
	<meta name='robots' content='max-image-preview:large, noindex, follow' />
	<title>WordPress &rsaquo; Error</title>
</head>
<body id="error-page">
	<div class="wp-die-message">${CRITICAL_ERROR_MESSAGE}</div>
</body>
</html>
`;

const WP_404_HTML = `<!DOCTYPE html>
<html lang="en-US"><head><meta charset="UTF-8"><title>Page not found &ndash; Emulated WordPress</title></head>
<body class="error404"><main><h1 class="page-title">Oops! That page can&rsquo;t be found.</h1></main></body></html>
`;

// The sample post every fresh WordPress has; WordPress sends unknown pages here (see index.js).
const samplePostHtml = (siteUrl) => `<!DOCTYPE html>
<html lang="en-US"><head><meta charset="UTF-8"><title>Hello world! &ndash; Emulated WordPress</title><link rel="canonical" href="${siteUrl}/hello-world/"></head>
<body class="post-template-default single single-post postid-1"><main><h1 class="entry-title">Hello world!</h1><p>Welcome to WordPress. This is your first post.</p></main></body></html>
`;

// WordPress answers a PHP fatal with JSON only when the request looks like a JSON request.
function wantsJsonErrors(headers) {
	const accept = String(headers.accept || '');
	const contentType = String(headers['content-type'] || '');
	return accept.includes('application/json') || isJsonMediaType(contentType);
}

function isJsonMediaType(contentType) {
	return /^application\/([\w!#$&.+^-]+\+)?json\b/i.test(String(contentType).trim());
}

const fatalJsonBody = () => ({ code: 'internal_server_error', message: CRITICAL_ERROR_MESSAGE, data: { status: 500 }, additional_errors: [] });

// wp_json_encode without flags: slashes escaped as `\/`, non-ASCII as `\uXXXX`.
function phpJsonEncode(value) {
	return JSON.stringify(value)
		.replace(/\//g, '\\/')
		.replace(/[\u007f-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

// PHP `$_GET` / `parse_str` semantics for `a[]=1&a[]=2&b[c]=3`.
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
			const isLast = i === keys.length - 1;
			const slot = key === '' ? (Array.isArray(node) ? node.length : Object.keys(node).length) : key;
			if (isLast) {
				if (Array.isArray(node) && key === '') node.push(value);
				else node[slot] = value;
			} else {
				if (node[slot] === null || typeof node[slot] !== 'object') node[slot] = keys[i + 1] === '' ? [] : {};
				node = node[slot];
			}
		});
	}
	return out;
}

// An array parameter as PHP sees it: `x[]=` lists and `x[0]=` maps; scalars are not lists.
function asList(value) {
	if (Array.isArray(value)) return value;
	if (value && typeof value === 'object') return Object.values(value);
	return undefined;
}

// PHP (int) cast of a request value.
function phpIntval(value) {
	if (typeof value === 'number') return Math.trunc(value);
	if (typeof value === 'boolean') return value ? 1 : 0;
	if (typeof value !== 'string') return value && typeof value === 'object' ? 1 : 0;
	const match = /^\s*([+-]?\d+)/.exec(value);
	return match ? parseInt(match[1], 10) : 0;
}

const isBlank = (v) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
const isPlainObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const isTruthyFlag = (value) => value === true || value === 1 || ['1', 'true', 'yes', 'on'].includes(String(value).toLowerCase());

// page defaults to 1; per_page defaults to 15, has no maximum, 0/non-numeric → fatal, negative → SQL error.
function readPaging(params, table) {
	const page = Math.max(1, phpIntval(params.page ?? 1));
	if (params.per_page === undefined) return { page, perPage: 15 };
	const perPage = phpIntval(params.per_page);
	if (perPage === 0) throw fatal();
	if (perPage < 0) throw sqlError(table, perPage);
	return { page, perPage };
}

// Laravel-style paginator exactly as observed. `next_page_url` is relative, keeps only
// `page` and always uses the /wp-json form without the sub-folder (not confirmed on a real
// server; the harsher variant, since following it breaks on sub-folder sites).
function paginate(rows, { page, perPage }, routePath) {
	const total = rows.length;
	const lastPage = Math.ceil(total / perPage);
	const offset = (page - 1) * perPage;
	const data = rows.slice(offset, offset + perPage);
	const pageUrl = (n) => `/wp-json${NAMESPACE}${routePath}?page=${n}`;
	return {
		total,
		per_page: perPage,
		current_page: page,
		last_page: lastPage,
		next_page_url: page < lastPage ? pageUrl(page + 1) : null,
		prev_page_url: page > 1 ? pageUrl(page - 1) : null,
		from: data.length ? offset + 1 : null,
		to: data.length ? offset + data.length : null,
		data,
	};
}

// Generic sorter for `sort_by` + direction; unknown columns lose the default order
// and fall back to the table order (lowest id first), as observed for contacts.
function sortRows(rows, { sortBy, direction, allowed, defaultBy = 'id', defaultDirection = 'DESC' }) {
	let by = defaultBy;
	let dir = defaultDirection;
	if (sortBy !== undefined) {
		if (!allowed.includes(sortBy)) return [...rows].sort((a, b) => a.id - b.id);
		by = sortBy;
		dir = String(direction || 'DESC').toUpperCase() === 'ASC' ? 'ASC' : 'DESC';
	}
	const sign = dir === 'ASC' ? 1 : -1;
	return [...rows].sort((a, b) => sign * (compareValues(a[by], b[by]) || a.id - b.id));
}

function compareValues(a, b) {
	if (a === b) return 0;
	if (a === null || a === undefined) return -1;
	if (b === null || b === undefined) return 1;
	if (typeof a === 'number' && typeof b === 'number') return a - b;
	return String(a).localeCompare(String(b));
}

// WordPress sanitize_title(): lower-case, accents dropped, non-alphanumerics → '-'.
function sanitizeTitle(text) {
	return String(text)
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9\s_-]/g, '')
		.trim()
		.replace(/[\s_]+/g, '-')
		.replace(/-+/g, '-')
		.replace(/^-|-$/g, '');
}

module.exports = {
	NAMESPACE,
	reply,
	ok,
	emptyOk,
	fatal,
	validation,
	businessError,
	modelNotFound,
	sqlError,
	restForbidden,
	restNoRoute,
	restInvalidJson,
	restNotLoggedIn,
	fatalJsonBody,
	FATAL_HTML,
	WP_404_HTML,
	samplePostHtml,
	wantsJsonErrors,
	isJsonMediaType,
	phpJsonEncode,
	parsePhpParams,
	asList,
	phpIntval,
	isTruthyFlag,
	isBlank,
	isPlainObject,
	readPaging,
	paginate,
	sortRows,
	sanitizeTitle,
};
