'use strict';
// users-permissions: default users and roles, per-role action permissions and the global
// `permissions` policy that runs before every route.

const crypto = require('node:crypto');
const { unauthorized, forbidden } = require('./errors');

const CRM_CONTROLLERS = {
	contact: ['find', 'findOne', 'create', 'update', 'delete'],
	activity: ['find', 'findOne', 'create', 'update', 'delete'],
	tag: ['find', 'findOne', 'create', 'update', 'delete'],
	activitytype: ['find', 'count', 'findOne', 'create', 'update', 'delete'],
	activityassignee: ['find', 'count', 'findOne', 'create', 'update', 'delete'],
	contacttag: ['find', 'count', 'findOne', 'create', 'update', 'delete'],
	country: ['find', 'count', 'findOne', 'create', 'update', 'delete'],
	state: ['find', 'count', 'findOne', 'create', 'update', 'delete'],
	district: ['find', 'count', 'findOne', 'create', 'update', 'delete'],
	village: ['find', 'count', 'findOne', 'create', 'update', 'delete'],
	crmplugin: ['generateRoutes'],
};
const CRM_ACTIONS = Object.entries(CRM_CONTROLLERS).flatMap(([controller, actions]) => actions.map((a) => `crm-plugin.${controller}.${a}`));
const READ_ACTIONS = CRM_ACTIONS.filter((a) => /\.(find|findOne|count)$/.test(a));
const USER_ACTIONS = ['find', 'count', 'findOne', 'me', 'create', 'update', 'destroy'].map((a) => `users-permissions.user.${a}`);
const AUTH = (a) => `users-permissions.auth.${a}`;

const DEFAULT_ROLES = [
	{ id: 1, name: 'Authenticated', description: 'Default role given to authenticated user.', type: 'authenticated' },
	{ id: 2, name: 'Public', description: 'Default role given to unauthenticated user.', type: 'public' },
	{ id: 3, name: 'CRM Viewer', description: 'Read-only access to the CRM plugin.', type: 'crm_viewer' },
];

// users-permissions defaults: Public may log in/register/reset; `me` is enabled for every role;
// `callback` (login) only for Public [uncertain → harsher: a login sent WITH a valid Bearer token is 403].
// The host ticks the CRM actions for Authenticated; the Viewer role only reads. /users* stays off.
function defaultPermissions() {
	return {
		public: [AUTH('callback'), AUTH('register'), AUTH('forgotpassword'), AUTH('resetpassword'), AUTH('emailconfirmation'), AUTH('sendemailconfirmation'), AUTH('connect'), 'users-permissions.user.me'],
		authenticated: [AUTH('connect'), 'users-permissions.user.me', ...CRM_ACTIONS],
		crm_viewer: [AUTH('connect'), 'users-permissions.user.me', ...READ_ACTIONS],
	};
}

// Default accounts. `demo`/`demo123` is the docs' example login (seed 004).
const DEFAULT_USERS = [
	{ username: 'demo', email: 'demo@example.org', password: 'demo123', role: 'authenticated', confirmed: true },
	{ username: 'viewer', email: 'viewer@example.org', password: 'viewer123', role: 'crm_viewer', confirmed: true },
	{ username: 'blocked.user', email: 'blocked@example.org', password: 'blocked123', role: 'authenticated', confirmed: true, blocked: true },
	{ username: 'unconfirmed', email: 'unconfirmed@example.org', password: 'unconfirmed123', role: 'authenticated', confirmed: false },
	// A local account without a password (created through a provider) → Auth.form.error.password.local.
	{ username: 'sso.user', email: 'sso.user@example.org', password: null, role: 'authenticated', confirmed: true },
];

const hashPassword = (password) => (password === null || password === undefined ? null : `$sha256$${crypto.createHash('sha256').update(String(password)).digest('hex')}`);
const validatePassword = (password, hash) => hash !== null && hashPassword(password) === hash;

function seedAuth(store, users = DEFAULT_USERS) {
	for (const role of DEFAULT_ROLES) if (!store.get('role', role.id)) store.insert('role', role);
	for (const user of users) addUser(store, user);
}

function roleId(store, role) {
	if (typeof role === 'number') return role;
	const found = store.rows('role').find((r) => r.type === (role || 'authenticated'));
	return found ? found.id : 1;
}

function addUser(store, { username, email, password, role, confirmed = true, blocked = false, provider = 'local' }) {
	return store.insert('user', { username, email: String(email).toLowerCase(), provider, password: hashPassword(password), confirmed, blocked, role: roleId(store, role) });
}

const FORMAT_ERROR = 'Invalid authorization header format. Format is Authorization: Bearer [token]';

// jwt service getToken(): only the Authorization header counts for the policy.
function tokenFromHeader(header) {
	const parts = header.split(' ');
	if (parts.length !== 2) throw unauthorized(FORMAT_ERROR);
	return /^Bearer$/i.test(parts[0]) ? parts[1] : ''; // another scheme → empty token → "Invalid token."
}

// The users-permissions `permissions` policy: returns { user, role } or throws 401/403.
function authorize({ headers, action, store, tokens, config, permissions }) {
	let user = null;
	let role = null;
	const header = headers.authorization;
	if (header) {
		const token = tokenFromHeader(header);
		let payload;
		try {
			payload = tokens.check(token);
		} catch {
			throw unauthorized('Invalid token.');
		}
		if (payload.id === undefined) throw unauthorized('Invalid token: Token did not contain required fields');
		user = store.get('user', payload.id);
		if (!user) throw unauthorized('User Not Found');
		role = store.get('role', user.role) || store.rows('role').find((r) => r.type === 'authenticated');
		if (config.emailConfirmation && user.confirmed !== true) throw unauthorized('Your account email is not confirmed.');
		if (user.blocked) throw unauthorized('Your account has been blocked by the administrator.');
	}
	if (!role) role = store.rows('role').find((r) => r.type === 'public');
	if (action && !(permissions[role.type] || []).includes(action)) throw forbidden(); // no token → Public → 403
	return { user, role };
}

module.exports = { CRM_ACTIONS, USER_ACTIONS, DEFAULT_USERS, DEFAULT_ROLES, defaultPermissions, seedAuth, addUser, hashPassword, validatePassword, authorize };
