'use strict';
// Request-log hygiene for Fuse. common.js redacts secret HEADERS (incl. Auth-Token) but logs bodies and
// query strings as sent; a Fuse login body carries the password and a v4-style URL carries the token.
// This wraps the log's push (so it also covers requests answered by an injected fault):
// - replaces password-like body values with "[redacted]" (keys kept, so tests can see they were sent);
// - leaves the query string AS SENT (a secret in a URL is a client bug the log must show, e.g. to
//   e2e's secret-hygiene check) but flags it: `tokenInQuery: true`, `secretInQuery: ['password', …]`;
// - adds `hasAuthToken` (common's `hasAuthorization` only looks at the Authorization header).

const SECRET_KEYS = new Set(['password', 'password_confirmation', 'current_password', 'auth_token', 'authentication_token']);
const REDACTED = '[redacted]';

function redactValue(value) {
	if (Array.isArray(value)) return value.map(redactValue);
	if (!value || typeof value !== 'object') return value;
	const out = {};
	for (const [key, inner] of Object.entries(value)) out[key] = SECRET_KEYS.has(key) ? REDACTED : redactValue(inner);
	return out;
}

function redactForm(text) {
	const params = new URLSearchParams(text);
	let touched = false;
	for (const key of [...new Set(params.keys())]) {
		const leaf = /([^[\]]+)\]?$/.exec(key);
		if (SECRET_KEYS.has(key) || (leaf && SECRET_KEYS.has(leaf[1]))) {
			params.set(key, REDACTED);
			touched = true;
		}
	}
	return touched ? params.toString() : text;
}

function redactEntry(entry) {
	entry.hasAuthToken = entry.headers ? 'auth-token' in entry.headers : false;
	if (entry.query) {
		const leaked = Object.keys(entry.query).filter((key) => SECRET_KEYS.has(key));
		if (leaked.length) entry.secretInQuery = leaked;
		if (leaked.includes('auth_token')) entry.tokenInQuery = true;
	}
	if (entry.body && typeof entry.body === 'object') entry.body = redactValue(entry.body);
	else if (typeof entry.body === 'string') {
		const type = String((entry.headers && entry.headers['content-type']) || '');
		if (/x-www-form-urlencoded/i.test(type)) entry.body = redactForm(entry.body);
		else if (/multipart\/form-data/i.test(type)) entry.body = entry.body.replace(/(name="(?:[^"]*\[)?(?:password|password_confirmation|current_password|auth_token)\]?"\r?\n\r?\n)[^\r\n]*/g, `$1${REDACTED}`);
	}
	return entry;
}

function installLogRedaction(server) {
	const log = server.requests;
	log.push = (...entries) => Array.prototype.push.apply(log, entries.map(redactEntry));
}

module.exports = { installLogRedaction, redactEntry };
