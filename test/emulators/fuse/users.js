'use strict';
// "Manage Users" (admin only) and /users/me. Validation rules: user create body.

const { ok, reply, noContent, failure, validation, notFound } = require('./errors');
const { paginate, isBlank, isPlainObject } = require('./params');

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const WRITABLE = ['username', 'email', 'given_name', 'family_name', 'display_name', 'public_name', 'accessibility_enabled', 'accessibility_theme', 'default_locale'];
const FILTERABLE = ['username', 'given_name', 'family_name', 'display_name', 'public_name', 'role', 'default_locale', 'active'];
const RESERVED_QUERY = new Set(['page', 'per_page', 'auth_token', 'format']);

function passwordErrors(password, policy) {
	const errors = [];
	if (password.length < policy.minLength) errors.push(`is too short (minimum is ${policy.minLength} characters)`);
	if (policy.requireUppercase && !/[A-Z]/.test(password)) errors.push('must contain at least one uppercase letter');
	if (policy.requireLowercase && !/[a-z]/.test(password)) errors.push('must contain at least one lowercase letter');
	if (policy.requireDigit && !/\d/.test(password)) errors.push('must contain at least one digit');
	if (policy.requireSymbol && !/[^A-Za-z0-9]/.test(password)) errors.push('must contain at least one special character');
	return errors;
}

// Collects Rails-style field errors: { field: [messages] }.
function collectErrors(input, { store, config, exceptId, creating, batch = [] }) {
	const errors = {};
	const add = (field, message) => (errors[field] = errors[field] || []).push(message);
	const inBatch = (field, value) => batch.some((other) => String(other[field] ?? '').toLowerCase() === String(value).toLowerCase());
	if (creating || 'username' in input || config.requireUsernameOnUpdate) {
		if (isBlank(input.username)) add('username', "can't be blank");
		else if (store.usernameTaken(String(input.username).trim(), exceptId) || inBatch('username', input.username)) add('username', 'has already been taken');
	}
	if (creating || 'email' in input) {
		if (isBlank(input.email)) add('email', "can't be blank");
		else if (!EMAIL_PATTERN.test(String(input.email).trim())) add('email', 'is invalid');
		else if (store.emailTaken(String(input.email).trim(), exceptId) || inBatch('email', input.email)) add('email', 'has already been taken');
	}
	// password + confirmation mandatory on create even with SSO; on update only when changing it.
	if (creating || 'password' in input || 'password_confirmation' in input) {
		const password = input.password;
		if (isBlank(password)) add('password', "can't be blank");
		else for (const message of passwordErrors(String(password), config.passwordPolicy)) add('password', message);
		if (isBlank(input.password_confirmation)) add('password_confirmation', "can't be blank");
		else if (String(input.password_confirmation) !== String(password ?? '')) add('password_confirmation', "doesn't match Password");
	}
	return Object.keys(errors).length ? errors : undefined;
}

// Known fields only; unknown or mis-cased keys (top level and profile labels) are ignored silently.
function writableFields(input, store) {
	const out = {};
	for (const key of WRITABLE) if (key in input && !isPlainObject(input[key])) out[key] = typeof input[key] === 'string' ? input[key].trim() : input[key];
	if (typeof out.accessibility_enabled === 'string') out.accessibility_enabled = out.accessibility_enabled === 'true';
	if ('role' in input && store.state.roles.some((r) => r.name === input.role)) out.role = input.role;
	if (isPlainObject(input.profile)) {
		const labels = new Set(store.state.customFields.map((f) => f.label));
		const profile = {};
		for (const [label, value] of Object.entries(input.profile)) {
			const field = store.state.customFields.find((f) => f.label === label);
			// [uncertain] a drop-down value outside its options is ignored like an unknown field.
			if (labels.has(label) && !(field.options && !field.options.includes(value))) profile[label] = value;
		}
		out.profile = profile;
	}
	return out;
}

const findOr404 = (r) => {
	const user = r.store.findUser(r.path.id);
	if (!user) throw notFound();
	return user;
};

function getMe(r) {
	return ok(r.store.serializeUser(r.user)); // [source code] bare object with given_name etc.
}

function getUser(r) {
	const user = findOr404(r);
	const body = r.store.serializeUser(user);
	return ok(r.config.singleUserShape === 'bare' ? body : { user: body });
}

// GET /manage/users?id=1,2 | email= | <any field>= (names case-sensitive, values exact).
function listUsers(r) {
	const { store, config, query } = r;
	let users = store.state.users.filter((u) => config.listIncludesDeactivated || u.active);
	for (const [name, raw] of Object.entries(query)) {
		if (RESERVED_QUERY.has(name)) continue;
		const value = String([].concat(raw)[0]);
		if (name === 'id') {
			const ids = new Set(value.split(',').map((v) => v.trim()).filter(Boolean));
			users = users.filter((u) => ids.has(String(u.id)));
		} else if (name === 'email') {
			users = users.filter((u) => u.email === value); // exact, case-sensitive [uncertain, harsher]
		} else if (FILTERABLE.includes(name)) {
			users = users.filter((u) => String(u[name]) === value);
		} else if (store.state.customFields.some((f) => f.label === name)) {
			users = users.filter((u) => String(u.profile[name] ?? '') === value);
		} else if (config.unknownFilter === 'empty') {
			users = [];
		} // else [uncertain, harsher]: a mis-cased or unknown filter is ignored → every user matches
	}
	return ok({ users: paginate(users, query, config).map(store.serializeUser) });
}

