'use strict';
// outgoing webhooks: one HTTP POST per event, form-style parameters, no event name in the payload,
// no signature or secret (none documented), no retry [uncertain, harsher: delivered once].

// Event → documented parameters. Anything else passed in is dropped.
const EVENTS = {
	user_created: ['user_id'],
	user_updated: ['user_id'], // "User profile updated"
	learning_plan_completed: ['user_id', 'learning_plan_id'],
	scorm_completed: ['user_id', 'content_id'],
	event_attendance_changed: ['user_id', 'event_id', 'occurrence_id'],
	learning_plan_created: ['learning_plan_id'], // parameters not shown in the docs [uncertain]
};

function createWebhooks({ config, store, counters }) {
	const deliveries = store.state.webhookDeliveries;
	const pending = new Set();

	const urlFor = (event, override) => override || (config.webhooks.urls && config.webhooks.urls[event]) || config.webhooks.url || null;

	function payload(event, params) {
		const names = EVENTS[event];
		const missing = names.filter((name) => params[name] === undefined || params[name] === null || params[name] === '');
		// learning_plan_created's parameters are not documented: allow whatever was given.
		if (missing.length && event !== 'learning_plan_created') return { missing };
		return { fields: Object.fromEntries(names.filter((n) => params[n] !== undefined).map((n) => [n, String(params[n])])) };
	}

	async function deliver(event, fields, url) {
		const contentType = config.webhooks.contentType === 'json' ? 'application/json' : 'application/x-www-form-urlencoded';
		const body = contentType === 'application/json' ? JSON.stringify(fields) : new URLSearchParams(fields).toString();
		const record = { id: deliveries.length + 1, event, url, contentType, body, fields, time: store.isoNow(), status: null, error: null };
		deliveries.push(record);
		try {
			const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': contentType, 'User-Agent': 'Fuse-Webhooks' }, body, signal: AbortSignal.timeout(config.webhooks.timeoutMs || 5000) });
			await res.arrayBuffer().catch(() => undefined);
			record.status = res.status;
			if (res.ok) counters.webhooksSent += 1;
			else counters.webhooksFailed += 1;
		} catch (error) {
			record.error = error.message;
			counters.webhooksFailed += 1;
		}
		return record;
	}

	// On-demand emission (control route). → { record } or { error }
	async function emit(event, params = {}, urlOverride) {
		if (!EVENTS[event]) return { error: `unknown event "${event}"; known: ${Object.keys(EVENTS).join(', ')}` };
		const url = urlFor(event, urlOverride);
		if (!url) return { error: 'no webhook URL configured (config.webhooks.url / urls, or pass "url")' };
		const built = payload(event, params);
		if (built.missing) return { error: `missing parameter(s) for ${event}: ${built.missing.join(', ')}` };
		return { record: await deliver(event, built.fields, url) };
	}

	// Automatic emission on user create/update when enabled; fire and forget (does not delay the API reply).
	function auto(event, params) {
		if (!config.webhooks.enabled) return;
		const url = urlFor(event);
		if (!url) return;
		const promise = deliver(event, payload(event, params).fields, url).finally(() => pending.delete(promise));
		pending.add(promise);
	}

	const settle = () => Promise.allSettled([...pending]);

	return { EVENTS, emit, auto, settle, deliveries };
}

module.exports = { createWebhooks, EVENTS };
