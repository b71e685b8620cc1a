'use strict';
// users-permissions Auth controller and the /users routes ("Strapi built-in users").

const crypto = require('node:crypto');
const { authError, badRequest, formatError } = require('./errors');
const { jsonReply, redirectReply } = require('./http');
const { addUser, hashPassword, validatePassword } = require('./auth');

const EMAIL = /^(([^<>()[\]\\.,;:\s@"]+(\.[^<>()[\]\\.,;:\s@"]+)*)|(".+"))@((\[[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}])|(([a-zA-Z\-0-9]+\.)+[a-zA-Z]{2,}))$/;
const asObject = (body) => (body && typeof body === 'object' && !Array.isArray(body) ? body : {});
const sanitize = (r, user) => r.store.populate('user', user); // private fields dropped, role populated

// POST /auth/local — checks in Auth.js order: identifier, password, user, confirmed, blocked, local password, hash.
function login(r) {
	const params = asObject(r.body);
	const fail = (id, message) => {
		r.counters.failedLogins += 1;
		return authError(id, message, r.config);
	};
	if (!params.identifier) throw fail('Auth.form.error.email.provide', 'Please provide your username or your e-mail.');
	if (!params.password) throw fail('Auth.form.error.password.provide', 'Please provide your password.');
	const identifier = String(params.identifier);
	// Email (lower-cased) if it looks like one, else the exact username; provider "local" only.
	const match = EMAIL.test(identifier) ? { email: identifier.toLowerCase() } : { username: identifier };
	const user = r.store.where('user', { provider: 'local', ...match })[0];
	if (!user) throw fail('Auth.form.error.invalid', 'Identifier or password invalid.');
	if (r.config.emailConfirmation && user.confirmed !== true) throw fail('Auth.form.error.confirmed', 'Your account email is not confirmed');
	if (user.blocked === true) throw fail('Auth.form.error.blocked', 'Your account has been blocked by an administrator');
	if (!user.password) throw fail('Auth.form.error.password.local', 'This user never set a local password, please login with the provider used during account creation.');
	if (!validatePassword(String(params.password), user.password)) throw fail('Auth.form.error.invalid', 'Identifier or password invalid.');
	r.counters.logins += 1;
	return { jwt: r.tokens.issue(user.id), user: sanitize(r, user) };
}

function register(r) {
	const params = asObject(r.body);
	const err = (id, message) => authError(id, message, r.config);
	if (!r.config.allowRegister) throw err('Auth.advanced.allow_register', 'Register action is currently disabled.');
	if (!params.password) throw err('Auth.form.error.password.provide', 'Please provide your password.');
	if (!params.email) throw err('Auth.form.error.email.provide', 'Please provide your email.');
	if (!EMAIL.test(String(params.email))) throw err('Auth.form.error.email.format', 'Please provide valid email address.');
	const email = String(params.email).toLowerCase();
	if (r.store.where('user', { email }).length) throw err('Auth.form.error.email.taken', 'Email is already taken.');
	if (r.store.where('user', { username: String(params.username) }).length) throw err('Auth.form.error.username.taken', 'Username already taken');
	const user = addUser(r.store, { username: String(params.username || email), email, password: params.password, role: 'authenticated', confirmed: !r.config.emailConfirmation });
	if (r.config.emailConfirmation) return { user: sanitize(r, user) };
	return { jwt: r.tokens.issue(user.id), user: sanitize(r, user) };
}

function forgotPassword(r) {
	const email = String(asObject(r.body).email || '');
	if (!EMAIL.test(email)) throw authError('Auth.form.error.email.format', 'Please provide valid email address.', r.config);
	const user = r.store.where('user', { email: email.toLowerCase() })[0];
	if (!user) throw authError('Auth.form.error.user.not-exist', 'This email does not exist.', r.config);
	const code = crypto.randomBytes(32).toString('hex');
	r.store.update('user', user.id, { resetPasswordToken: code });
	r.outbox.push({ kind: 'reset-password', email: user.email, code });
	return { ok: true };
}

