'use strict';
// Nexudus admin REST API emulator, following Nexudus' documented answers.
// Loopback only, Node built-ins only. Base path `/api` on any host.

const { createEmulatorServer } = require('../common');
const { ENTITIES, blankRecord, byTable, serialize } = require('./entities');
const { createStore } = require('./store');
const { createSeeder, DEFAULT_COUNTS } = require('./seed');
const { createAuth, DEFAULT_USERS } = require('./auth');
const { createRateLimiter, DEFAULT_RATE_LIMIT } = require('./ratelimit');
const { createWebhookDispatcher, sign } = require('./webhooks');
const { createControlHandler, deliver } = require('./control');
const { handleApi } = require('./api');
const { applyPatch } = require('./crud');
const { send, serverError } = require('./replies');

const DEFAULT_CONFIG = {
	defaultPageSize: 25,
	maxPageSize: 1000, // legacy maximum
	tokenExpiresIn: 604799,
	totpCode: '123456', // accepted two-factor code on POST /api/token
	basicAllowsTwoFactor: false, // [uncertain] → harsher default
	sharedSecret: null, // no secret → unsigned deliveries
	webhookDisableAfter: 5, // "repeated failures disable the webhook" (count [uncertain])
	webhookTimeoutMs: 10000,
	autoDeliverWebhooks: true,
	allowCoworkerDelete: false, // [uncertain] → harsher default
	uniqueCoworkerEmail: true,
	allowOverlappingBookings: false,
	stringFilterMatch: 'contains', // as Nexudus: Coworker_Email=ann@x.com finds joann@x.com too
};

const SIDE_EFFECT_COUNTERS = { welcomeEmail: 'welcomeEmails', chargeNow: 'chargeNow', invoiceNow: 'invoiceNow', repeatBooking: 'repeatBookings' };
const providerCounters = () => ({
	logins: 0, failedLogins: 0, anonymousRequests: 0, twoFactorRefusals: 0, apiAccessDenied: 0, permissionDenied: 0, tokensIssued: 0, tokenRefreshes: 0,
	throttled: 0, throttledByRule: {}, listRequests: 0, sizeCapped: 0, ignoredFilters: 0, undocumentedDateFilters: 0,
	created: 0, updated: 0, deleted: 0, validationErrors: 0, businessRuleFailures: 0, notFound: 0, fieldsClearedByPut: 0,
	welcomeEmails: 0, chargeNow: 0, invoiceNow: 0, repeatBookings: 0, webhookDeliveries: 0, webhookFailures: 0, webhooksDisabled: 0,
});

const isOff = (v) => v === false || /^(off|false|0|no)$/i.test(String(v));

// Options (or standalone flags) → rate-limit config. `rateLimit: false|'off'` disables it.
function rateLimitFrom(options) {
	const limits = { ...DEFAULT_RATE_LIMIT, ...(typeof options.rateLimit === 'object' && options.rateLimit ? options.rateLimit : {}) };
	if (options.rateLimit !== undefined && typeof options.rateLimit !== 'object' && isOff(options.rateLimit)) limits.enabled = false;
	const flat = { minIntervalMs: 'minIntervalMs', requestsPerMinute: 'perMinute', perMinute: 'perMinute', requestsPerHour: 'perHour', requestsPerDay: 'perDay', writesPerMinute: 'writesPerMinute', writesPerDay: 'writesPerDay', retryAfterSeconds: 'retryAfterSeconds' };
	for (const [option, key] of Object.entries(flat)) if (options[option] !== undefined) limits[key] = Number(options[option]);
	return limits;
}

const seedCountsFrom = (options) =>
	Object.fromEntries(Object.keys(DEFAULT_COUNTS).map((key) => {
		const option = options[`seed${key[0].toUpperCase()}${key.slice(1)}`];
		return [key, option !== undefined ? Number(option) : DEFAULT_COUNTS[key]];
	}));

