'use strict';
// HS256 JWT `{id, iat, exp}` as users-permissions issues it (jsonwebtoken), with test switches:
// configurable lifetime, revocation of a user's tokens ("secret change"), expire-all, single session.

const crypto = require('node:crypto');

const b64url = (value) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const hmac = (secret, data) => crypto.createHmac('sha256', secret).update(data).digest('base64url');

function sign(payload, secret) {
	const head = `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url(payload)}`;
	return `${head}.${hmac(secret, head)}`;
}

function decodePart(part) {
	const value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
	if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('jwt malformed');
	return value;
}

// jsonwebtoken.verify(): any failure (malformed, bad signature, alg, expired) — the policy turns it into
// "Invalid token.". Returns the payload.
function verify(token, secret, nowSeconds) {
	if (!token) throw new Error('jwt must be provided');
	const parts = String(token).split('.');
	if (parts.length !== 3) throw new Error('jwt malformed');
	const header = decodePart(parts[0]);
	if (!['HS256', 'HS384', 'HS512'].includes(header.alg)) throw new Error('invalid algorithm');
	const algo = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' }[header.alg];
	const expected = Buffer.from(crypto.createHmac(algo, secret).update(`${parts[0]}.${parts[1]}`).digest('base64url'));
	const given = Buffer.from(parts[2]);
	if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) throw new Error('invalid signature');
	const payload = decodePart(parts[1]);
	if (payload.nbf !== undefined && nowSeconds < payload.nbf) throw new Error('jwt not active');
	if (payload.exp !== undefined && (typeof payload.exp !== 'number' || nowSeconds >= payload.exp)) throw new Error('jwt expired');
	return payload;
}

function createTokenService({ now, config, counters }) {
	const revoked = new Set(); // exact tokens revoked by a switch (real Strapi has no revocation)
	const issued = new Map(); // token → user id, to find a user's tokens
	const nowSeconds = () => Math.floor(new Date(now()).getTime() / 1000);

	function issue(userId) {
		if (config.singleSession) revokeUser(userId); // test switch: each login revokes the user's older tokens
		const iat = nowSeconds();
		const token = sign({ id: userId, iat, exp: iat + Number(config.tokenTtlSeconds) }, config.jwtSecret);
		issued.set(token, userId);
		// Same user + same second → the very same string as an older token; issuing it again makes it valid.
		revoked.delete(token);
		counters.tokensIssued += 1;
		return token;
	}

	function revokeUser(userId) {
		for (const [token, owner] of issued) {
			if (owner !== userId || revoked.has(token)) continue;
			revoked.add(token);
			counters.tokensRevoked += 1;
		}
	}

	function revokeAll() {
		for (const userId of new Set(issued.values())) revokeUser(userId);
	}

	function check(token) {
		const payload = verify(token, config.jwtSecret, nowSeconds());
		if (revoked.has(token)) throw new Error('jwt revoked');
		return payload;
	}

	return { issue, check, revokeUser, revokeAll, sign: (payload) => sign(payload, config.jwtSecret), nowSeconds };
}

module.exports = { sign, verify, createTokenService };