function resetPassword(r) {
	const { code, password, passwordConfirmation } = asObject(r.body);
	const err = (id, message) => authError(id, message, r.config);
	if (password && passwordConfirmation && password === passwordConfirmation && code) {
		const user = r.store.where('user', { resetPasswordToken: String(code) })[0];
		if (!user) throw err('Auth.form.error.code.provide', 'Incorrect code provided.');
		// a password change does not revoke issued tokens.
		r.store.update('user', user.id, { resetPasswordToken: null, password: hashPassword(password) });
		return { jwt: r.tokens.issue(user.id), user: sanitize(r, user) };
	}
	if (password && passwordConfirmation && password !== passwordConfirmation) throw err('Auth.form.error.password.matching', 'Passwords do not match.');
	throw err('Auth.form.error.params.provide', 'Incorrect params provided.');
}

function sendEmailConfirmation(r) {
	const email = String(asObject(r.body).email || '');
	if (!email) throw badRequest('missing email', r.config);
	r.outbox.push({ kind: 'email-confirmation', email });
	return { email, sent: true };
}

function emailConfirmation(r) {
	const user = r.store.where('user', { email: String(r.query.confirmation || '') })[0];
	if (user) r.store.update('user', user.id, { confirmed: true });
	return redirectReply('/');
}

// /users: only `me` is granted to Authenticated by default, the rest answers 403.
const userRoutes = {
	me(r) {
		// `me` is enabled for Public too, so without a token the controller itself answers [uncertain].
		if (!r.user) throw badRequest([{ messages: [{ id: 'No authorization header was found' }] }], r.config);
		return sanitize(r, r.user);
	},
	find: (r) => r.q.find('user', r.query).map((u) => sanitize(r, u)),
	count: (r) => r.q.count('user', r.query),
	findOne: (r) => sanitize(r, r.q.findOne('user', r.params.id)),
	create(r) {
		const body = asObject(r.body);
		if (!body.email) throw authError('Auth.form.error.email.provide', 'Please provide your email.', r.config);
		if (!body.username) throw badRequest(formatError('Auth.form.error.username.provide', 'Please provide your username.'), r.config);
		if (!body.password) throw authError('Auth.form.error.password.provide', 'Please provide your password.', r.config);
		return jsonReply(201, sanitize(r, addUser(r.store, { ...body, role: body.role || 'authenticated' })));
	},
	update(r) {
		const body = { ...asObject(r.body) };
		if ('password' in body) body.password = hashPassword(body.password);
		return sanitize(r, r.store.update('user', r.params.id, body));
	},
	destroy: (r) => r.store.remove('user', r.params.id),
};

function registerAuthRoutes(router) {
	const auth = (name) => ({ action: `users-permissions.auth.${name}`, authFlow: name !== 'callback' });
	router.add('POST', '/auth/local', login, auth('callback'));
	router.add('POST', '/auth/local/register', register, auth('register'));
	router.add('POST', '/auth/forgot-password', forgotPassword, auth('forgotpassword'));
	router.add('POST', '/auth/reset-password', resetPassword, auth('resetpassword'));
	router.add('POST', '/auth/send-email-confirmation', sendEmailConfirmation, auth('sendemailconfirmation'));
	router.add('GET', '/auth/email-confirmation', emailConfirmation, auth('emailconfirmation'));
	const user = (name) => ({ action: `users-permissions.user.${name}` });
	router.add('GET', '/users/me', userRoutes.me, user('me'));
	router.add('GET', '/users/count', userRoutes.count, user('count'));
	router.add('GET', '/users', userRoutes.find, user('find'));
	router.add('GET', '/users/:id', userRoutes.findOne, user('findOne'));
	router.add('POST', '/users', userRoutes.create, user('create'));
	router.add('PUT', '/users/:id', userRoutes.update, user('update'));
	router.add('DELETE', '/users/:id', userRoutes.destroy, user('destroy'));
}

module.exports = { registerAuthRoutes };
