'use strict';
// Reports and lookups, custom fields, campaigns/funnels, incoming-webhook configurations.

const crypto = require('node:crypto');
const { ok, reply, validation, businessError, modelNotFound, asList, readPaging, paginate, sortRows, isBlank, isPlainObject } = require('./wp');
const { STATUSES, CONTACT_TYPES } = require('./store');

const titleCase = (id) => id.charAt(0).toUpperCase() + id.slice(1);
const WEBHOOK_STATUSES = ['subscribed', 'pending', 'unsubscribed'];
const WEBHOOK_FIELDS = [['email', 'Email Address'], ['first_name', 'First Name'], ['last_name', 'Last Name'], ['full_name', 'Full Name'], ['phone', 'Phone'], ['address_line_1', 'Address Line 1'], ['city', 'City'], ['country', 'Country']].map(([key, field]) => ({ key, field }));

const ping = () => ok({ message: 'pong' }, { bench: true }); // the credential test's route

// `fields` is required; unknown names are skipped.
function options(r) {
	const { store, params } = r;
	if (isBlank(params.fields)) return businessError('Missing requested fields field.');
	const wanted = String(params.fields).split(',').map((f) => f.trim());
	const builders = {
		tags: () => store.state.tags.map((t) => ({ id: t.id, slug: t.slug, title: t.title, value: String(t.id), label: t.title })),
		lists: () => store.state.lists.map((l) => ({ id: l.id, slug: l.slug, title: l.title })),
		statuses: () => STATUSES.map((id) => ({ id, slug: id, title: titleCase(id) })),
		contact_types: () => CONTACT_TYPES.map((id) => ({ id, slug: id, title: titleCase(id) })),
	};
	const out = {};
	for (const name of wanted) if (builders[name]) out[name] = builders[name]();
	return ok({ options: out });
}

const getCustomFields = (r) => ok({ fields: r.store.state.customFields });

// Replaces every definition (recorded as destructive by the router).
function replaceCustomFields(r) {
	let fields = r.params.fields;
	if (typeof fields === 'string') {
		try {
			fields = JSON.parse(fields);
		} catch {
			fields = [];
		}
	}
	r.store.state.customFields = (asList(fields) || []).filter(isPlainObject).map((f) => ({ label: '', slug: '', type: 'text', group: 'Default', options: [], ...f }));
	return ok({ fields: r.store.state.customFields, message: 'Fields has been updated' });
}

// ---- campaigns: `searchBy`, not `search` -------------------------------------------

function listCampaigns(r) {
	const { store, params } = r;
	let rows = store.state.campaigns;
	if (!isBlank(params.searchBy)) rows = rows.filter((c) => c.title.toLowerCase().includes(String(params.searchBy).toLowerCase()));
	const statuses = asList(params.statuses);
	if (statuses && statuses.length) rows = rows.filter((c) => statuses.includes(c.status));
	rows = sortRows(rows, { sortBy: params.sort_by, direction: params.sort_type, allowed: ['id', 'title', 'status', 'created_at', 'updated_at', 'scheduled_at'] });
	return ok({ campaigns: paginate(rows, readPaging(params, 'campaigns'), '/campaigns') });
}

function getCampaign(r) {
	const campaign = r.store.state.campaigns.find((c) => c.id === Number(r.path.id));
	return campaign ? ok({ campaign }) : modelNotFound('Campaign'); // findOrFail [uncertain]
}

const listFunnels = (r) => ok({ funnels: paginate([], readPaging(r.params, 'funnels'), '/funnels') });
const contactAutomations = (r) => ok({ automations: paginate([], readPaging(r.params, 'funnel_subscribers'), `/funnels/subscriber/${r.path.id}/automations`) });

// Event tracking is off on a default install → 422 not_enabled.
function trackEvent(r) {
	if (!r.config.eventTracking) return reply(422, { message: 'Event Tracker is not enabled', error_code: 'not_enabled' });
	const id = r.store.nextId('event');
	return ok({ message: 'Event has been tracked', id });
}

