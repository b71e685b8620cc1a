'use strict';
// webhook delivery: POST `[dto]` to every active webhook of the record's business whose
// Action matches; `X-Nexudus-Hook-Signature` = upper-case hex HMAC-SHA256 of the exact body,
// keyed with the shared secret, only when one is configured. Failures update LastError /
// ErrorCount and disable the webhook after config.webhookDisableAfter failures.

const crypto = require('node:crypto');
const { WEBHOOK_ACTIONS } = require('./sys');

const SIGNATURE_HEADER = 'X-Nexudus-Hook-Signature';

const sign = (rawBody, secret) => crypto.createHmac('sha256', String(secret)).update(rawBody, 'utf8').digest('hex').toUpperCase();

function actionNumber(action) {
	if (typeof action === 'number' || /^\d+$/.test(String(action))) return Number(action);
	const index = WEBHOOK_ACTIONS.findIndex((name) => name && name.toLowerCase() === String(action).toLowerCase());
	return index === -1 ? undefined : index;
}

function createWebhookDispatcher({ store, config, counters }) {
	const pending = new Set();

	function noteResult(hook, error) {
		if (!error) {
			hook.LastTrigger = store.stamp();
			return;
		}
		// ErrorCount is cumulative (never reset by a later success) [uncertain] — harsher.
		hook.ErrorCount = (hook.ErrorCount || 0) + 1;
		hook.LastError = error;
		counters.webhookFailures += 1;
		if (hook.Active && config.webhookDisableAfter && hook.ErrorCount >= config.webhookDisableAfter) {
			hook.Active = false; // "repeated failures disable the webhook"
			counters.webhooksDisabled += 1;
		}
	}

	// options: { secret (override; null = unsigned), tamper (wrong signature) }
	async function deliverTo(hook, rawBody, options = {}) {
		const secret = options.secret !== undefined ? options.secret : config.sharedSecret;
		// Webhooks made with plain Basic credentials may have no secret and so no signature [uncertain]:
		// unsigned unless config.sharedSecret is set (harsher: the receiver must cope with both).
		let signature = secret ? sign(rawBody, secret) : null;
		if (signature && options.tamper) signature = sign(rawBody + ' ', secret);
		const headers = { 'Content-Type': 'application/json; charset=utf-8', 'User-Agent': 'Nexudus-Webhooks (emulator)' };
		if (signature) headers[SIGNATURE_HEADER] = signature;
		const entry = { webhookId: hook.Id, action: hook.Action, actionName: WEBHOOK_ACTIONS[hook.Action] || null, url: hook.URL, body: rawBody, signature, status: null, ok: false, error: null };
		const started = Date.now();
		try {
			const response = await fetch(hook.URL, { method: 'POST', headers, body: rawBody, redirect: 'manual', signal: AbortSignal.timeout(config.webhookTimeoutMs) });
			entry.status = response.status;
			await response.arrayBuffer().catch(() => undefined);
			entry.ok = response.status >= 200 && response.status < 300;
			if (!entry.ok) entry.error = `The remote server returned an error: (${response.status}).`;
		} catch (error) {
			entry.error = error && error.name === 'TimeoutError' ? 'The operation has timed out.' : `Unable to connect to the remote server (${error.cause ? error.cause.code || error.cause.message : error.message}).`;
		}
		entry.durationMs = Date.now() - started;
		counters.webhookDeliveries += 1;
		noteResult(hook, entry.error);
		store.log('deliveries', entry);
		return entry;
	}

	const matching = (action, businessIds) => store.state.webhooks.filter((h) => h.Active && h.Action === action && (!businessIds || businessIds.includes(h.BusinessId)));

	// Automatic delivery after a write; runs after the API reply has been sent.
	function dispatch(actions, dto, businessIds) {
		if (!config.autoDeliverWebhooks) return;
		const rawBody = JSON.stringify([dto]); // an array holding one DTO
		for (const action of actions) {
			for (const hook of matching(action, businessIds)) {
				const job = new Promise((resolve) => setImmediate(resolve)).then(() => deliverTo(hook, rawBody));
				pending.add(job);
				job.finally(() => pending.delete(job));
			}
		}
	}

	// Waits until every automatic delivery scheduled so far has finished.
	async function flush() {
		while (pending.size) await Promise.allSettled([...pending]);
	}

	return { dispatch, deliverTo, matching, flush, sign, pending };
}

module.exports = { createWebhookDispatcher, sign, actionNumber, SIGNATURE_HEADER };
