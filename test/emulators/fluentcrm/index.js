'use strict';
// FluentCRM 2.9.84 emulator (free plugin on WordPress 6.1), as observed on a real install and
// read in the plugin's source. Loopback only, Node built-ins only.

const { createEmulatorServer } = require('../common');
const wp = require('./wp');
const { createStore, DEFAULT_TAGS, DEFAULT_LISTS, DEFAULT_CUSTOM_FIELDS } = require('./store');
const { DEFAULT_USERS, normaliseUsers, authenticate, isPermitted } = require('./auth');
const { createRouter } = require('./router');
const { registerContactRoutes } = require('./contacts');
const { registerTaxonomyRoutes } = require('./taxonomies');
const { registerCatalogRoutes } = require('./catalog');
const { registerCompanyRoutes } = require('./companies');
const { registerAdminRoutes } = require('./admin');
const { handleInboundWebhook } = require('./inbound');

const CONFIG_KEYS = ['companiesModule', 'plainHttpProduction', 'rateLimit', 'eventTracking', 'plainPermalinks', 'theme'];
const SAMPLE_POST = { id: '1', slug: 'hello-world' };

function buildRouter() {
	const router = createRouter();
	registerContactRoutes(router);
	registerTaxonomyRoutes(router);
	registerCatalogRoutes(router);
	registerCompanyRoutes(router);
	registerAdminRoutes(router);
	return router;
}

const normaliseSubPath = (subPath = '') => {
	const trimmed = String(subPath).replace(/\/+$/, '');
	return !trimmed ? '' : trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
};

// Where a request lands on the site: a REST route (/wp-json and ?rest_route=), the inbound
// webhook receiver, the REST index, the sample post, any other page of the site, or a path outside
// the WordPress install. With plain permalinks WordPress does not route /wp-json at all: such
// a request is just an unknown page (observed on 2.9.84 / WordPress 6.1).
function locate(url, subPath, config) {
	const path = url.pathname;
	if (path !== subPath && !path.startsWith(`${subPath}/`)) return { kind: 'outside' };
	const local = path.slice(subPath.length) || '/';
	const untrail = (route) => route.replace(/\/+$/, '') || '/';
	const isRestPath = local === '/wp-json' || local.startsWith('/wp-json/');
	if (isRestPath && !config.plainPermalinks) return { kind: 'rest', route: untrail(decodeURIComponent(local.slice('/wp-json'.length))) };
	const isFrontPage = local === '/' || local === '/index.php';
	if (isFrontPage && url.searchParams.has('rest_route')) return { kind: 'rest', route: untrail(url.searchParams.get('rest_route')) };
	if (isFrontPage && url.searchParams.get('fluentcrm') === '1') return { kind: 'inbound' };
	if ((isFrontPage && url.searchParams.get('p') === SAMPLE_POST.id) || untrail(local) === `/${SAMPLE_POST.slug}`) return { kind: 'post' };
	return { kind: 'page' };
}

// WordPress answers an unknown page with a 301 to the post it guesses was meant
// (redirect_guess_404_permalink, GET and HEAD only), keeping the query string. Observed on
// 2.9.84: list reads with the wrong REST style or a wrong sub-folder land on a post page that
// answers 200 with HTML, or with an empty body on a site without a theme. Other methods get the 404 page.
function guessedPostUrl(url, siteUrl, config) {
	const query = new URLSearchParams(url.searchParams);
	if (config.plainPermalinks) {
		query.delete('p');
		const rest = query.toString();
		return `${siteUrl}/?p=${SAMPLE_POST.id}${rest ? `&${rest}` : ''}`;
	}
	const rest = query.toString();
	return `${siteUrl}/${SAMPLE_POST.slug}/${rest ? `?${rest}` : ''}`;
}

// WordPress honours `_method` and X-HTTP-Method-Override; HEAD is served by GET handlers.
function effectiveMethod(req, url) {
	const override = url.searchParams.get('_method') || req.headers['x-http-method-override'];
	const method = String(override || req.method).toUpperCase();
	return method === 'HEAD' ? 'GET' : method;
}

// WP_REST_Request param precedence: JSON body > form body > query string.
function requestParams(ctx, headers) {
	const query = wp.parsePhpParams([...ctx.url.searchParams]);
	const contentType = String(headers['content-type'] || '');
	let body = {};
	if (/^application\/x-www-form-urlencoded/i.test(contentType)) body = wp.parsePhpParams([...new URLSearchParams(ctx.rawBody)]);
	else if (wp.isJsonMediaType(contentType) && wp.isPlainObject(ctx.json)) body = ctx.json;
	return { ...query, ...body };
}

