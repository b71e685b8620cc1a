'use strict';
// The tokens of tymon/jwt-auth: HS256 tokens with iss, iat, exp, nbf, jti, sub, prv; the parser
// chain (header → query → body); a registry of issued tokens for forced expiry and revocation.

const crypto = require('node:crypto');

const HEADER = { typ: 'JWT', alg: 'HS256' };
const PRV = '87e0af1ef9fd15812fdec97153a14e0b047546aa'; // sha1 of the user model class, as in the wiki sample
const b64url = (input) => Buffer.from(input).toString('base64url');
const sign = (data, secret) => crypto.createHmac('sha256', secret).update(data).digest('base64url');

class TokenError extends Error {
	constructor(kind, message) {
		super(message);
		this.kind = kind; // 'expired' | 'invalid' | 'blacklisted'
	}
}

function createTokenService({ secret, random }) {
	const registry = new Map(); // jti → { sub, iat, exp, forcedExpired, revoked }
	const jtiChars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
	const makeJti = () => Array.from({ length: 16 }, () => jtiChars[Math.floor(random() * jtiChars.length)]).join('');

	function mint({ sub, iss, nowSeconds, ttlSeconds }) {
		const payload = { iss, iat: nowSeconds, exp: nowSeconds + ttlSeconds, nbf: nowSeconds, jti: makeJti(), sub, prv: PRV };
		const head = `${b64url(JSON.stringify(HEADER))}.${b64url(JSON.stringify(payload))}`;
		registry.set(payload.jti, { sub, iat: payload.iat, exp: payload.exp, forcedExpired: false, revoked: false });
		return { token: `${head}.${sign(head, secret)}`, payload };
	}

	// Decode and check like jwt-auth 1.x (messages of its exceptions); nowMs may carry
	// milliseconds: Carbon's isPast() makes a token expired from the very second `exp` is reached.
	function verify(token, nowMs) {
		const parts = String(token).split('.');
		if (parts.length !== 3) throw new TokenError('invalid', 'Wrong number of segments');
		let header;
		let payload;
		try {
			header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8'));
			payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
		} catch (error) {
			throw new TokenError('invalid', `Could not decode token: ${error.message}`);
		}
		if (!header || header.alg !== 'HS256' || !payload || typeof payload !== 'object') throw new TokenError('invalid', 'Could not decode token: unsupported algorithm or payload');
		const expected = sign(`${parts[0]}.${parts[1]}`, secret);
		const given = Buffer.from(parts[2]);
		if (given.length !== Buffer.byteLength(expected) || !crypto.timingSafeEqual(given, Buffer.from(expected))) throw new TokenError('invalid', 'Token Signature could not be verified.');
		const entry = registry.get(payload.jti);
		if (typeof payload.exp !== 'number' || nowMs >= payload.exp * 1000 || (entry && entry.forcedExpired)) throw new TokenError('expired', 'Token has expired');
		if (typeof payload.nbf === 'number' && payload.nbf * 1000 > nowMs) throw new TokenError('invalid', 'Not Before (nbf) timestamp cannot be in the future');
		if (typeof payload.iat === 'number' && payload.iat * 1000 > nowMs) throw new TokenError('invalid', 'Issued At (iat) timestamp cannot be in the future');
		if (entry && entry.revoked) throw new TokenError('blacklisted', 'The token has been blacklisted');
		return payload;
	}

	// Peek at the subject without any error (throttle key).
	function peekSubject(token, nowMs) {
		try {
			return verify(token, nowMs).sub;
		} catch {
			return undefined;
		}
	}

	// Control route: every token issued so far counts as expired from now on.
	function expireAll(userId) {
		let count = 0;
		for (const entry of registry.values()) {
			if (userId !== undefined && entry.sub !== Number(userId)) continue;
			if (!entry.forcedExpired) count += 1;
			entry.forcedExpired = true;
		}
		return count;
	}

	// singleSession mode: a new login blacklists the user's older tokens.
	function revokeOthers(sub, keepJti) {
		for (const [jti, entry] of registry) if (entry.sub === sub && jti !== keepJti) entry.revoked = true;
	}

	const list = () => [...registry].map(([jti, entry]) => ({ jti, ...entry }));
	return { mint, verify, peekSubject, expireAll, revokeOthers, list };
}

// The token parser chain. v2.x: `Authorization: Bearer`, `?token=`, then body `token`; v1.9.6: header
// and query only. `stripAuthorization` simulates an Apache that drops the header.
function extractToken(req, input, { version, stripAuthorization }) {
	const header = stripAuthorization ? '' : String(req.headers.authorization || '');
	const match = /^bearer\s*(\S+)/i.exec(header.trim());
	if (match) return { token: match[1], from: 'header' };
	const queryToken = input.query.token;
	if (typeof queryToken === 'string' && queryToken) return { token: queryToken, from: 'query' };
	if (version !== '1.9' && typeof input.body.token === 'string' && input.body.token) return { token: input.body.token, from: 'body' };
	return { token: undefined, from: null };
}

module.exports = { createTokenService, extractToken, TokenError };
