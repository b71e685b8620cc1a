'use strict';
// Routes a client must never call. They exist, do what Faveo's code does, and are recorded.

const { ok } = require('./laravel');

function record(r, kind) {
	r.store.state.trapCalls.push({ kind, method: r.method, path: r.localPath, time: r.store.timestamp() });
	r.counters.trapCalls[kind] = (r.counters.trapCalls[kind] || 0) + 1;
}

// GET helpdesk/api_key: regenerates the site's key, breaking every other integration.
function regenerateApiKey(r) {
	record(r, 'api_key');
	const settings = r.store.state.settings;
	settings.apiKey = r.store.newKey();
	r.counters.apiKeyRegenerations += 1;
	return ok({ result: settings.apiKey });
}

// Installer and URL-probe bodies are not documented: minimal stand-ins.
const installer = (kind) => (r) => (record(r, kind), ok({ result: 'success' }));
// Unauthenticated server-side URL probes: never fetched here, only recorded.
const urlProbe = (kind) => (r) => (record(r, kind), ok({ result: 'success', url: r.params.url ?? null }));

function registerTrapRoutes(router, v1) {
	router.add('GET', `${v1}/helpdesk/api_key`, regenerateApiKey);
	router.add('GET', `${v1}/database-config`, installer('database-config'), { auth: false, apiKey: false });
	router.add('GET', `${v1}/system-config`, installer('system-config'), { auth: false, apiKey: false });
	router.add('GET', `${v1}/helpdesk/url`, urlProbe('url'), { auth: false });
	router.add('GET', `${v1}/helpdesk/check-url`, urlProbe('check-url'), { auth: false });
}

module.exports = { registerTrapRoutes };
