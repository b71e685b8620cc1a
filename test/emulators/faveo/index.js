'use strict';
// Faveo Helpdesk community edition emulator (API v1 + the v2 ticket list), as Faveo's code and an
// observed v2.0.3 server behave. Two flavours: v2.x (default) and v1.9.6.
// Loopback only, Node built-ins only.

const crypto = require('node:crypto');
const { createEmulatorServer } = require('../common');
const L = require('./laravel');
const { createStore } = require('./store');
const { DEFAULT_STAFF } = require('./fixtures');
const { createTokenService, extractToken } = require('./jwt');
const { createThrottle } = require('./throttle');
const { login, currentUser, guard, checkApiKey } = require('./auth');
const { createRouter } = require('./router');
const { registerTicketRoutes } = require('./tickets');
const { registerListRoutes } = require('./lists');
const { registerUserRoutes } = require('./users');
const { registerLookupRoutes } = require('./lookups');
const { registerTrapRoutes } = require('./traps');
const { createWebhookSender } = require('./webhook');
const { createControlHandler, freshCounters, applyConfig, normaliseVersion } = require('./control');

const V1 = '/api/v1';
const DEFAULT_API_KEY = 'Zq8sYv2LmT4nRb7KcW1pXe9dHf3gJu6A'; // 32 characters, like the admin panel's key

function buildRouter() {
	const router = createRouter();
	router.add('POST', `${V1}/authenticate`, login, { auth: false });
	router.add('GET', `${V1}/authenticate/user`, currentUser);
	registerTicketRoutes(router, V1);
	registerListRoutes(router, V1);
	registerUserRoutes(router, V1);
	registerLookupRoutes(router, V1);
	registerTrapRoutes(router, V1);
	return router;
}

const normaliseSubPath = (subPath = '') => {
	const trimmed = String(subPath === true ? '' : subPath).replace(/\/+$/, '');
	return !trimmed ? '' : trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
};
// Laravel routes on the decoded path (rawurldecode, once): `helpdesk/%61pi_key` reaches the api_key
// route (observed on v2.0.3). Repeated slashes are merged as a web server in front may do (harsher).
function routedPath(rawPath) {
	const merged = rawPath.replace(/\/{2,}/g, '/');
	const bytes = [];
	for (let i = 0; i < merged.length; i++) {
		const escaped = merged[i] === '%' && /^[0-9a-f]{2}$/i.test(merged.slice(i + 1, i + 3));
		if (escaped) {
			bytes.push(parseInt(merged.slice(i + 1, i + 3), 16));
			i += 2;
		} else bytes.push(...Buffer.from(merged[i], 'utf8'));
	}
	return Buffer.from(bytes).toString('utf8');
}
const flag = (value, fallback = false) => (value === undefined ? fallback : value === true || value === 'true' || value === 1 || value === '1');

