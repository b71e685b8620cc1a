'use strict';
// Control routes under /__emulator/fuse/… for the e2e tier and benchmarks (other processes).
// Generic ones (/__emulator/state, /requests, /reset-log, /faults) come from common.js.

const { applyConfig } = require('./config');

function tokenView(world) {
	return world.store.state.users
		.filter((u) => u.auth.token || u.auth.legacyToken)
		.map((u) => ({ userId: u.id, username: u.username, token: u.auth.token, updatedAt: u.auth.updatedAt, uses: u.auth.uses, legacyToken: u.auth.legacyToken }));
}

// Resolves a user by id, username or email; undefined → every user.
function userFilter(world, ref) {
	if (ref === undefined || ref === null || ref === '') return undefined;
	const user = world.store.findUser(ref) || world.store.findByLogin(String(ref));
	return (candidate) => Boolean(user) && candidate.id === user.id;
}

function createControlHandler(fuse) {
	const routes = {
		'GET /__emulator/fuse/state': () => [200, { config: fuse.config, counters: fuse.counters, clock: fuse.clock.view(), tokens: tokenView(fuse.world), state: fuse.world.store.publicState() }],
		'GET /__emulator/fuse/counters': () => [200, fuse.counters],
		'GET /__emulator/fuse/config': () => [200, fuse.config],
		'POST /__emulator/fuse/config': (body) => [200, applyConfig(fuse.config, body)],
		'GET /__emulator/fuse/tokens': () => [200, tokenView(fuse.world)],
		// force rotation now. Body { user: <id|username|email> } limits it to one user.
		'POST /__emulator/fuse/expire-tokens': (body) => [200, { ok: true, rotated: fuse.expireTokens(body && body.user) }],
		// Clock override: { advanceSeconds: N } or { offsetSeconds: N } (TTL rotation and timestamps use it).
		'POST /__emulator/fuse/clock': (body) => [200, fuse.clock.set(body || {})],
		// { users, communities, topics, learningPlans, eventOccurrences, notifications } → appended records.
		'POST /__emulator/fuse/seed': (body) => (fuse.world.store.seedData(body || {}), [200, counts(fuse)]),
		'POST /__emulator/fuse/reset': (body) => (fuse.reset(body || {}), [200, counts(fuse)]),
		'POST /__emulator/fuse/reset-counters': () => (fuse.resetCounters(), [200, fuse.counters]),
		// Inserts an account directly (no password policy): { username, email, password, role, active, … }.
		'POST /__emulator/fuse/users': (body) => {
			if (!body || !body.username || !body.email || !body.password) return [400, { error: 'username, email and password are required' }];
			if (fuse.world.store.usernameTaken(body.username) || fuse.world.store.emailTaken(body.email)) return [409, { error: 'username or email already exists' }];
			const user = fuse.world.store.insertUser({ role: 'learner', ...body });
			return [200, fuse.world.store.serializeUser(user)];
		},
		'GET /__emulator/fuse/webhooks': () => [200, fuse.world.webhooks.deliveries],
		// on demand: { event, user_id, learning_plan_id, content_id, event_id, occurrence_id, url? }.
		'POST /__emulator/fuse/webhooks/emit': async (body) => {
			const { event, url, ...params } = body || {};
			const result = await fuse.world.webhooks.emit(event, params, url);
			return result.error ? [400, { error: result.error }] : [200, result.record];
		},
	};

	return async function controlHandler(req, ctx) {
		const route = routes[`${req.method} ${ctx.url.pathname.replace(/\/+$/, '')}`];
		if (!route) return false;
		if (ctx.jsonMalformed) return ctx.sendJson(400, { error: 'control routes take a JSON body' }), true;
		const [status, body] = await route(ctx.json);
		ctx.sendJson(status, body);
		return true;
	}
}

function counts(fuse) {
	const { state } = fuse.world.store;
	return { users: state.users.length, communities: state.communities.length, topics: state.topics.length, learningPlans: state.learningPlans.length, eventOccurrences: state.eventOccurrences.length, notifications: state.notifications.length };
}

module.exports = { createControlHandler, userFilter };
