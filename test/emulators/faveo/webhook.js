'use strict';
// The "ticket details" webhook: on ticket creation, POST multipart/form-data with one field
// `data` = JSON string of the thread rows; sent TWICE (curl_exec runs twice); no id, no signature.
// Synchronous: the create request waits for both deliveries.

const crypto = require('node:crypto');

const FIELDS = ['title', 'body', 'first_name', 'last_name', 'email', 'created_at'];

// One body built once (curl-style boundary) and sent twice byte for byte.
function multipart(data) {
	const boundary = `------------------------${crypto.randomBytes(8).toString('hex')}`;
	const body = `--${boundary}\r\nContent-Disposition: form-data; name="data"\r\n\r\n${data}\r\n--${boundary}--\r\n`;
	return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

function createWebhookSender({ store, config, counters }) {
	return async function fire(threadRows) {
		const url = config.webhookUrl || store.state.settings.ticketDetailUrl;
		if (!url) return;
		const data = JSON.stringify(threadRows.map((row) => Object.fromEntries(FIELDS.map((f) => [f, row[f] ?? null]))));
		const { body, contentType } = multipart(data);
		for (let attempt = 1; attempt <= 2; attempt++) {
			const delivery = { url, attempt, data, time: store.timestamp() };
			try {
				const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': contentType, Accept: '*/*' }, body, signal: AbortSignal.timeout(Number(config.webhookTimeoutMs) || 5000) });
				delivery.status = res.status;
				await res.arrayBuffer(); // the answer is "decrypted" and ignored
			} catch (error) {
				delivery.error = error.message;
			}
			store.state.webhookDeliveries.push(delivery);
			counters.webhooksSent += 1;
		}
	};
}

module.exports = { createWebhookSender };
