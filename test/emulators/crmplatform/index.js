'use strict';
// CRM Platform emulator: the `crm-plugin` Strapi 3.0.x plugin with users-permissions, following
// the real plugin's documented and observed answers. Loopback only, Node built-ins only.

const { createEmulatorServer } = require('../common');
const { notFound } = require('./errors');
const { createStore } = require('./store');
const { createQueryEngine, parseQuery } = require('./query');
const { createTokenService } = require('./jwt');
const { seedAuth, defaultPermissions, authorize, DEFAULT_USERS } = require('./auth');
const { createSeeder } = require('./seed');
const { parseBody, createRouter, toReply, send } = require('./http');
const { registerAuthRoutes } = require('./authroutes');
const { registerContactRoutes } = require('./contacts');
const { registerLinkedRoutes } = require('./links');
const { registerGenericRoutes } = require('./generic');
const { CONFIG_KEYS, COUNTER_KEYS, applyConfig, createHelpers, handleControl } = require('./control');

const CONFIG_DEFAULTS = {
	tokenTtlSeconds: 30 * 24 * 3600, // users-permissions jwt.expiresIn '30d'
	singleSession: false, // test switch: a new login revokes the user's older tokens
	jwtSecret: 'crm-platform-emulator-jwt-secret',
	emailConfirmation: false, // Auth.form.error.confirmed only when on
	allowRegister: false,
	database: 'mysql', // 'mysql' (MariaDB, as on the real server observed) | 'postgres' (harsher: typed columns, errors) | 'sqlite' (lenient)
	boomDataCopy: true, // body with the `data` copy; false = Strapi 3.0.x without it [uncertain]
	nodeErrorStyle: 'legacy', // wording of Node ≤ 14, as on the real server observed; 'modern' = Node ≥ 16
	updateMovesRow: true, // [uncertain] Postgres heap order: an updated row moves to the end of unsorted lists
	rateLimit: null, // none in Strapi; { everyN, status, retryAfter } simulates a reverse proxy
};

function buildRouter() {
	const router = createRouter();
	registerAuthRoutes(router);
	registerContactRoutes(router);
	registerLinkedRoutes(router);
	registerGenericRoutes(router);
	// exists, rewrites the plugin's route file on a real server; recorded so tests can assert it is never called.
	router.add('GET', '/crm-plugin/generateRoutes', () => ({ error: false, message: 'ok' }), { action: 'crm-plugin.crmplugin.generateRoutes', plugin: true, destructive: true });
	return router;
}

const normaliseSubPath = (subPath = '') => {
	const trimmed = String(subPath === true ? '' : subPath).replace(/\/+$/, '');
	return !trimmed ? '' : trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
};

const USERS_CREATED_AT = '2020-05-18T07:15:54.051Z';

