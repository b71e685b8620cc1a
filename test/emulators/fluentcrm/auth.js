'use strict';
// WordPress application passwords over HTTP Basic. No token, no expiry, no rotation.

const DEFAULT_USERS = [
	{ id: 1, login: 'admin', email: 'admin@example.test', displayName: 'Site Admin', role: 'administrator', applicationPasswords: ['abcd efgh ijkl mnop qrst uvwx'], loginPassword: 'correct-horse-battery-staple' },
	// Authenticates against WordPress core but has no FluentCRM permission on the free plugin.
	{ id: 2, login: 'editor', email: 'editor@example.test', displayName: 'Site Editor', role: 'editor', applicationPasswords: ['zyxw vuts rqpo nmlk jihg fedc'], loginPassword: 'editor-login-password' },
];

// WordPress strips every non letter/digit before checking an application password.
const normalisePassword = (password) => String(password).replace(/[^a-z\d]/gi, '');

function normaliseUsers(users) {
	return users.map((user, index) => ({
		id: user.id ?? index + 1,
		role: 'administrator',
		displayName: user.login,
		...user,
		applicationPasswords: [].concat(user.applicationPasswords || user.applicationPassword || []).map(normalisePassword),
	}));
}

function decodeBasic(header) {
	const match = /^Basic\s+(\S+)\s*$/i.exec(String(header || ''));
	if (!match) return undefined;
	const decoded = Buffer.from(match[1], 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	return colon === -1 ? undefined : { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

// Returns the authenticated user or undefined. Login names and emails match
// case-insensitively like MySQL's default collation; the password is case-sensitive.
function authenticate(headers, users, { plainHttpProduction }) {
	const credentials = decodeBasic(headers.authorization);
	if (!credentials || plainHttpProduction) return undefined; // WordPress refuses application passwords on a plain-HTTP production site
	const name = credentials.username.toLowerCase();
	const user = users.find((u) => u.login.toLowerCase() === name) || users.find((u) => u.email.toLowerCase() === name);
	if (!user) return undefined;
	const password = normalisePassword(credentials.password);
	return password && user.applicationPasswords.includes(password) ? user : undefined;
}

// Free FluentCRM lets only administrators (manage_options) through; the Companies module answers
// 403 while it is off, even for administrators.
function isPermitted(permission, user, config) {
	if (permission === 'public') return true;
	if (!user) return false;
	if (permission === 'core') return true;
	if (user.role !== 'administrator') return false;
	if (permission === 'companies') return Boolean(config.companiesModule);
	return true;
}

module.exports = { DEFAULT_USERS, normaliseUsers, authenticate, isPermitted };
