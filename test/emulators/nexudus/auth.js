'use strict';
// HTTP Basic with an admin user's email + password (no token, no expiry), the optional
// bearer-token endpoint, the "API Access" flag and the {Entity}-{Action} roles.

const crypto = require('node:crypto');
const { tokenError, ok } = require('./replies');

// Default users: full admin, API access switched off, a user holding Coworker-List only,
// and a two-factor user.
const DEFAULT_USERS = [
	{ email: 'admin@nexudus.test', password: 'Nexudus-Admin-Pass-2025', fullName: 'Alex Admin', isAdmin: true, apiAccess: true },
	{ email: 'noapi@nexudus.test', password: 'Nexudus-NoApi-Pass-2025', fullName: 'Nora Noapi', isAdmin: true, apiAccess: false },
	{ email: 'lister@nexudus.test', password: 'Nexudus-Lister-Pass-2025', fullName: 'Liam Lister', isAdmin: false, apiAccess: true, roles: ['Coworker-List'] },
	{ email: 'twofa@nexudus.test', password: 'Nexudus-TwoFa-Pass-2025', fullName: 'Tess Twofactor', isAdmin: true, apiAccess: true, twoFactor: true },
];

const pick = (input, ...names) => names.map((n) => input[n]).find((v) => v !== undefined);

function decodeBasic(header) {
	const match = /^Basic\s+(\S+)\s*$/i.exec(String(header || ''));
	if (!match) return undefined;
	const decoded = Buffer.from(match[1], 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	return colon === -1 ? undefined : { email: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

function createAuth({ store, config, counters, userSpecs = DEFAULT_USERS }) {
	const specs = [...userSpecs];
	const passwords = new Map(); // user Id → password (kept out of state and control routes)
	const accessTokens = new Map();
	const refreshTokens = new Map();

	const findByEmail = (email) => store.state.users.find((u) => u.Email.toLowerCase() === String(email).trim().toLowerCase());

	function installUser(input) {
		const firstBusiness = store.state.businesses[0];
		const dto = {
			FullName: pick(input, 'fullName', 'FullName') || String(pick(input, 'email', 'Email')).split('@')[0],
			Email: pick(input, 'email', 'Email'),
			APIAccess: pick(input, 'apiAccess', 'APIAccess') !== false,
			IsAdmin: Boolean(pick(input, 'isAdmin', 'IsAdmin')),
			TwoFactorEnabled: Boolean(pick(input, 'twoFactor', 'TwoFactorEnabled')),
			DefaultBusinessId: pick(input, 'defaultBusinessId', 'DefaultBusinessId') ?? (firstBusiness ? firstBusiness.Id : null),
			Businesses: pick(input, 'businesses', 'Businesses') || store.state.businesses.map((b) => b.Id),
			UserRoles: [...(pick(input, 'roles', 'UserRoles') || [])],
		};
		let user = findByEmail(dto.Email);
		if (user) Object.assign(user, dto, { UpdatedOn: store.stamp() });
		else user = store.insert('users', { ...dto, CreatedOn: store.stamp(), UpdatedOn: store.stamp(), UpdatedBy: 'system' });
		passwords.set(user.Id, String(pick(input, 'password', 'Password') ?? ''));
		return user;
	}

	// Control route / helper: add or change a user (`{ email, password, apiAccess, isAdmin, roles, twoFactor }`).
	function addUser(input) {
		const index = specs.findIndex((s) => String(pick(s, 'email', 'Email')).toLowerCase() === String(pick(input, 'email', 'Email')).toLowerCase());
		if (index === -1) specs.push(input);
		else specs[index] = { ...specs[index], ...input };
		return installUser(index === -1 ? input : specs[index]);
	}

	const installAll = () => specs.forEach(installUser);

	// Returns { user } or { failure }: anonymous | badCredentials | expired | twoFactor | noApiAccess.
	function authenticate(headers) {
		const header = String(headers.authorization || '');
		let user;
		if (/^Bearer\s+/i.test(header)) {
			const entry = accessTokens.get(header.replace(/^Bearer\s+/i, '').trim());
			if (!entry) return { failure: 'badCredentials' };
			if (store.currentTime().getTime() >= entry.expiresAt) return { failure: 'expired' };
			user = store.find('users', entry.userId);
			if (!user) return { failure: 'badCredentials' };
		} else {
			const credentials = decodeBasic(header);
			if (!credentials) return { failure: header ? 'badCredentials' : 'anonymous' };
			user = findByEmail(credentials.email); // email case-insensitive, password exact
			if (!user || passwords.get(user.Id) !== credentials.password) return { failure: 'badCredentials' };
			// whether Basic works for 2FA users is [uncertain] → harsher: refused with 401.
			if (user.TwoFactorEnabled && !config.basicAllowsTwoFactor) return { failure: 'twoFactor' };
		}
		// "API Access" must be ticked; refused with the same 401 as a wrong password.
		if (!user.APIAccess) return { failure: 'noApiAccess' };
		return { user };
	}

	// unrestricted administrators pass; others need the `{Entity}-{Action}` role.
	const permits = (user, role) => user.IsAdmin || user.UserRoles.includes(role);

	function issue(user, clientId) {
		const access = crypto.randomBytes(32).toString('base64url');
		const refresh = crypto.randomBytes(32).toString('base64url');
		accessTokens.set(access, { userId: user.Id, expiresAt: store.currentTime().getTime() + config.tokenExpiresIn * 1000 });
		refreshTokens.set(refresh, { userId: user.Id, clientId });
		counters.tokensIssued += 1;
		return ok({ access_token: access, token_type: 'bearer', expires_in: config.tokenExpiresIn, refresh_token: refresh });
	}

	// POST /api/token: form-encoded only; refresh needs the `client_id` header.
	function tokenEndpoint(req, ctx) {
		if (!/^application\/x-www-form-urlencoded/i.test(String(req.headers['content-type'] || ''))) return tokenError('unsupported_grant_type');
		const form = new URLSearchParams(ctx.rawBody);
		const grant = form.get('grant_type');
		if (grant === 'password') {
			const user = findByEmail(form.get('username') || '');
			if (!user || passwords.get(user.Id) !== (form.get('password') || '')) {
				counters.failedLogins += 1;
				return tokenError('invalid_grant', 'The user name or password is incorrect.');
			}
			if (user.TwoFactorEnabled && form.get('totp') !== String(config.totpCode)) {
				counters.failedLogins += 1;
				return tokenError('invalid_grant', 'A valid two-factor authentication code is required.');
			}
			counters.logins += 1;
			return issue(user, form.get('client_id') || user.Email);
		}
		if (grant === 'refresh_token') {
			const token = form.get('refresh_token') || '';
			const entry = refreshTokens.get(token);
			if (!entry) return tokenError('invalid_grant', 'The refresh token is invalid or has already been used.');
			// Header name `client_id`; a mismatch is refused like an unknown token (wording [uncertain]).
			if (String(req.headers.client_id || '') !== entry.clientId) return tokenError('invalid_grant', 'The refresh token was issued to a different client.');
			refreshTokens.delete(token); // the old refresh token is invalidated
			const user = store.find('users', entry.userId);
			if (!user) return tokenError('invalid_grant', 'The user no longer exists.');
			counters.tokenRefreshes += 1;
			return issue(user, entry.clientId);
		}
		return tokenError('unsupported_grant_type');
	}

	return { authenticate, permits, tokenEndpoint, addUser, installAll, findByEmail, specs };
}

module.exports = { createAuth, DEFAULT_USERS, decodeBasic };