async function startNexudus(options = {}) {
	const config = { ...DEFAULT_CONFIG, rateLimit: rateLimitFrom(options) };
	for (const key of Object.keys(DEFAULT_CONFIG)) if (options[key] !== undefined) config[key] = typeof DEFAULT_CONFIG[key] === 'boolean' ? !isOff(options[key]) : options[key];
	const seed = Number(options.seed) || 1;
	const counters = providerCounters();
	const store = createStore({ entities: ENTITIES, now: options.now, seed });
	let seeder = createSeeder(store, seed);
	seeder.seedData(seedCountsFrom(options));
	const auth = createAuth({ store, config, counters, userSpecs: options.users || DEFAULT_USERS });
	auth.installAll();
	const limiter = createRateLimiter({ config, counters });
	const hooks = createWebhookDispatcher({ store, config, counters });

	// Time source of the rate limiter and of each logged request's `clockMs`: tests that run the
	// node's pacing on a fake clock pass that clock here, so both sides agree on elapsed time.
	const clock = typeof options.clock === 'function' ? options.clock : () => Date.now();
	const emu = { store, config, auth, hooks, limiter, clock };
	function recordSideEffect(kind, data) {
		store.log('sideEffects', { kind, ...data });
		if (SIDE_EFFECT_COUNTERS[kind]) counters[SIDE_EFFECT_COUNTERS[kind]] += 1;
	}
	// Context handed to entity hooks and handlers; `user` and `op` are set per request.
	emu.handlerContext = (user) => {
		const cache = new Map();
		const memo = (key, build) => (cache.has(key) ? cache.get(key) : cache.set(key, build()).get(key));
		const ctx = { store, config, counters, user, recordSideEffect, memo };
		ctx.emitActions = (entity, actions, record) => hooks.dispatch(actions, serialize(entity, record, ctx), entity.businessesOf ? entity.businessesOf(record, ctx) : null);
		ctx.emit = (entity, op, before, after) => {
			const actions = typeof entity.events === 'function' ? entity.events(op, before, after) : (entity.events && entity.events[op]) || [];
			if (actions.length) ctx.emitActions(entity, actions, after || before);
		};
		ctx.applyPatch = (entity, record, patch) => applyPatch(entity, record, patch, ctx);
		return ctx;
	};

	async function handler(req, ctx) {
		if (ctx.logEntry) ctx.logEntry.clockMs = clock();
		let result;
		try {
			result = await handleApi(req, ctx, emu);
		} catch (error) {
			console.error('[nexudus] handler crashed (answered like an unhandled server error):', error);
			result = serverError();
		}
		if (result.notFound) counters.notFound += 1;
		send(req, ctx, result);
	}

	const server = await createEmulatorServer({ name: 'nexudus', handler, controlHandler: createControlHandler(emu), host: options.host, port: options.port });
	server.counters = Object.assign(counters, server.counters); // one object: common + provider counters
	emu.server = server;

	emu.resetCounters = () => {
		const routes = server.counters.routes;
		Object.assign(counters, providerCounters(), { routes });
	};
	emu.configure = (changes) => {
		for (const [key, value] of Object.entries(changes)) {
			if (key === 'rateLimit') config.rateLimit = typeof value === 'object' && value ? { ...config.rateLimit, ...value } : { ...config.rateLimit, enabled: !isOff(value) };
			else if (key in DEFAULT_CONFIG) config[key] = value;
		}
		return config;
	};
	emu.seed = (counts) => seeder.seedData(counts);
	emu.reset = (counts = {}) => {
		store.clear();
		seeder = createSeeder(store, seed);
		const result = seeder.seedData({ ...DEFAULT_COUNTS, ...counts });
		auth.installAll();
		limiter.reset();
		return result;
	};
	emu.addUser = (user) => auth.addUser(user);
	emu.flushWebhooks = () => hooks.flush();
	emu.resetRateLimits = () => limiter.reset();
	emu.advanceClock = (ms) => ((store.clock.offsetMs += ms), { now: store.stamp() });
	// Test fixtures: records inserted as they are, without an API call (no validation, no webhooks).
	emu.insert = (table, values) => {
		const at = store.stamp();
		return store.insert(table, { ...blankRecord(byTable.get(table)), CreatedOn: at, UpdatedOn: at, UpdatedBy: 'admin@nexudus.test', ...values });
	};

	return Object.assign(server, {
		state: store.state,
		config,
		store,
		users: (options.users || DEFAULT_USERS).map((u) => ({ email: u.email || u.Email, password: u.password })),
		seed: emu.seed,
		reset: emu.reset,
		configure: emu.configure,
		resetCounters: emu.resetCounters,
		addUser: emu.addUser,
		deliver: async (body) => (await deliver(emu, body)).body,
		flushWebhooks: emu.flushWebhooks,
		resetRateLimits: emu.resetRateLimits,
		advanceClock: emu.advanceClock,
		insert: emu.insert,
		sign,
		apiUrl: `${server.url}/api`,
	});
}

module.exports = { startNexudus, DEFAULT_USERS, DEFAULT_CONFIG };
