'use strict';
// A small fake of Metabase's session login, for the anchor runs of the benchmark: n8n's built-in
// `metabaseApi` credential (n8n-nodes-base) logs in with `POST /api/session {username, password}` →
// `{ "id": "<session token>" }` and sends the token as `X-Metabase-Session`. Metabase answers a
// dead or missing session with HTTP 401 and the text "Unauthenticated".
//
// Knobs (same meaning as in the provider emulators): `singleSession` — a login revokes the user's
// older sessions; `expireAll()` — every live session dies now. Expiry "every N requests" is added
// from outside, like for the other emulators (bench/lib/emulatorHost.cjs).
//
// Built on test/emulators/common.js, so it has the same request log, counters and control routes.

const crypto = require('node:crypto');
const { createEmulatorServer } = require('../../test/emulators/common');

const USERS = { 'anchor@example.test': 'Anchor-Pass-1!' };

async function startMetabase(options = {}) {
	const config = { singleSession: Boolean(options.singleSession) };
	const live = new Map(); // token → username
	let server;

	function handler(req, ctx) {
		const path = ctx.url.pathname;
		if (req.method === 'POST' && path === '/api/session') {
			ctx.setRoute('POST /api/session');
			const { username, password } = ctx.json || {};
			if (!username || USERS[username] !== password) {
				server.counters.failedLogins += 1;
				return ctx.sendJson(401, { errors: { password: 'did not match stored password' } });
			}
			if (config.singleSession) for (const [token, user] of live) if (user === username) live.delete(token);
			const token = crypto.randomUUID();
			live.set(token, username);
			server.counters.logins += 1;
			return ctx.sendJson(200, { id: token });
		}
		if (req.method === 'GET' && path === '/api/user/current') {
			ctx.setRoute('GET /api/user/current');
			const user = live.get(String(req.headers['x-metabase-session'] || ''));
			if (!user) {
				server.counters.unauthorized += 1;
				return ctx.sendText(401, 'Unauthenticated');
			}
			return ctx.sendJson(200, { id: 1, email: user, first_name: 'Anchor', last_name: 'User', is_superuser: true });
		}
		return ctx.sendText(404, 'API endpoint does not exist.');
	}

	server = await createEmulatorServer({ name: 'metabase', handler, host: options.host || '127.0.0.1', port: options.port });
	Object.assign(server.counters, { logins: 0, failedLogins: 0, unauthorized: 0 });
	return Object.assign(server, {
		config,
		siteUrl: server.url,
		credentials: { username: 'anchor@example.test', password: USERS['anchor@example.test'] },
		expireAll: () => live.clear(),
		setConfig: (patch) => Object.assign(config, patch),
	});
}

module.exports = { startMetabase };