// POST /manage/users with {"users":[…]}; atomic: the first invalid user fails the whole request [uncertain].
function createUsers(r) {
	const { store, config, body } = r;
	if (!Array.isArray(body.users) || !body.users.length || !body.users.every(isPlainObject)) return failure(400, 'param is missing or the value is empty: users');
	const accepted = [];
	for (const input of body.users) {
		const errors = collectErrors(input, { store, config, creating: true, batch: accepted });
		if (errors) {
			r.counters.validationErrors += 1;
			return validation(config, errors);
		}
		accepted.push(input);
	}
	const created = accepted.map((input) => {
		// manager_ids cannot be set on create (ignored silently).
		const fields = writableFields(input, store);
		const user = store.insertUser({ ...fields, role: fields.role || 'learner', password: String(input.password) });
		r.counters.usersCreated += 1;
		r.webhooks.auto('user_created', { user_id: user.id });
		return user;
	});
	return reply(config.createStatus, { success: true, users: created.map(store.serializeUser) });
}

// PUT /manage/users/{id}: flat partial body; `username` required (configurable); manager_ids honoured.
function updateUser(r) {
	const { store, config, body } = r;
	const user = findOr404(r);
	const errors = collectErrors(body, { store, config, exceptId: user.id, creating: false });
	if (errors) {
		r.counters.validationErrors += 1;
		return validation(config, errors);
	}
	const fields = writableFields(body, store);
	const before = JSON.stringify(store.serializeUser(user));
	if (fields.profile) fields.profile = { ...user.profile, ...fields.profile };
	Object.assign(user, fields);
	if ('manager_ids' in body) {
		// [uncertain] unknown ids and the user itself are dropped silently.
		const ids = [].concat(body.manager_ids ?? []).flatMap((v) => String(v).split(',')).map((v) => v.trim()).filter(Boolean);
		user.manager_ids = [...new Set(ids.map(Number))].filter((id) => id !== user.id && store.findUser(id));
	}
	let changed = JSON.stringify(store.serializeUser(user)) !== before;
	if (!isBlank(body.password) && body.password !== user.password) {
		user.password = String(body.password);
		Object.assign(user.auth, { failedLogins: 0, locked: false });
		changed = true;
		if (user.auth.token) r.auth.issue(user, 'password-changed'); // a password change rotates the token
	}
	if (changed) {
		user.updated_at = store.isoNow();
		r.counters.usersUpdated += 1;
		r.webhooks.auto('user_updated', { user_id: user.id });
	}
	return ok({ success: true, user: store.serializeUser(user) });
}

// DELETE /manage/users/{id}: deactivates, never deletes; destroys the user's tokens.
function deactivateUser(r) {
	const { store, config } = r;
	const user = findOr404(r);
	if (!user.active && config.deactivateInactiveUser === 'error') return failure(config.validationErrorStatus, 'User is already deactivated');
	user.active = false;
	user.deactivated_at = user.deactivated_at || store.isoNow();
	user.updated_at = store.isoNow();
	r.auth.revoke(user, 'deactivated');
	r.counters.usersDeactivated += 1;
	return config.deactivateResponse === 'json' ? ok({ success: true, user: store.serializeUser(user) }) : noContent();
}

function restoreUser(r) {
	const { store, config } = r;
	const user = findOr404(r);
	if (user.active && config.restoreActiveUser === 'error') return failure(config.validationErrorStatus, 'User is not deactivated');
	user.active = true;
	user.deactivated_at = null;
	Object.assign(user.auth, { failedLogins: 0, locked: false });
	user.updated_at = store.isoNow();
	r.counters.usersRestored += 1;
	return ok({ success: true, user: store.serializeUser(user) });
}

function registerUserRoutes(router) {
	router.add('GET', '/users/me', getMe);
	const admin = { admin: true };
	router.add('GET', '/manage/users', listUsers, admin);
	router.add('POST', '/manage/users', createUsers, admin);
	router.add('GET', '/manage/users/{id}', getUser, admin);
	router.add('PUT', '/manage/users/{id}', updateUser, admin); // PATCH is not routed [uncertain, harsher]
	router.add('DELETE', '/manage/users/{id}', deactivateUser, admin);
	router.add('PUT', '/manage/users/{id}/restore', restoreUser, admin);
}

module.exports = { registerUserRoutes, passwordErrors };