// ---- incoming-webhook configurations ----------------------------------------------

const webhookUrl = (r, key) => `${r.siteUrl}/?fluentcrm=1&route=contact&hash=${key}`;
const simpleRows = (rows) => rows.map((row) => ({ id: row.id, title: row.title, slug: row.slug }));

function webhooksPayload(r) {
	return { webhooks: r.store.state.webhooks, fields: WEBHOOK_FIELDS, custom_fields: r.store.state.customFields, lists: simpleRows(r.store.state.lists), tags: simpleRows(r.store.state.tags) };
}

function webhookValueErrors(value) {
	const errors = {};
	if (isBlank(value.name)) errors.name = { required: 'The name field is required.' };
	if (isBlank(value.status)) errors.status = { required: 'The status field is required.' };
	else if (!WEBHOOK_STATUSES.includes(value.status)) errors.status = { in: 'The selected status is invalid.' }; // [uncertain] harsher than storing it
	return Object.keys(errors).length ? errors : undefined;
}

function createWebhook(r) {
	const { params, store } = r;
	const errors = webhookValueErrors(params);
	if (errors) return validation(errors);
	const key = crypto.randomUUID();
	const value = { name: String(params.name), status: params.status, lists: asList(params.lists) || [], tags: asList(params.tags) || [], url: webhookUrl(r, key) };
	const row = { id: store.nextId('webhook'), object_type: 'webhook', key, value };
	store.state.webhooks.push(row);
	return ok({ id: row.id, webhook: value, webhooks: store.state.webhooks, message: 'Successfully created the WebHook' });
}

function updateWebhook(r) {
	const row = r.store.state.webhooks.find((w) => w.id === Number(r.path.id));
	if (!row) return modelNotFound('Meta'); // [uncertain]
	const { id, url, ...changes } = r.params;
	const merged = { ...row.value, ...pickWebhookValue(changes), url: row.value.url }; // id/url immutable
	const errors = webhookValueErrors(merged);
	if (errors) return validation(errors);
	row.value = merged;
	return ok({ webhooks: r.store.state.webhooks, message: 'Successfully updated the webhook' });
}

const pickWebhookValue = (input) => Object.fromEntries(Object.entries(input).filter(([k]) => ['name', 'status', 'lists', 'tags'].includes(k)));

function deleteWebhook(r) {
	r.store.state.webhooks = r.store.state.webhooks.filter((w) => w.id !== Number(r.path.id));
	return ok({ webhooks: r.store.state.webhooks, message: 'Successfully deleted the webhook' });
}

function registerCatalogRoutes(router) {
	router.add('GET', '/fluent-crm/v2/reports/ping', ping);
	router.add('GET', '/fluent-crm/v2/reports/options', options);
	router.add('GET', '/fluent-crm/v2/custom-fields/contacts', getCustomFields);
	router.add('PUT', '/fluent-crm/v2/custom-fields/contacts', replaceCustomFields, { destructive: true });
	router.add('GET', '/fluent-crm/v2/campaigns', listCampaigns);
	router.add('GET', '/fluent-crm/v2/campaigns/{id}', getCampaign);
	router.add('GET', '/fluent-crm/v2/funnels', listFunnels);
	router.add('GET', '/fluent-crm/v2/funnels/subscriber/{id}/automations', contactAutomations);
	router.add('POST', '/fluent-crm/v2/subscribers/track-event', trackEvent);
	router.add('GET', '/fluent-crm/v2/webhooks', (r) => ok(webhooksPayload(r)));
	router.add('POST', '/fluent-crm/v2/webhooks', createWebhook);
	router.add('PUT', '/fluent-crm/v2/webhooks/{id}', updateWebhook);
	router.add('DELETE', '/fluent-crm/v2/webhooks/{id}', deleteWebhook);
}

module.exports = { registerCatalogRoutes, WEBHOOK_STATUSES };
