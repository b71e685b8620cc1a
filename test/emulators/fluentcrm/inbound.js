'use strict';
// The inbound-webhook receiver: POST {site}/?fluentcrm=1&route=contact&hash=<uuid>.
// Always HTTP 200; the hash in the URL is the only protection.

const { parsePhpParams, isJsonMediaType, isPlainObject, isBlank } = require('./wp');
const { contactColumnsFrom, upsertStatus, EMAIL_PATTERN } = require('./contacts');

function inboundPayload(ctx, headers) {
	if (isJsonMediaType(headers['content-type'] || '')) return isPlainObject(ctx.json) ? ctx.json : {};
	return parsePhpParams([...new URLSearchParams(ctx.rawBody)]);
}

function handleInboundWebhook({ req, ctx, store, sendDoubleOptin }) {
	const answer = (success, data) => ctx.sendJson(200, { success, data });
	const fail = (message, type) => answer(false, { message, type });
	const query = Object.fromEntries(ctx.url.searchParams);
	if (req.method !== 'POST') return fail('Invalid request method', 'invalid_request_method');
	if (query.route !== 'contact') return fail('Invalid webhook url', 'invalid_webhook_url');
	const hook = store.state.webhooks.find((w) => w.key === query.hash);
	if (!hook) return fail('Invalid webhook hash', 'invalid_webhook_hash');

	const payload = inboundPayload(ctx, req.headers);
	if (isBlank(payload.email) || !EMAIL_PATTERN.test(String(payload.email).trim())) return fail('Email address is not valid', 'email_validation_failed');
	const names = isPlainObject(payload.names) ? payload.names : {};
	const columns = contactColumnsFrom({ ...payload, ...names, status: hook.value.status }, 'create');
	let contact = store.findContactByEmail(payload.email);
	const isNew = !contact;
	if (isNew) contact = store.insertContact(columns);
	else store.updateContactColumns(contact, { ...columns, email: contact.email, status: upsertStatus(contact.status, columns.status, false) });

	const tagValues = [...(hook.value.tags || []), ...([].concat(payload.tags || []))];
	const listValues = [...(hook.value.lists || []), ...([].concat(payload.lists || []))];
	store.attach(contact.id, 'tag', store.resolveTaxonomyValues('tag', tagValues));
	store.attach(contact.id, 'list', store.resolveTaxonomyValues('list', listValues));
	store.detach(contact.id, 'tag', [].concat(payload.detach_tags || []).map(Number));
	store.detach(contact.id, 'list', [].concat(payload.detach_lists || []).map(Number));
	const customValues = Object.fromEntries(store.state.customFields.filter((f) => f.slug in payload).map((f) => [f.slug, payload[f.slug]]));
	store.setCustomValues(contact.id, customValues);
	if (isNew && contact.status === 'pending') sendDoubleOptin(contact);
	return answer(true, { message: isNew ? 'created' : 'updated', id: contact.id, type: 'success' });
}

module.exports = { handleInboundWebhook };