async function startFaveo(options = {}) {
	const subPath = normaliseSubPath(options.subPath);
	const config = {
		version: normaliseVersion(options.version),
		tokenTtlSeconds: Number(options.tokenTtlSeconds ?? 240), // the installer writes JWT_TTL=4 (minutes)
		singleSession: flag(options.singleSession),
		enforceApiKey: flag(options.enforceApiKey),
		rateLimit: Number(options.rateLimit ?? 60),
		rateLimitWindowSeconds: Number(options.rateLimitWindowSeconds ?? 60),
		// Observed on v2.0.3: one window per client IP, logins included.
		throttleBy: options.throttleBy === 'user' ? 'user' : 'ip',
		stripAuthorization: flag(options.stripAuthorization),
		appUrl: options.appUrl || '',
		webhookUrl: options.webhookUrl || '',
		webhookTimeoutMs: Number(options.webhookTimeoutMs ?? 5000),
		unverifiedNewUsers: flag(options.unverifiedNewUsers),
		requireMobile: flag(options.requireMobile),
		failTokenCreation: flag(options.failTokenCreation),
		clockOffsetSeconds: Number(options.clockOffsetSeconds ?? 0),
	};
	const baseNow = typeof options.now === 'function' ? () => Number(options.now()) : Date.now;
	const nowMs = () => baseNow() + Number(config.clockOffsetSeconds || 0) * 1000;
	const store = createStore({ now: nowMs, seed: Number(options.seed) || 1 });
	const state = store.state;
	Object.assign(state.settings, { apiKey: options.apiKey || DEFAULT_API_KEY, apiEnabled: flag(options.apiEnabled, true) });
	store.newKey = () => Array.from(crypto.randomBytes(32), (b) => 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'[b % 62]).join('');
	const tokens = createTokenService({ secret: options.jwtSecret || 'faveo-emulator-jwt-secret', random: () => crypto.randomInt(0, 2 ** 32) / 2 ** 32 });
	const throttle = createThrottle({ now: nowMs, config });
	const router = buildRouter();
	let emu; // the server object, augmented below; the control handler reads it lazily
	let counters;
	let fireWebhook;

	function send(ctx, result, extraHeaders = {}) {
		const headers = { 'Cache-Control': 'no-cache, private', ...extraHeaders, ...(result.headers || {}) };
		if (result.type === 'html') return ctx.send(result.status, String(result.body), { 'Content-Type': 'text/html; charset=UTF-8', ...headers });
		if (result.type === 'text') return ctx.send(result.status, String(result.body), { 'Content-Type': 'text/html; charset=UTF-8', ...headers });
		const body = typeof result.body === 'string' ? result.body : L.phpJsonEncode(result.body);
		return ctx.send(result.status, body, { 'Content-Type': 'application/json', ...headers });
	}

	// v2.x → 500 {"error":"Too Many Attempts."} without Retry-After; v1.9.6 → 429 text with it.
	function throttled(ctx, verdict) {
		counters.throttled += 1;
		if (config.version === '1.9') return send(ctx, { status: 429, type: 'text', body: 'Too Many Attempts.' }, { ...verdict.headers, 'Retry-After': String(verdict.retryAfter) });
		return send(ctx, L.uncaught('Too Many Attempts.'));
	}

	async function handler(req, ctx) {
		const path = routedPath(ctx.url.pathname);
		if (subPath && path !== subPath && !path.startsWith(`${subPath}/`)) return send(ctx, { status: 404, type: 'html', body: L.APACHE_404 });
		let local = path.slice(subPath.length) || '/';
		if (local === '/index.php' || local.startsWith('/index.php/')) local = local.slice('/index.php'.length) || '/';
		if (!/^\/api(\/|$)/.test(local)) return send(ctx, { status: 404, type: 'html', body: L.LARAVEL_404 });

		const method = req.method === 'HEAD' ? 'GET' : req.method;
		const input = L.readInput(method, req.headers, ctx);
		if (!/application\/json/i.test(String(req.headers.accept || ''))) counters.withoutAcceptJson += 1;
		if (input.where('api_key') === 'query') counters.apiKeyInQuery += 1;
		const match = router.match(req.method, local);
		if (match.status === 404) return send(ctx, L.notFound());
		if (match.status === 405) return send(ctx, L.methodNotAllowed());
		const { entry } = match;
		ctx.setRoute(`${entry.method} ${entry.path}`);

		const origin = `http://${req.headers.host}`;
		const localRoute = local.replace(/\/+$/, '');
		const r = {
			req, method, input, params: input.params, store, state, config, counters, tokens, nowMs, fireWebhook,
			localPath: localRoute,
			requestUrl: `${origin}${path.replace(/\/+$/, '')}`,
			// Absolute page URLs from the server's idea of its own URL; other query parameters dropped.
			pagePath: () => (config.appUrl ? `${String(config.appUrl).replace(/\/+$/, '')}${localRoute}` : `${origin}${path.replace(/\/+$/, '')}`),
		};
		let rateHeaders = {};
		let result;
		try {
			if (entry.throttle) {
				const { token } = extractToken(req, input, config);
				const subject = config.throttleBy === 'user' && token ? tokens.peekSubject(token, nowMs()) : undefined;
				const verdict = throttle.check(subject !== undefined ? `user:${subject}` : `ip:${req.socket.remoteAddress}`);
				if (verdict.limited) return throttled(ctx, verdict);
				rateHeaders = verdict.headers;
			}
			result = (entry.apiKey && checkApiKey(r)) || undefined;
			if (!result) {
				if (entry.auth) r.user = guard(r);
				result = await entry.handler(r);
			}
		} catch (error) {
			if (!error || !error.isReply) console.error('[faveo] handler crashed (answered as HTTP 500):', error);
			result = error && error.isReply ? error : L.uncaught(error && error.message ? error.message : 'Server Error');
		}
		return send(ctx, result, rateHeaders);
	}

	const server = await createEmulatorServer({ name: 'faveo', handler, controlHandler: createControlHandler(() => emu), port: options.port });
	counters = Object.assign(server.counters, freshCounters());
	Object.defineProperty(counters, 'emailsSent', { get: () => state.outbox.length, enumerable: true });
	fireWebhook = createWebhookSender({ store, config, counters });
	const siteUrl = `${server.url}${subPath}`;

	store.seedData({
		staff: options.users || DEFAULT_STAFF,
		customers: Number(options.seedCustomers ?? 6),
		tickets: Number(options.seedTickets ?? 12),
	});

	const helpers = {
		// Mints a token as a login would (not counted as a login). Accepts an id, user name or email.
		mintToken(who = 1) {
			const user = store.findUser(who) || store.findUserByName(who) || store.findUserByEmail(who);
			if (!user) throw new Error(`no user ${who}`);
			const { token, payload } = tokens.mint({ sub: user.id, iss: `${siteUrl}${V1}/authenticate`, nowSeconds: Math.floor(nowMs() / 1000), ttlSeconds: Number(config.tokenTtlSeconds) });
			return { token, userId: user.id, jti: payload.jti, exp: payload.exp };
		},
		expireAllTokens: (userId) => tokens.expireAll(userId),
		advanceClock(seconds) {
			config.clockOffsetSeconds = Number(config.clockOffsetSeconds || 0) + Number(seconds || 0);
			return nowMs();
		},
		seed: (data = {}) => store.seedData({ staff: data.staff, customers: data.customers, tickets: data.tickets }),
		resetThrottle: () => throttle.reset(),
		resetCounters: () => Object.assign(counters, freshCounters()),
		setConfig: (body) => applyConfig(emu, body),
		apiUrl: (route = '') => `${siteUrl}${V1}/${String(route).replace(/^\/+/, '')}`,
	};
	emu = server;
	return Object.assign(server, { siteUrl, subPath, state, store, config, counters, tokens, throttle, nowMs, helpers }, helpers);
}

module.exports = { startFaveo };
