'use strict';
// Fuse Universal emulator (API v5.0 with rotating tokens), following
// Fuse's documented answers (the harsher reading where they are unclear). Loopback only, Node built-ins only.

const { createEmulatorServer } = require('../common');
const { createConfig, applyConfig } = require('./config');
const { createStore } = require('./store');
const { createAuth } = require('./auth');
const { createRouter } = require('./router');
const { createWebhooks } = require('./webhooks');
const { registerUserRoutes } = require('./users');
const { registerCatalogRoutes } = require('./catalog');
const { registerLearningRoutes } = require('./learning');
const { createControlHandler, userFilter } = require('./control');
const { installLogRedaction } = require('./logging');
const { parseBody, queryParams } = require('./params');
const { FIXED_USERS } = require('./seed');
const E = require('./errors');

const COUNTER_KEYS = ['logins', 'failedLogins', 'legacyLogins', 'unauthorized', 'tokenMissing', 'tokenUnknown', 'tokenStale', 'forbidden', 'nonAdminRefusals', 'restrictedRefusals', 'rotations', 'tokensMinted', 'tokenInQuery', 'rateLimited', 'validationErrors', 'usersCreated', 'usersUpdated', 'usersDeactivated', 'usersRestored', 'webhooksSent', 'webhooksFailed'];
const SEED_DEFAULTS = { seedUsers: 20, seedCommunities: 6, seedTopics: 8, seedLearningPlans: 5, seedEventOccurrences: 6, seedNotifications: 12 };
const RATE_LIMIT_HTML = (status) => `<!DOCTYPE html><html><head><title>${status} ${status === 429 ? 'Too Many Requests' : 'Service Unavailable'}</title></head><body><h1>${status === 429 ? 'Too Many Requests' : 'Service Unavailable'}</h1></body></html>`;

// Default credentials (seed.js FIXED_USERS): admin, learner, deactivated, must-change-password.
const CREDENTIALS = Object.fromEntries(FIXED_USERS.map((u) => [u.username, { loginName: u.username, email: u.email, password: u.password, id: u.id, role: u.role }]));

function createClock(nowFn) {
	let offsetMs = 0;
	const now = () => (nowFn ? Number(nowFn()) : Date.now()) + offsetMs;
	const view = () => ({ now: new Date(now()).toISOString(), offsetSeconds: offsetMs / 1000 });
	return {
		now,
		view,
		set({ advanceSeconds, offsetSeconds }) {
			if (offsetSeconds !== undefined) offsetMs = Number(offsetSeconds) * 1000;
			if (advanceSeconds !== undefined) offsetMs += Number(advanceSeconds) * 1000;
			return view();
		},
	};
}

const seedCount = (options, key) => (options[key] === undefined ? SEED_DEFAULTS[key] : Number(options[key]) || 0);

