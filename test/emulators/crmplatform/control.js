'use strict';
// Test-only switches, used in-process (helpers on the emulator object) and by other processes
// through /__emulator/crmplatform/… control routes.

const crypto = require('node:crypto');
const { addUser, hashPassword } = require('./auth');

const CONFIG_KEYS = ['tokenTtlSeconds', 'singleSession', 'jwtSecret', 'emailConfirmation', 'allowRegister', 'database', 'boomDataCopy', 'nodeErrorStyle', 'updateMovesRow', 'rateLimit'];
const COUNTER_KEYS = ['logins', 'failedLogins', 'unauthorized', 'forbidden', 'notFound', 'badRequests', 'plainTextErrors', 'tokensIssued', 'tokensRevoked', 'generateRoutesCalls', 'authFlowCalls'];

function applyConfig(config, patch = {}) {
	for (const key of CONFIG_KEYS) if (patch && key in patch) config[key] = patch[key];
	if (!['mysql', 'postgres', 'sqlite'].includes(config.database)) config.database = 'mysql';
	return config;
}

// `emu` exposes: world() → { store, tokens, seeder, permissions }, config, counters, clock, rebuild(), outbox, destructiveCalls.
function createHelpers(emu) {
	const w = () => emu.world();
	const helpers = {
		issueToken: (userId = 1) => w().tokens.issue(Number(userId)),
		// Revoke every token issued so far (all users, or one) — the "expire all tokens now" switch.
		expireTokens(userId) {
			const before = emu.counters.tokensRevoked;
			if (userId === undefined || userId === null) w().tokens.revokeAll();
			else w().tokens.revokeUser(Number(userId));
			return emu.counters.tokensRevoked - before;
		},
		// Simulates a jwtSecret change: every token signed before becomes "Invalid token.".
		rotateSecret: (secret) => (emu.config.jwtSecret = secret || crypto.randomBytes(24).toString('hex')),
		advanceClock: (seconds) => ((emu.clock.offsetMs += Number(seconds) * 1000), emu.now()),
		seed: (data) => (w().seeder.seedData(data), helpers.tableCounts()),
		reset: () => (emu.rebuild(), helpers.tableCounts()),
		tableCounts: () => Object.fromEntries(Object.entries(w().store.state.tables).map(([k, rows]) => [k, rows.length])),
		setPermissions(role, { grant = [], revoke = [] } = {}) {
			const perms = w().permissions;
			const list = new Set(perms[role] || []);
			for (const a of [].concat(grant)) list.add(a);
			for (const a of [].concat(revoke)) list.delete(a);
			perms[role] = [...list];
			return perms[role];
		},
		addUser: (user) => w().store.populate('user', addUser(w().store, user)),
		updateUser(id, patch = {}) {
			const values = { ...patch };
			if ('password' in values) values.password = hashPassword(values.password);
			if ('role' in values && typeof values.role === 'string') values.role = (w().store.rows('role').find((r) => r.type === values.role) || {}).id;
			return w().store.populate('user', w().store.update('user', id, values));
		},
		deleteUser: (id) => w().store.remove('user', id), // its tokens then answer 401 "User Not Found"
		resetCounters() {
			for (const key of COUNTER_KEYS) emu.counters[key] = 0;
			emu.outbox.length = 0;
			emu.destructiveCalls.length = 0;
		},
	};
	return helpers;
}

// Returns true when the request was one of our control routes.
async function handleControl(req, ctx, emu, helpers) {
	const prefix = '/__emulator/crmplatform';
	if (!ctx.url.pathname.startsWith(`${prefix}/`)) return false;
	const route = `${req.method} ${ctx.url.pathname.slice(prefix.length)}`;
	const body = ctx.json && typeof ctx.json === 'object' ? ctx.json : {};
	const ok = (value) => (ctx.sendJson(200, value), true);
	const userMatch = /^(POST|DELETE) \/users\/(\d+)$/.exec(route);
	try {
		if (userMatch) return ok(userMatch[1] === 'DELETE' ? helpers.deleteUser(userMatch[2]) : helpers.updateUser(userMatch[2], body));
		switch (route) {
			case 'GET /state':
				return ok({ config: emu.config, counters: emu.counters, now: emu.now().toISOString(), clockOffsetMs: emu.clock.offsetMs, permissions: emu.world().permissions, tables: emu.world().store.state.tables, outbox: emu.outbox, destructiveCalls: emu.destructiveCalls });
			case 'GET /counters':
				return ok({ ...emu.counters, tables: helpers.tableCounts() });
			case 'GET /config':
				return ok(emu.config);
			case 'POST /config':
				return ok(applyConfig(emu.config, body));
			case 'POST /expire-tokens':
				return ok({ revoked: helpers.expireTokens(body.userId) });
			case 'POST /rotate-secret':
				return ok({ rotated: Boolean(helpers.rotateSecret(body.secret)) });
			case 'POST /clock':
				if (body.offsetSeconds !== undefined) emu.clock.offsetMs = Number(body.offsetSeconds) * 1000;
				if (body.advanceSeconds !== undefined) helpers.advanceClock(body.advanceSeconds);
				return ok({ now: emu.now().toISOString(), offsetMs: emu.clock.offsetMs });
			case 'POST /seed':
				return ok(helpers.seed(body));
			case 'POST /reset':
				return ok(helpers.reset());
			case 'POST /permissions':
				return ok({ role: body.role, permissions: helpers.setPermissions(body.role, body) });
			case 'POST /users':
				return ok(helpers.addUser(body));
			case 'POST /token':
				return ok({ jwt: helpers.issueToken(body.userId) });
			case 'POST /reset-counters':
				return helpers.resetCounters(), ok({ ok: true });
			default:
				return false;
		}
	} catch (error) {
		ctx.sendJson(400, { error: error.message });
		return true;
	}
}

module.exports = { CONFIG_KEYS, COUNTER_KEYS, applyConfig, createHelpers, handleControl };