const proxyPage = (status) => `<html>\r\n<head><title>${status} ${status === 404 ? 'Not Found' : status === 429 ? 'Too Many Requests' : 'Service Temporarily Unavailable'}</title></head>\r\n<body>\r\n<center><h1>${status}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;

// Standalone flags arrive as strings: "true"/"false" → booleans; --rate-limit-every-n N (+ --rate-limit-status,
// --rate-limit-retry-after) → rateLimit.
function normaliseOptions(raw) {
	const options = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v === 'true' ? true : v === 'false' ? false : v]));
	if (options.rateLimitEveryN && !options.rateLimit) {
		options.rateLimit = { everyN: Number(options.rateLimitEveryN), status: Number(options.rateLimitStatus) || 429, retryAfter: options.rateLimitRetryAfter ?? null };
	}
	return options;
}

async function startCrmPlatform(rawOptions = {}) {
	const options = normaliseOptions(rawOptions);
	const config = applyConfig({ ...CONFIG_DEFAULTS }, Object.fromEntries(CONFIG_KEYS.filter((k) => k in options).map((k) => [k, options[k]])));
	const subPath = normaliseSubPath(options.subPath);
	const baseNow = typeof options.now === 'function' ? options.now : () => new Date();
	const clock = { offsetMs: 0, seedAt: null };
	const now = () => clock.seedAt || new Date(new Date(baseNow()).getTime() + clock.offsetMs);
	const router = buildRouter();
	const outbox = []; // emails users-permissions would have sent (reset codes, confirmations)
	const destructiveCalls = [];
	let world;
	let proxyRequests = 0;

	const emu = { config, clock, now, outbox, destructiveCalls, world: () => world, rebuild: () => (world = buildWorld()) };

	function buildWorld() {
		const store = createStore({ now, config });
		const permissions = options.permissions ? JSON.parse(JSON.stringify(options.permissions)) : defaultPermissions();
		const seeder = createSeeder(store, (date) => (clock.seedAt = date), Number(options.seed) || 1);
		clock.seedAt = new Date(USERS_CREATED_AT); // the docs' demo user timestamp
		seedAuth(store, options.users || DEFAULT_USERS);
		clock.seedAt = null;
		seeder.seedData({
			geo: options.seedGeo !== false,
			activityTypes: options.seedActivityTypes === undefined ? true : options.seedActivityTypes,
			tags: options.seedTags === undefined ? 5 : Number(options.seedTags),
			contacts: options.seedContacts === undefined ? 25 : Number(options.seedContacts),
			activities: options.seedActivities === undefined ? 10 : Number(options.seedActivities),
		});
		return { store, permissions, seeder, q: createQueryEngine(store, config), tokens };
	}

	// opt-in reverse-proxy limiting for client back-off tests: every Nth request is refused.
	function rateLimited(ctx) {
		const limit = config.rateLimit;
		proxyRequests += 1;
		if (!limit || !limit.everyN || proxyRequests % limit.everyN !== 0) return false;
		const status = limit.status || 429;
		const headers = limit.retryAfter !== undefined && limit.retryAfter !== null ? { 'Retry-After': String(limit.retryAfter) } : {};
		ctx.send(status, proxyPage(status), { 'Content-Type': 'text/html', Server: 'nginx', ...headers });
		return true;
	}

	function localPath(pathname) {
		if (!subPath) return pathname;
		if (pathname === subPath) return '/';
		return pathname.startsWith(`${subPath}/`) ? pathname.slice(subPath.length) : null;
	}

	async function handler(req, ctx) {
		const startedAt = Date.now();
		if (rateLimited(ctx)) return;
		const path = localPath(ctx.url.pathname);
		if (path === null) return ctx.send(404, proxyPage(404), { 'Content-Type': 'text/html', Server: 'nginx' }); // outside the proxied sub-path
		const method = req.method === 'HEAD' ? 'GET' : req.method;
		const counters = emu.counters;
		let reply;
		let pluginRoute = false;
		try {
			const body = parseBody(method, req.headers, ctx.rawBody); // koa-body runs before the router
			const match = router.match(method, path);
			if (!match) throw notFound(); // (wrong method on a known path included)
			const { route, params } = match;
			pluginRoute = Boolean(route.plugin);
			ctx.setRoute(`${method} ${route.path}`);
			if (route.destructive) {
				counters.generateRoutesCalls += 1;
				destructiveCalls.push({ method, path: ctx.url.pathname, time: new Date().toISOString() });
			}
			if (route.authFlow) counters.authFlowCalls += 1;
			const { store, q, tokens, permissions } = world;
			// the users-permissions policy runs before every route, /auth/local included.
			const { user, role } = authorize({ headers: req.headers, action: route.action, store, tokens, config, permissions });
			const r = { params, query: parseQuery(ctx.url.searchParams), body, headers: req.headers, user, role, store, q, tokens, config, counters, outbox };
			reply = toReply(await route.handler(r), null, { config, pluginRoute });
		} catch (error) {
			reply = toReply(undefined, error, { config, pluginRoute });
		}
		const key = { 400: 'badRequests', 401: 'unauthorized', 403: 'forbidden', 404: 'notFound' }[reply.status];
		if (key) counters[key] += 1;
		send(ctx, reply, startedAt);
	}

	let helpers;
	const server = await createEmulatorServer({
		name: 'crmplatform',
		handler,
		controlHandler: (req, ctx) => handleControl(req, ctx, emu, helpers),
		host: options.host || '127.0.0.1',
		port: options.port,
	});
	for (const key of COUNTER_KEYS) server.counters[key] = 0;
	emu.counters = server.counters;
	helpers = createHelpers(emu);
	const tokens = createTokenService({ now, config, counters: emu.counters }); // survives reset: old tokens stay revocable
	world = buildWorld();

	const siteUrl = `${server.url}${subPath}`;
	return Object.defineProperties(Object.assign(server, { siteUrl, subPath, config, clock, now, outbox, destructiveCalls, ...helpers }), {
		state: { get: () => world.store.state, enumerable: true },
		store: { get: () => world.store, enumerable: true },
		permissions: { get: () => world.permissions, enumerable: true },
	});
}

module.exports = { startCrmPlatform, CONFIG_DEFAULTS };