async function startFuse(options = {}) {
	const config = createConfig(options);
	const clock = createClock(options.now);
	const router = createRouter();
	// login (current version, and v4.4 per the later wiki revision); legacy token login.
	router.add('POST', '/session', (r) => fuse.world.auth.session(r), { auth: 'none', versions: 'session' });
	router.add('POST', '/token', (r) => fuse.world.auth.legacyToken(r), { auth: 'none', versions: 'legacy' });
	registerUserRoutes(router);
	registerCatalogRoutes(router);
	registerLearningRoutes(router);
	const fuse = { config, clock, world: null, counters: null };
	let siteUrl = '';
	let rateCount = 0;

	function buildWorld(seedOptions = options) {
		const store = createStore({ clock, seed: Number(seedOptions.seed ?? options.seed) || 1, siteUrl });
		store.seedData({ fixedUsers: seedOptions.fixedUsers !== false, users: seedCount(seedOptions, 'seedUsers') });
		for (const user of seedOptions.users || []) store.insertUser({ role: 'learner', ...user });
		store.seedData({ communities: seedCount(seedOptions, 'seedCommunities'), topics: seedCount(seedOptions, 'seedTopics'), learningPlans: seedCount(seedOptions, 'seedLearningPlans'), eventOccurrences: seedCount(seedOptions, 'seedEventOccurrences'), notifications: seedCount(seedOptions, 'seedNotifications') });
		const auth = createAuth({ store, config, counters: fuse.counters, clock });
		return { store, auth, webhooks: createWebhooks({ config, store, counters: fuse.counters }) };
	}

	// [uncertain]: opt-in 429/503, with or without Retry-After, JSON envelope or HTML.
	function rateLimited(ctx) {
		const limit = config.rateLimit;
		if (!limit || !limit.everyN || (limit.match && !ctx.url.pathname.includes(limit.match))) return undefined;
		rateCount += 1;
		if (rateCount % limit.everyN !== 0) return undefined;
		fuse.counters.rateLimited += 1;
		const status = limit.status || 429;
		const headers = limit.retryAfter !== undefined && limit.retryAfter !== null ? { 'Retry-After': String(limit.retryAfter) } : {};
		return limit.html ? E.html(status, RATE_LIMIT_HTML(status), headers) : E.failure(status, status === 429 ? 'Too Many Requests' : 'Service Unavailable', headers);
	}

	// → { user } or a reply.: Auth-Token header on v5; `?auth_token=` ignored there (harsher).
	function authenticate(req, ctx, kind, version) {
		const { auth } = fuse.world;
		const queryToken = ctx.url.searchParams.get('auth_token');
		let found;
		if (kind === 'current') {
			if (queryToken !== null) fuse.counters.tokenInQuery += 1;
			found = auth.lookup(req.headers['auth-token']);
		} else if (queryToken) found = auth.lookupLegacy(queryToken);
		else found = config.legacySessionVersions.includes(version) ? auth.lookup(req.headers['auth-token']) : { reason: 'missing' };
		if (found.user) return { user: found.user, legacy: kind !== 'current' && Boolean(queryToken) };
		fuse.counters[{ missing: 'tokenMissing', unknown: 'tokenUnknown', stale: 'tokenStale' }[found.reason]] += 1;
		return { reply: E.unauthorized() };
	}

	async function dispatch(req, ctx) {
		const limited = rateLimited(ctx);
		if (limited) return limited;
		const method = req.method === 'HEAD' ? 'GET' : req.method;
		const m = /^\/api\/(v\d+(?:\.\d+)*)(\/.*)?$/.exec(ctx.url.pathname);
		if (!m) return E.routeNotFound(config);
		const [, version, rest = '/'] = m;
		const kind = version === config.apiVersion ? 'current' : config.legacyVersions.includes(version) ? 'legacy' : null;
		if (!kind) return E.routeNotFound(config); // unknown version [uncertain]: same as an unknown route
		const match = router.match(method, rest, { kind, version, config });
		if (!match) return E.routeNotFound(config);
		ctx.setRoute(`${method} ${match.route.path}`);
		const parsed = await parseBody(req.headers, ctx);
		if (parsed.malformed) return E.malformedJson();
		const { store, auth, webhooks } = fuse.world;
		const r = { method, version, kind, path: match.params, query: queryParams(ctx.url), body: parsed.body, headers: req.headers, store, auth, webhooks, config, counters: fuse.counters, siteUrl };
		if (match.route.auth === 'none') return match.route.handler(r);

		const who = authenticate(req, ctx, kind, version);
		if (who.reply) return who.reply;
		const { user } = who;
		// [uncertain]: must-change-password / terms accounts log in but are refused afterwards.
		if (user.password_change_required || !user.terms_and_conditions_accepted) {
			fuse.counters.restrictedRefusals += 1;
			return E.failure(config.restrictedAccountStatus, user.password_change_required ? 'You must change your password before continuing' : 'You must accept the terms and conditions before continuing');
		}
		// [uncertain]: non-admin on admin routes; 401 (default, same body as a dead token) or 403.
		if (match.route.admin && user.role !== 'admin') {
			fuse.counters.nonAdminRefusals += 1;
			return config.nonAdminStatus === 401 ? E.unauthorized() : E.failure(config.nonAdminStatus, `Forbidden ${config.nonAdminStatus}`);
		}
		r.user = user;
		try {
			return match.route.handler(r);
		} finally {
			if (!who.legacy) auth.noteUse(user);
		}
	}

	function send(ctx, result, startedAt) {
		const headers = { 'X-Request-Id': E.requestId(), 'X-Runtime': ((Date.now() - startedAt) / 1000).toFixed(6), ...result.headers };
		if (result.status === 401) fuse.counters.unauthorized += 1;
		if (result.status === 403) fuse.counters.forbidden += 1;
		if (result.empty) return ctx.send(result.status, '', headers);
		if (result.html !== undefined) return ctx.send(result.status, result.html, { 'Content-Type': 'text/html; charset=utf-8', ...headers });
		return ctx.sendJson(result.status, result.body, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'max-age=0, private, must-revalidate', ...headers });
	}

	async function handler(req, ctx) {
		const startedAt = Date.now();
		let result;
		try {
			result = await dispatch(req, ctx);
		} catch (error) {
			if (!error || !error.isReply) throw error;
			result = error;
		}
		send(ctx, result, startedAt);
	}

	fuse.expireTokens = (ref) => fuse.world.auth.expireAll(userFilter(fuse.world, ref));
	fuse.resetCounters = () => COUNTER_KEYS.forEach((key) => (fuse.counters[key] = 0));
	fuse.reset = (seedOptions) => {
		fuse.world = buildWorld({ ...options, ...seedOptions });
		rateCount = 0;
		fuse.resetCounters();
	};

	const server = await createEmulatorServer({ name: 'fuse', handler, controlHandler: createControlHandler(fuse), host: options.host, port: options.port });
	installLogRedaction(server);
	siteUrl = server.url;
	fuse.counters = server.counters; // provider counters live next to common's requests/faults/routes
	fuse.resetCounters();
	fuse.world = buildWorld();

	const originalStop = server.stop;
	return Object.defineProperties(
		Object.assign(server, {
			siteUrl,
			apiUrl: () => `${siteUrl}/api/${config.apiVersion}`,
			config,
			clock,
			credentials: CREDENTIALS,
			expireTokens: fuse.expireTokens,
			currentToken: (ref) => {
				const user = fuse.world.store.findUser(ref) || fuse.world.store.findByLogin(String(ref));
				return user ? user.auth.token : undefined;
			},
			advanceClock: (seconds) => clock.set({ advanceSeconds: seconds }),
			setConfig: (patch) => applyConfig(config, patch),
			seed: (data) => fuse.world.store.seedData(data),
			reset: (seedOptions = {}) => fuse.reset(seedOptions),
			resetCounters: fuse.resetCounters,
			emitWebhook: (event, params, url) => fuse.world.webhooks.emit(event, params, url),
			settleWebhooks: () => fuse.world.webhooks.settle(),
			stop: async () => {
				await fuse.world.webhooks.settle();
				return originalStop();
			},
		}),
		{
			state: { get: () => fuse.world.store.state, enumerable: true },
			store: { get: () => fuse.world.store, enumerable: true },
			webhookDeliveries: { get: () => fuse.world.webhooks.deliveries, enumerable: true },
		},
	);
}

module.exports = { startFuse, CREDENTIALS };
