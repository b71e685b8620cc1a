'use strict';
// Authentication: login, the JWT guard in both flavours, the api_key middleware.

const { ok, reply } = require('./laravel');
const { extractToken } = require('./jwt');

const LOOKS_LIKE_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/; // filter_var(FILTER_VALIDATE_EMAIL), roughly

// POST api/v1/authenticate. Every failure is HTTP 200.
function login(r) {
	const { params, input, store, config, counters } = r;
	const credentialsIn = { username: input.where('username'), password: input.where('password'), api_key: input.where('api_key') };
	const record = { time: store.timestamp(), username: params.username === undefined ? null : String(params.username), credentialsIn, ok: false };
	store.state.logins.push(record);
	if (Object.values(credentialsIn).includes('query')) counters.credentialsInQuery += 1;

	const username = String(params.username ?? '').trim();
	const user = username && (LOOKS_LIKE_EMAIL.test(username) ? store.findUserByEmail(username) : store.findUserByName(username));
	// Auth::attempt([... 'active' => 1]): unknown user, wrong password and inactive user look alike.
	if (!user || user.active !== 1 || !store.checkPassword(user, params.password)) {
		counters.failedLogins += 1;
		return ok({ error: 'invalid_credentials', status_code: 401 });
	}
	if (config.failTokenCreation) {
		counters.failedLogins += 1;
		// PHP keeps insertion order: the bug's `"0":500` comes after `error`.
		return reply(200, `{"error":"could_not_create_token","0":500}`);
	}
	const { token, payload } = r.tokens.mint({ sub: user.id, iss: r.requestUrl, nowSeconds: Math.floor(r.nowMs() / 1000), ttlSeconds: Number(config.tokenTtlSeconds) });
	// Stock Faveo keeps older tokens valid; `singleSession` is a test knob that blacklists them.
	if (config.singleSession) r.tokens.revokeOthers(user.id, payload.jti);
	counters.logins += 1;
	Object.assign(record, { ok: true, userId: user.id, jti: payload.jti, exp: payload.exp });
	return ok({ token, user_id: store.userRow(user) });
}

// GET api/v1/authenticate/user.
const currentUser = (r) => ok({ user: r.store.userRow(r.user) });

// Token failures of both flavours. Returns the user or throws the reply of the active flavour.
function guard(r) {
	const { req, input, config, counters, store } = r;
	const v19 = config.version === '1.9';
	const { token, from } = extractToken(req, input, config);
	if (from) counters.tokenFrom[from] += 1;
	if (!token) {
		counters.missingTokenReplies += 1;
		throw v19 ? reply(400, { error: 'token_not_provided' }) : reply(401, { success: false, message: 'Token not provided' });
	}
	let payload;
	try {
		payload = r.tokens.verify(token, r.nowMs());
	} catch (error) {
		if (!error.kind) throw error;
		if (error.kind === 'expired') {
			counters.expiredTokenReplies += 1;
			// v1.9.6: HTTP 200 — n8n's automatic 401 retry never fires.
			throw v19 ? reply(200, { error: 'token_expired' }) : reply(401, { success: false, message: error.message });
		}
		counters.invalidTokenReplies += 1;
		throw v19 ? reply(400, { error: 'token_invalid' }) : reply(401, { success: false, message: error.message });
	}
	const user = store.findUser(payload.sub);
	if (!user) {
		counters.invalidTokenReplies += 1;
		throw v19 ? reply(404, { error: 'user_not_found' }) : reply(401, { success: false, message: 'User not found' });
	}
	return user;
}

// Stock Faveo never runs its ApiKey middleware, whatever the admin settings: observed on v2.0.3, where
// the controllers' middleware('api') resolves to Laravel's `api` group (the throttle), and missing,
// wrong and right keys get identical answers. `enforceApiKey` emulates a server patched to run it:
// a wrong key or a disabled API → HTTP 200 result strings.
function checkApiKey(r) {
	const { config, store, params, counters } = r;
	if (!config.enforceApiKey) return null;
	let refusal = null;
	if (!store.state.settings.apiEnabled) refusal = { result: 'please enable api' };
	else if (String(params.api_key ?? '') !== store.state.settings.apiKey) refusal = { result: 'wrong api key' };
	if (refusal) counters.apiKeyRejected += 1;
	return refusal && ok(refusal);
}

module.exports = { login, currentUser, guard, checkApiKey };
