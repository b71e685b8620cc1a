'use strict';
// Faveo-specific control routes under /__emulator/faveo/… (the generic ones live in common.js).

const CONFIG_KEYS = ['version', 'tokenTtlSeconds', 'singleSession', 'enforceApiKey', 'rateLimit', 'rateLimitWindowSeconds', 'throttleBy', 'stripAuthorization', 'appUrl', 'webhookUrl', 'webhookTimeoutMs', 'unverifiedNewUsers', 'requireMobile', 'failTokenCreation', 'clockOffsetSeconds'];
const SETTING_KEYS = { apiEnabled: 'apiEnabled', apiKey: 'apiKey', ticketDetailUrl: 'ticketDetailUrl' };

function freshCounters() {
	return {
		logins: 0, failedLogins: 0, credentialsInQuery: 0,
		expiredTokenReplies: 0, invalidTokenReplies: 0, missingTokenReplies: 0, tokenFrom: { header: 0, query: 0, body: 0 },
		throttled: 0, apiKeyRejected: 0, apiKeyInQuery: 0, apiKeyRegenerations: 0, trapCalls: {},
		webhooksSent: 0, ticketsTrashed: 0, ticketsHardDeleted: 0, statusBlanked: 0, collaboratorUsersCreated: 0, withoutAcceptJson: 0,
	};
}

// Applies a config body (run-time knobs and site settings); returns the effective config.
function applyConfig(emu, body) {
	if (!body || typeof body !== 'object') return emu.config;
	for (const key of CONFIG_KEYS) if (key in body) emu.config[key] = body[key];
	emu.config.version = normaliseVersion(emu.config.version);
	for (const [key, setting] of Object.entries(SETTING_KEYS)) if (key in body) emu.state.settings[setting] = body[key];
	return emu.config;
}

const normaliseVersion = (v) => (String(v ?? '2').startsWith('1') ? '1.9' : '2');

function snapshot(emu) {
	return { state: emu.state, config: emu.config, counters: emu.counters, siteUrl: emu.siteUrl, apiKey: emu.state.settings.apiKey, tokens: emu.tokens.list(), throttle: emu.throttle.snapshot(), now: new Date(emu.nowMs()).toISOString() };
}

function createControlHandler(getEmu) {
	const routes = {
		'GET state': (emu) => snapshot(emu),
		'GET counters': (emu) => emu.counters,
		'GET api-key': (emu) => ({ apiKey: emu.state.settings.apiKey, regenerations: emu.counters.apiKeyRegenerations }),
		'GET outbox': (emu) => emu.state.outbox,
		'GET tokens': (emu) => emu.tokens.list(),
		'POST config': (emu, body) => applyConfig(emu, body),
		'POST expire-tokens': (emu, body) => ({ expired: emu.expireAllTokens(body && body.userId) }),
		'POST clock': (emu, body) => ({ now: new Date(emu.advanceClock(Number(body && body.advanceSeconds) || 0)).toISOString(), clockOffsetSeconds: emu.config.clockOffsetSeconds }),
		'POST seed': (emu, body) => (emu.seed(body || {}), { customers: emu.state.users.filter((u) => u.role === 'user').length, tickets: emu.state.tickets.length }),
		'POST token': (emu, body) => emu.mintToken((body && (body.userId ?? body.username)) ?? 1),
		'POST reset-throttle': (emu) => (emu.resetThrottle(), { ok: true }),
		'POST reset-counters': (emu) => (emu.resetCounters(), { ok: true }),
	};
	return async function controlHandler(req, ctx) {
		const match = /^\/__emulator\/faveo\/([\w-]+)\/?$/.exec(ctx.url.pathname);
		const route = match && routes[`${req.method} ${match[1]}`];
		if (!route) return false;
		try {
			ctx.sendJson(200, route(getEmu(), ctx.json));
		} catch (error) {
			ctx.sendJson(400, { error: error.message });
		}
		return true;
	};
}

module.exports = { createControlHandler, freshCounters, applyConfig, normaliseVersion, CONFIG_KEYS };