function restHeaders(siteUrl, allow) {
	return {
		'Content-Type': 'application/json; charset=UTF-8',
		'X-Robots-Tag': 'noindex',
		Link: `<${siteUrl}/wp-json/>; rel="https://api.w.org/"`,
		'X-Content-Type-Options': 'nosniff',
		'Access-Control-Expose-Headers': 'X-WP-Total, X-WP-TotalPages, Link',
		'Access-Control-Allow-Headers': 'Authorization, X-WP-Nonce, Content-Disposition, Content-MD5, Content-Type',
		...(allow && allow.length ? { Allow: allow.join(', ') } : {}),
	};
}

const hostRateLimitPage = (status) =>
	`<!DOCTYPE html><html><head><title>${status === 429 ? '429 Too Many Requests' : '503 Service Unavailable'}</title></head><body><h1>${status === 429 ? 'Too Many Requests' : 'Service Temporarily Unavailable'}</h1><p>The web host limited this request.</p></body></html>`;

async function startFluentCrm(options = {}) {
	const subPath = normaliseSubPath(options.subPath);
	const users = normaliseUsers(options.users || DEFAULT_USERS);
	const config = {
		companiesModule: Boolean(options.companiesModule),
		plainHttpProduction: Boolean(options.plainHttpProduction),
		rateLimit: options.rateLimit || null,
		eventTracking: Boolean(options.eventTracking),
		// Sites without pretty permalinks: only `?rest_route=` reaches the REST API.
		plainPermalinks: Boolean(options.plainPermalinks),
		// false: a site without a theme, whose pages answer 200 with an empty body.
		theme: options.theme !== false && options.noTheme !== true,
	};
	const router = buildRouter();
	const doubleOptinEmails = [];
	const destructiveCalls = [];
	let siteUrl = '';
	let store;
	let siteRequests = 0;

	const sendDoubleOptin = (contact) => doubleOptinEmails.push({ contactId: contact.id, email: contact.email, time: store.timestamp() });

	// Opt-in HOSTING behaviour (FluentCRM itself never rate-limits): every Nth request is refused.
	function rateLimited(ctx) {
		const limit = config.rateLimit;
		siteRequests += 1;
		if (!limit || !limit.everyN || siteRequests % limit.everyN !== 0) return false;
		const status = limit.status || 429;
		const headers = limit.retryAfter !== undefined && limit.retryAfter !== null ? { 'Retry-After': String(limit.retryAfter) } : {};
		if (limit.html === false) ctx.sendJson(status, { message: 'Too Many Requests' }, headers);
		else ctx.send(status, hostRateLimitPage(status), { 'Content-Type': 'text/html; charset=UTF-8', ...headers });
		return true;
	}

	function sendReply(req, ctx, result, allow, startedAt) {
		if (result.fatal) {
			if (wp.wantsJsonErrors(req.headers)) return ctx.send(500, wp.phpJsonEncode(wp.fatalJsonBody()), { 'Content-Type': 'application/json; charset=UTF-8' });
			return ctx.send(500, wp.FATAL_HTML, { 'Content-Type': 'text/html; charset=UTF-8' }); // the "critical error" page
		}
		if (result.empty) return ctx.send(result.status, '', restHeaders(siteUrl, allow));
		const body = result.bench ? { ...result.body, __bench: Number(((Date.now() - startedAt) / 1000 + 0.004).toFixed(4)) } : result.body;
		return ctx.send(result.status, wp.phpJsonEncode(body), restHeaders(siteUrl, allow));
	}

	function handleRest(req, ctx, route) {
		const startedAt = Date.now();
		const method = effectiveMethod(req, ctx.url);
		const sendError = (status, body, allow) => ctx.send(status, wp.phpJsonEncode(body), restHeaders(siteUrl, allow));
		if (route === '/') return sendError(200, { name: 'Emulated FluentCRM site', url: siteUrl, home: siteUrl, namespaces: ['oembed/1.0', 'fluent-crm/v2', 'wp/v2'], authentication: { 'application-passwords': { endpoints: { authorization: `${siteUrl}/wp-admin/authorize-application.php` } } }, routes: {} });

		const match = router.match(method, route);
		if (match && method === 'OPTIONS') return sendError(200, { namespace: route.split('/').slice(1, 3).join('/'), methods: match.allowed, endpoints: match.allowed.map((m) => ({ methods: [m], args: {} })) }, match.allowed);
		// Unknown route, non-numeric id or unsupported method (no 405 in WordPress).
		if (!match || !match.entry) return sendError(404, wp.restNoRoute(), match && match.allowed);
		ctx.setRoute(`${method} ${match.path}`);
		if (match.entry.destructive) destructiveCalls.push({ method, route, time: new Date().toISOString() });
		// Malformed JSON: checked after routing, before permissions (WP_REST_Server::dispatch order).
		if (ctx.jsonMalformed && wp.isJsonMediaType(req.headers['content-type'] || '')) return sendError(400, wp.restInvalidJson());

		const user = authenticate(req.headers, users, config);
		const permission = match.entry.permission;
		if (!isPermitted(permission, user, config)) {
			if (permission === 'core') return sendError(401, wp.restNotLoggedIn());
			const status = user ? 403 : 401; // rest_authorization_required_code()
			return sendError(status, wp.restForbidden(status));
		}
		// rest_send_allow_header(): only the methods the current user may call, so 401/403 carry no Allow.
		const allow = Object.entries(match.handlers).filter(([, h]) => isPermitted(h.permission, user, config)).map(([m]) => m);
		const r = { method, routePath: route.replace(wp.NAMESPACE, ''), path: match.params, params: requestParams(ctx, req.headers), headers: req.headers, user, store, config, siteUrl, sendDoubleOptin };
		let result;
		try {
			result = match.entry.handler(r);
		} catch (error) {
			if (!error || !error.isReply) console.error('[fluentcrm] handler crashed (answered as a PHP fatal):', error);
			result = error && error.isReply ? error : wp.fatal();
		}
		return sendReply(req, ctx, result, allow, startedAt);
	}

	function handlePage(req, ctx, place) {
		const html = { 'Content-Type': 'text/html; charset=UTF-8' };
		const method = effectiveMethod(req, ctx.url);
		if (place.kind === 'post') return ctx.send(200, config.theme ? wp.samplePostHtml(siteUrl) : '', html);
		if (place.kind === 'page' && method === 'GET') return ctx.send(301, '', { ...html, Location: guessedPostUrl(ctx.url, siteUrl, config) });
		return ctx.send(404, wp.WP_404_HTML, html);
	}

	async function handler(req, ctx) {
		if (rateLimited(ctx)) return;
		const place = locate(ctx.url, subPath, config);
		if (place.kind === 'rest') return handleRest(req, ctx, place.route);
		if (place.kind === 'inbound') return handleInboundWebhook({ req, ctx, store, sendDoubleOptin });
		return handlePage(req, ctx, place);
	}

	async function controlHandler(req, ctx) {
		const route = `${req.method} ${ctx.url.pathname}`;
		if (route === 'GET /__emulator/fluentcrm/data') return ctx.sendJson(200, { state: store.state, config, doubleOptinEmailsSent: doubleOptinEmails.length, doubleOptinEmails, destructiveCalls }), true;
		if (route === 'POST /__emulator/fluentcrm/config') {
			for (const key of CONFIG_KEYS) if (ctx.json && key in ctx.json) config[key] = ctx.json[key];
			return ctx.sendJson(200, config), true;
		}
		if (route === 'POST /__emulator/fluentcrm/seed') return store.seedData(ctx.json || {}), ctx.sendJson(200, { contacts: store.state.contacts.length }), true;
		if (route === 'POST /__emulator/fluentcrm/reset-counters') return (doubleOptinEmails.length = 0), (destructiveCalls.length = 0), ctx.sendJson(200, { ok: true }), true;
		return false;
	}

	const server = await createEmulatorServer({ name: 'fluentcrm', handler, controlHandler, port: options.port });
	siteUrl = `${server.url}${subPath}`;
	store = createStore({ now: options.now, siteUrl, seed: Number(options.seed) || 1 });
	store.seedData({
		tags: options.seedTags || DEFAULT_TAGS,
		lists: options.seedLists || DEFAULT_LISTS,
		customFields: options.seedCustomFields || DEFAULT_CUSTOM_FIELDS,
		campaigns: true,
		contacts: Number(options.seedContacts) || 0,
	});

	return Object.defineProperties(Object.assign(server, { siteUrl, subPath, state: store.state, store, config, users, doubleOptinEmails, destructiveCalls, seed: (data) => store.seedData(data) }), {
		doubleOptinEmailsSent: { get: () => doubleOptinEmails.length, enumerable: true },
	});
}

module.exports = { startFluentCrm };
