'use strict';
// authentication: POST /session, the per-user server-side token, rotation, revocation,
// the `Auth-Token` header, and the legacy v4.4-and-below `POST /token` + `?auth_token=`.

const crypto = require('node:crypto');
const { reply, ok, failure, unauthorized, UNAUTHORIZED_BODY } = require('./errors');
const { isBlank } = require('./params');

const TOKEN_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const MAX_REVOKED_REMEMBERED = 20000;

// 16 characters like the documented "RVt-k4zQJRyMBx3L".
function mintToken() {
	const bytes = crypto.randomBytes(15);
	const chars = [...bytes].map((b) => TOKEN_ALPHABET[b % TOKEN_ALPHABET.length]);
	return `${chars.slice(0, 3).join('')}-${chars.slice(3).join('')}`;
}

const b64url = (value) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

function createAuth({ store, config, counters, clock }) {
	const jwtSecret = crypto.randomBytes(32);
	const tokenIndex = new Map(); // live v5 token → user id
	const legacyIndex = new Map(); // live legacy token → user id
	const nowSec = () => Math.floor(clock.now() / 1000);

	function forget(token, userId, reason) {
		if (!token) return;
		tokenIndex.delete(token);
		const revoked = store.state.revokedTokens;
		revoked[token] = { userId, reason, at: nowSec() };
		const keys = Object.keys(revoked);
		if (keys.length > MAX_REVOKED_REMEMBERED) delete revoked[keys[0]];
	}

	// Replace the user's token (rotation: the old one answers 401 from now on).
	function issue(user, reason) {
		if (user.auth.token) {
			forget(user.auth.token, user.id, reason);
			counters.rotations += 1;
		}
		user.auth.token = mintToken();
		user.auth.updatedAt = nowSec();
		user.auth.uses = 0;
		tokenIndex.set(user.auth.token, user.id);
		counters.tokensMinted += 1;
		return user.auth.token;
	}

	// deactivation destroys the user's tokens; the next login (after a restore) mints a new one.
	function revoke(user, reason) {
		forget(user.auth.token, user.id, reason);
		user.auth.token = null;
		if (user.auth.legacyToken) legacyIndex.delete(user.auth.legacyToken);
		user.auth.legacyToken = null;
	}

	const ttlElapsed = (user) => config.tokenTtlSeconds > 0 && user.auth.updatedAt !== null && nowSec() - user.auth.updatedAt >= config.tokenTtlSeconds;

	// The user's current token, rotating it first when the schedule says so.
	function currentToken(user) {
		if (!user.auth.token) return issue(user, 'first-login');
		if (ttlElapsed(user)) return issue(user, 'ttl');
		return user.auth.token;
	}

	// → { user } or { reason: 'missing' | 'unknown' | 'stale' }
	function lookup(token) {
		if (isBlank(token)) return { reason: 'missing' };
		const user = store.findUser(tokenIndex.get(token));
		if (!user) return { reason: store.state.revokedTokens[token] ? 'stale' : 'unknown' };
		if (ttlElapsed(user)) {
			issue(user, 'ttl');
			return { reason: 'stale' };
		}
		return { user };
	}

	function lookupLegacy(token) {
		if (isBlank(token)) return { reason: 'missing' };
		const user = store.findUser(legacyIndex.get(token));
		return user ? { user } : { reason: 'unknown' };
	}

	// Called once per accepted API call: `rotateEveryRequests` rotates after the Nth use.
	function noteUse(user) {
		user.auth.uses += 1;
		if (config.rotateEveryRequests > 0 && user.auth.uses >= config.rotateEveryRequests) issue(user, 'rotate-every-requests');
	}

	function expireAll(filter) {
		let rotated = 0;
		for (const user of store.state.users) {
			if (!user.auth.token || (filter && !filter(user))) continue;
			issue(user, 'forced');
			rotated += 1;
		}
		return rotated;
	}

	// Decorative JWT: iat now, exp at the end of the day 30 days later; never accepted by the API.
	function jwtFor(user) {
		const iat = nowSec();
		const end = new Date((iat + 30 * 86400) * 1000);
		end.setUTCHours(23, 59, 59, 0);
		const header = b64url({ typ: 'JWT', alg: 'HS256' });
		const payload = b64url({ iss: 'Hotfix', exp: Math.floor(end.getTime() / 1000), iat, aud: null, jti: `${user.id}.${crypto.randomInt(100000, 999999)}` });
		const signature = crypto.createHmac('sha256', jwtSecret).update(`${header}.${payload}`).digest('base64url');
		return `${header}.${payload}.${signature}`;
	}

	// login failure [uncertain]: same envelope and message for unknown user, wrong password,
	// deactivated and locked accounts (harsher: nothing tells them apart).
	function loginFailure() {
		counters.failedLogins += 1;
		return failure(config.loginFailureStatus, config.loginFailureMessage);
	}

	// Shared check of login_name + password; → user or undefined.
	function checkCredentials(body) {
		const { login_name: loginName, password } = body;
		if (isBlank(loginName) || isBlank(password) || typeof password !== 'string') return undefined;
		const user = store.findByLogin(String(loginName).trim());
		if (!user || !user.active) return undefined;
		if (user.auth.locked) return undefined;
		if (user.password !== password) {
			user.auth.failedLogins += 1;
			if (config.lockAfterFailedLogins > 0 && user.auth.failedLogins >= config.lockAfterFailedLogins) user.auth.locked = true;
			return undefined;
		}
		user.auth.failedLogins = 0;
		return user;
	}

	// POST /api/<v5>/session. Parameters come from the body only (JSON or form); query-string
	// credentials are ignored [uncertain: Rails would merge them; harsher and keeps secrets out of URLs].
	function session(r) {
		const user = checkCredentials(r.body);
		if (!user) return loginFailure();
		counters.logins += 1;
		const token = config.singleSession ? issue(user, 'superseded-by-login') : currentToken(user); // switch
		const isAdmin = user.role === 'admin';
		const jwt = jwtFor(user);
		const body = {
			success: true,
			role: user.role,
			administerable_community_ids: isAdmin ? store.state.communities.map((c) => c.id) : [],
			admin_group_permissions: isAdmin ? ['compliance_reporting'] : [],
			auth_tokens: { jwt_token: jwt, user_authentication_token: { authentication_token: token, updated_at: user.auth.updatedAt } },
		};
		if (config.legacyLoginFields) {
			Object.assign(body, {
				is_manager: user.role === 'manager' || store.state.users.some((u) => u.manager_ids.includes(user.id)),
				terms_and_conditions_accepted: user.terms_and_conditions_accepted,
				password_change_required: user.password_change_required,
				terms_and_conditions: user.terms_and_conditions_accepted ? null : 'Please accept the updated terms and conditions.',
				password_requirements: { ...config.passwordPolicy },
				jwt_token: jwt,
			});
		}
		return ok(body);
	}

	// POST /api/v4.4/token → 201 {"auth_token": …}; a static token, not rotated.
	function legacyToken(r) {
		const user = checkCredentials(r.body);
		if (!user) return loginFailure();
		counters.legacyLogins += 1;
		if (!user.auth.legacyToken) {
			user.auth.legacyToken = crypto.randomBytes(10).toString('hex');
			legacyIndex.set(user.auth.legacyToken, user.id);
		}
		return reply(201, { auth_token: user.auth.legacyToken });
	}

	function rebuildIndexes() {
		tokenIndex.clear();
		legacyIndex.clear();
		for (const user of store.state.users) {
			if (user.auth.token) tokenIndex.set(user.auth.token, user.id);
			if (user.auth.legacyToken) legacyIndex.set(user.auth.legacyToken, user.id);
		}
	}

	return { session, legacyToken, lookup, lookupLegacy, noteUse, issue, revoke, currentToken, expireAll, rebuildIndexes, unauthorized, UNAUTHORIZED_BODY };
}

module.exports = { createAuth, mintToken };
