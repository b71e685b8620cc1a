'use strict';
// Plain-node self-test of the FluentCRM emulator: what a faithful FluentCRM 2.9.84 must do.
// Run: node test/emulators/fluentcrm.selftest.js

const assert = require('node:assert/strict');
const { createChecks } = require('./selftest');
const crypto = require('node:crypto');
const { startFluentCrm } = require('./fluentcrm');

const ADMIN = { user: 'admin', password: 'abcd efgh ijkl mnop qrst uvwx' };
const basic = (user, password) => 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64');
const ADMIN_AUTH = basic(ADMIN.user, ADMIN.password);
const FORBIDDEN_401 = { code: 'rest_forbidden', message: 'Sorry, you are not allowed to do that.', data: { status: 401 } };

// A controllable clock: each call returns the current fake time (site-local).
let fakeNow = new Date(2026, 10, 22, 11, 23, 28);
const advanceClock = (seconds) => (fakeNow = new Date(fakeNow.getTime() + seconds * 1000));

function client(baseUrl, defaultAuth = ADMIN_AUTH) {
	return async function call(method, path, { body, auth = defaultAuth, headers = {}, raw } = {}) {
		const init = { method, headers: { ...(auth ? { Authorization: auth } : {}), ...headers } };
		if (raw !== undefined) init.body = raw;
		else if (body !== undefined) {
			init.body = JSON.stringify(body);
			init.headers['Content-Type'] = 'application/json';
		}
		const res = await fetch(baseUrl + path, init);
		const text = await res.text();
		let json;
		try {
			json = text ? JSON.parse(text) : undefined;
		} catch {
			json = undefined;
		}
		return { status: res.status, headers: res.headers, text, json };
	};
}

const { check, report } = createChecks();

async function main() {
	const emu = await startFluentCrm({ seedContacts: 30, now: () => fakeNow });
	const api = client(`${emu.siteUrl}/wp-json/fluent-crm/v2`);
	const site = client(emu.siteUrl);
	const others = [];
	try {
		await check('ping with login, pong + __bench', async () => {
			const r = await api('GET', '/reports/ping');
			assert.equal(r.status, 200);
			assert.equal(r.json.message, 'pong');
			assert.equal(typeof r.json.__bench, 'number');
			assert.equal(r.headers.get('content-type'), 'application/json; charset=UTF-8');
		});
		await check('email as username, password without spaces', async () => {
			const r = await api('GET', '/reports/ping', { auth: basic('admin@example.test', 'abcdefghijklmnopqrstuvwx') });
			assert.equal(r.status, 200);
		});
		await check('wrong, missing and unencoded credentials → 401 rest_forbidden', async () => {
			assert.deepEqual((await api('GET', '/reports/ping', { auth: basic('admin', 'wrong') })).json, FORBIDDEN_401);
			assert.deepEqual((await api('GET', '/reports/ping', { auth: null })).json, FORBIDDEN_401);
			assert.equal((await api('GET', '/reports/ping', { auth: `Basic admin:${ADMIN.password}` })).status, 401);
			assert.equal((await api('GET', '/reports/ping', { auth: basic('admin', 'correct-horse-battery-staple') })).status, 401);
		});
		await check('editor: 403 on FluentCRM, 200 on WP core; bad password on core → rest_not_logged_in', async () => {
			const editor = basic('editor', 'zyxw vuts rqpo nmlk jihg fedc');
			const r = await api('GET', '/reports/ping', { auth: editor });
			assert.equal(r.status, 403);
			assert.deepEqual(r.json, { ...FORBIDDEN_401, data: { status: 403 } });
			assert.equal((await site('GET', '/wp-json/wp/v2/users/me', { auth: editor })).status, 200);
			const bad = await site('GET', '/wp-json/wp/v2/users/me', { auth: basic('editor', 'nope') });
			assert.equal(bad.status, 401);
			assert.equal(bad.json.code, 'rest_not_logged_in');
		});
		await check('unknown route, non-numeric id, unsupported method → 404 rest_no_route', async () => {
			assert.equal((await api('GET', '/nope')).json.code, 'rest_no_route');
			assert.equal((await api('GET', '/subscribers/abc')).status, 404);
			const patch = await api('PATCH', '/subscribers/1', { body: {} });
			assert.equal(patch.status, 404);
			assert.equal(patch.json.code, 'rest_no_route');
			assert.match(patch.headers.get('allow'), /GET/);
		});
		await check('malformed JSON → 400 rest_invalid_json', async () => {
			const r = await api('POST', '/subscribers', { raw: '{"email":', headers: { 'Content-Type': 'application/json' } });
			assert.equal(r.status, 400);
			assert.equal(r.json.code, 'rest_invalid_json');
			assert.equal(r.json.data.json_error_code, 4);
		});
		await check('?rest_route= form with & params; `?` instead of `&` → 404', async () => {
			const r = await site('GET', '/?rest_route=/fluent-crm/v2/subscribers&per_page=3&page=2');
			assert.equal(r.status, 200);
			assert.equal(r.json.subscribers.per_page, 3);
			assert.equal(r.json.subscribers.current_page, 2);
			assert.equal((await site('GET', '/?rest_route=/fluent-crm/v2/subscribers?per_page=3')).status, 404);
		});
		await check('sub-folder install and plain-HTTP production mode', async () => {
			const blog = await startFluentCrm({ subPath: '/blog' });
			others.push(blog);
			assert.equal((await client(blog.url)('GET', '/blog/wp-json/fluent-crm/v2/reports/ping')).status, 200);
			const outside = await client(blog.url)('GET', '/wp-json/fluent-crm/v2/reports/ping');
			assert.equal(outside.status, 404);
			assert.match(outside.text, /<html/);
			const prod = await startFluentCrm({ plainHttpProduction: true });
			others.push(prod);
			assert.equal((await client(prod.siteUrl)('GET', '/wp-json/fluent-crm/v2/reports/ping')).status, 401);
		});

		await check('plain permalinks: /wp-json GET → 301 to a post page answering 200 HTML (or empty without a theme); POST → 404; ?rest_route= works', async () => {
			const plain = await startFluentCrm({ plainPermalinks: true, seedContacts: 3 });
			others.push(plain);
			const list = await fetch(`${plain.siteUrl}/wp-json/fluent-crm/v2/subscribers?per_page=5`, { redirect: 'manual', headers: { Authorization: ADMIN_AUTH } });
			assert.equal(list.status, 301);
			assert.equal(list.headers.get('location'), `${plain.siteUrl}/?p=1&per_page=5`);
			const followed = await fetch(`${plain.siteUrl}/wp-json/fluent-crm/v2/subscribers?per_page=5`, { headers: { Authorization: ADMIN_AUTH } });
			assert.equal(followed.status, 200);
			assert.match(followed.headers.get('content-type'), /text\/html/);
			assert.match(await followed.text(), /Hello world!/);
			assert.equal((await client(plain.siteUrl)('POST', '/wp-json/fluent-crm/v2/subscribers', { body: { email: 'x@example.test', status: 'subscribed' } })).status, 404);
			assert.equal((await client(plain.siteUrl)('GET', '/?rest_route=/fluent-crm/v2/reports/ping')).json.message, 'pong');
			plain.config.theme = false;
			const bare = await fetch(`${plain.siteUrl}/wp-json/fluent-crm/v2/reports/ping`, { headers: { Authorization: ADMIN_AUTH } });
			assert.deepEqual([bare.status, await bare.text()], [200, '']);
		});
		await check('wrong sub-folder inside the install: GET → 301 to /hello-world/ with the query, POST → 404', async () => {
			const wrong = client(`${emu.siteUrl}/shop`);
			const list = await fetch(`${emu.siteUrl}/shop/wp-json/fluent-crm/v2/subscribers?per_page=7`, { redirect: 'manual', headers: { Authorization: ADMIN_AUTH } });
			assert.equal(list.status, 301);
			assert.equal(list.headers.get('location'), `${emu.siteUrl}/hello-world/?per_page=7`);
			const page = await wrong('GET', '/wp-json/fluent-crm/v2/subscribers?per_page=7');
			assert.equal(page.status, 200);
			assert.match(page.text, /<html/);
			assert.equal((await wrong('POST', '/wp-json/fluent-crm/v2/subscribers', { body: {} })).status, 404);
		});
		let alice;
		await check('create contact: 200, action_type, contact shape, string numerics, md5 hash', async () => {
			const r = await api('POST', '/subscribers', { body: { email: 'alice@example.test', status: 'subscribed', first_name: 'Alice', last_name: 'Doe' } });
			assert.equal(r.status, 200);
			assert.equal(r.json.action_type, 'created');
			assert.equal(r.json.message, 'Successfully added the subscriber.');
			alice = r.json.contact;
			assert.equal(typeof alice.id, 'number');
			assert.equal(alice.total_points, '0');
			assert.equal(alice.hash, '2960a687c8031d3d105b67802b5e130e');
			assert.equal(alice.full_name, 'Alice Doe');
			assert.equal(alice.created_at, '2026-11-22 11:23:28');
			assert.ok(!('tags' in alice), 'no tags key when none attached');
			assert.equal(Object.keys(alice)[0], 'id');
			assert.match((await api('GET', `/subscribers/${alice.id}`)).text, /https?:\\\/\\\//, 'slashes escaped like wp_json_encode');
		});
		await check('create validation: unique, required, email format: bare field maps', async () => {
			assert.deepEqual((await api('POST', '/subscribers', { body: { email: 'ALICE@example.test', status: 'subscribed' } })).json, { email: { unique: 'Provided email already assigned to another subscriber.' } });
			assert.deepEqual((await api('POST', '/subscribers', { body: {} })).json, { email: { required: 'The email field is required.' }, status: { required: 'The status field is required.' } });
			const bad = await api('POST', '/subscribers', { body: { email: 'not-an-email', status: 'subscribed' } });
			assert.equal(bad.status, 422);
			assert.deepEqual(bad.json, { email: { email: 'The email must be a valid email address.' } });
		});
		await check('unknown status stored as subscribed; tag names create tags, short ones dropped', async () => {
			const tagsBefore = emu.state.tags.length;
			const r = await api('POST', '/subscribers', { body: { email: 'bob@example.test', status: 'bogus', tags: ['Doc Probe Tag', 'ab', '1'], lists: ['Newsletter'] } });
			assert.equal(r.json.contact.status, 'subscribed');
			assert.equal(emu.state.tags.length, tagsBefore + 1);
			assert.deepEqual(r.json.contact.tags.map((t) => t.title).sort(), ['Doc Probe Tag', 'VIP Customer']);
			assert.equal(r.json.contact.lists[0].slug, 'newsletter');
			assert.equal(r.json.contact.tags[0].pivot.subscriber_id, String(r.json.contact.id));
			assert.equal(r.json.contact.lists[0].is_public, '0');
		});
		await check('double_optin counted only when sent; a pending upsert result sends the email', async () => {
			const before = emu.doubleOptinEmailsSent;
			await api('POST', '/subscribers', { body: { email: 'carol@example.test', status: 'pending', double_optin: false } });
			assert.equal(emu.doubleOptinEmailsSent, before);
			await api('POST', '/subscribers', { body: { email: 'dave@example.test', status: 'pending', double_optin: true } });
			assert.equal(emu.doubleOptinEmailsSent, before + 1);
			const kept = await api('POST', '/subscribers', { body: { email: 'alice@example.test', status: 'subscribed', city: 'Lyon', __force_update: 'yes' } });
			assert.equal(kept.json.action_type, 'updated');
			assert.equal(kept.json.message, 'contact has been successfully updated.');
			assert.equal(kept.json.contact.status, 'subscribed');
			assert.equal(kept.json.contact.city, 'Lyon');
			assert.equal(emu.doubleOptinEmailsSent, before + 1);
			await api('POST', '/subscribers', { body: { email: 'carol@example.test', status: 'pending', __force_update: 'yes' } });
			assert.equal(emu.doubleOptinEmailsSent, before + 2, 'pending upsert result sends the email');
		});
		await check('__force_update stores the status as sent, even over an unsubscribe; no status → 422 (2.9.84)', async () => {
			const erin = (await api('POST', '/subscribers', { body: { email: 'erin@example.test', status: 'subscribed' } })).json.contact;
			const unsub = await api('POST', '/subscribers', { body: { email: 'ERIN@example.test', status: 'unsubscribed', __force_update: 'yes' } });
			assert.deepEqual([unsub.json.contact.id, unsub.json.contact.status], [erin.id, 'unsubscribed']);
			const resub = await api('POST', '/subscribers', { body: { email: 'erin@example.test', status: 'subscribed', __force_update: 'yes' } });
			assert.equal(resub.json.contact.status, 'subscribed', 'an upsert that always sends a status overrides an unsubscribe');
			const noStatus = await api('POST', '/subscribers', { body: { email: 'erin@example.test', city: 'Nice', __force_update: 'yes' } });
			assert.equal(noStatus.status, 422);
			assert.deepEqual(noStatus.json, { status: { required: 'The status field is required.' } });
			const put = await api('PUT', `/subscribers/${erin.id}`, { body: { email: 'erin@example.test', status: 'unsubscribed' } });
			assert.equal(put.json.contact.status, 'unsubscribed');
			const keep = await api('PUT', `/subscribers/${erin.id}`, { body: { email: 'erin@example.test', city: 'Nice' } });
			assert.deepEqual([keep.json.contact.status, keep.json.contact.city], ['unsubscribed', 'Nice'], 'PUT keeps what it is not sent');
		});
		await check('get by id / by email; misses → 422 Subscriber not found', async () => {
			assert.equal((await api('GET', `/subscribers/${alice.id}`)).json.subscriber.email, 'alice@example.test');
			assert.equal((await api('GET', '/subscribers/0?get_by_email=ALICE@EXAMPLE.TEST')).json.subscriber.id, alice.id);
			const miss = await api('GET', '/subscribers/99999');
			assert.equal(miss.status, 422);
			assert.deepEqual(miss.json, { message: 'Subscriber not found' });
			assert.equal((await api('GET', '/subscribers/0')).status, 422);
		});
		await check('PUT wrapper/top-level, attach/detach, custom values, updated_at moves; 404/422', async () => {
			advanceClock(90);
			const r = await api('PUT', `/subscribers/${alice.id}`, { body: { subscriber: { email: 'alice@example.test', first_name: 'Alicia' }, attach_tags: ['2', 'New Segment'], custom_values: { favourite_colour: 'teal', unknown_slug: 'x' } } });
			assert.equal(r.status, 200);
			assert.equal(r.json.message, 'Subscriber successfully updated');
			assert.equal(r.json.isDirty, true);
			assert.equal(r.json.contact.first_name, 'Alicia');
			assert.equal(r.json.contact.updated_at, '2026-11-22 11:24:58');
			assert.ok(r.json.contact.tags.some((t) => t.title === 'New Segment'));
			const detached = await api('PUT', `/subscribers/${alice.id}`, { body: { email: 'alice@example.test', detach_tags: [2] } });
			assert.ok(!detached.json.contact.tags.some((t) => t.id === 2));
			const values = await api('GET', `/subscribers/${alice.id}?with[]=subscriber.custom_values`);
			assert.deepEqual(values.json.subscriber.custom_values, { favourite_colour: 'teal' });
			assert.deepEqual((await api('PUT', '/subscribers/99999', { body: { email: 'x@example.test' } })).json, { message: 'No query results for model [FluentCrm\\App\\Models\\Subscriber].' });
			assert.equal((await api('PUT', `/subscribers/${alice.id}`, { body: { email: 'bob@example.test' } })).json.email.unique, 'Provided email already assigned to another subscriber.');
		});
		await check('PUT needs email (harsher choice); a blank birth date reads back as ""; Allow header', async () => {
			assert.deepEqual((await api('PUT', `/subscribers/${alice.id}`, { body: { city: 'Paris' } })).json, { email: { required: 'The email field is required.' } });
			await api('PUT', `/subscribers/${alice.id}`, { body: { email: 'alice@example.test', date_of_birth: '' } });
			const r = await api('GET', `/subscribers/${alice.id}`);
			assert.equal(r.json.subscriber.date_of_birth, '');
			assert.equal(r.headers.get('allow'), 'GET, PUT, DELETE');
		});
		await check('form-encoded bodies are read like PHP $_POST', async () => {
			const raw = new URLSearchParams({ email: 'form@example.test', status: 'subscribed', 'tags[]': '1' }).toString();
			const r = await api('POST', '/subscribers', { raw, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
			assert.equal(r.status, 200);
			assert.equal(r.json.contact.tags[0].id, 1);
		});
		await check('paginator shape, empty result, past the end', async () => {
			const page = (await api('GET', '/subscribers?per_page=10&page=2&search=example')).json.subscribers;
			assert.deepEqual(Object.keys(page), ['total', 'per_page', 'current_page', 'last_page', 'next_page_url', 'prev_page_url', 'from', 'to', 'data']);
			assert.equal(page.next_page_url, '/wp-json/fluent-crm/v2/subscribers?page=3');
			assert.equal(page.from, 11);
			const empty = (await api('GET', '/subscribers?search=zzzz-nobody')).json.subscribers;
			assert.deepEqual([empty.total, empty.last_page, empty.from, empty.to, empty.data], [0, 0, null, null, []]);
			const past = (await api('GET', '/subscribers?page=99')).json.subscribers;
			assert.deepEqual([past.data, past.next_page_url, past.from], [[], null, null]);
			assert.equal((await api('GET', '/subscribers')).json.subscribers.per_page, 15);
		});
		await check('per_page=0 → 500 HTML or JSON by Accept; -1 → 423 SQL error; no cap', async () => {
			const html = await api('GET', '/subscribers?per_page=0');
			assert.equal(html.status, 500);
			assert.match(html.headers.get('content-type'), /text\/html/);
			const json = await api('GET', '/subscribers?per_page=abc', { headers: { Accept: 'application/json' } });
			assert.equal(json.status, 500);
			assert.equal(json.json.code, 'internal_server_error');
			const sql = await api('GET', '/subscribers?per_page=-1');
			assert.equal(sql.status, 423);
			assert.match(sql.json.message, /SQL syntax/);
			assert.equal((await api('GET', '/subscribers?per_page=100000')).json.subscribers.data.length, emu.state.contacts.length);
		});
		await check('filters and sorting: statuses[], tags[], sort_type, unknown sort_by', async () => {
			const pending = (await api('GET', '/subscribers?statuses[]=pending&per_page=500')).json.subscribers.data;
			assert.ok(pending.length > 0 && pending.every((c) => c.status === 'pending'));
			const tagged = (await api('GET', '/subscribers?tags[]=1&per_page=500')).json.subscribers.data;
			assert.ok(tagged.every((c) => c.tags.some((t) => t.id === 1)));
			const desc = (await api('GET', '/subscribers?per_page=3')).json.subscribers.data.map((c) => c.id);
			assert.ok(desc[0] > desc[1]);
			const asc = (await api('GET', '/subscribers?per_page=3&sort_by=id&sort_type=ASC')).json.subscribers.data.map((c) => c.id);
			assert.deepEqual(asc, [1, 2, 3]);
			const unknown = (await api('GET', '/subscribers?per_page=3&sort_by=bogus')).json.subscribers.data.map((c) => c.id);
			assert.deepEqual(unknown, [1, 2, 3]);
		});
		await check('sync-segments: slug by default, find_by=id, unknown contact → 500', async () => {
			const none = await api('POST', '/subscribers/sync-segments', { body: { type: 'tags', subscribers: [1], attach: [3] } });
			assert.ok(!none.json.subscribers[0].tags.some((t) => t.id === 3));
			const bySlug = await api('POST', '/subscribers/sync-segments', { body: { type: 'tags', subscribers: [1], attach: ['lead-magnet'] } });
			assert.ok(bySlug.json.subscribers[0].tags.some((t) => t.slug === 'lead-magnet'));
			const byId = await api('POST', '/subscribers/sync-segments', { body: { type: 'lists', subscribers: [1], attach: [2], find_by: 'id' } });
			assert.ok(byId.json.subscribers[0].lists.some((l) => l.id === 2));
			assert.equal((await api('POST', '/subscribers/sync-segments', { body: { type: 'tags', subscribers: [424242], attach: ['x'] } })).status, 500);
		});
		await check('notes need the {"note": …} wrapper; validation; list paginator', async () => {
			assert.equal((await api('POST', `/subscribers/${alice.id}/notes`, { body: { title: 'Call', description: 'x', type: 'call' } })).status, 500);
			const missing = await api('POST', `/subscribers/${alice.id}/notes`, { body: { note: { title: 'Call' } } });
			assert.deepEqual(missing.json, { description: { required: 'The description field is required.' }, type: { required: 'The type field is required.' } });
			const created = await api('POST', `/subscribers/${alice.id}/notes`, { body: { note: { title: 'Call', description: '<p>Hi</p>', type: 'call' } } });
			assert.equal(created.json.message, 'Note successfully added');
			assert.equal(created.json.note.created_by, 1);
			const list = await api('GET', `/subscribers/${alice.id}/notes`);
			assert.equal(list.json.notes.total, 1);
			assert.equal((await api('DELETE', `/subscribers/${alice.id}/notes/${created.json.note.id}`)).json.message, 'Note successfully deleted');
		});
		await check('tags: create shape, duplicate, {"tag":null}, DELETE missing → 500, PUT missing → 404', async () => {
			const created = await api('POST', '/tags', { body: { title: 'Spring Promo' } });
			assert.deepEqual(Object.keys(created.json), ['lists', 'item', 'message', '__bench']);
			assert.equal(created.json.item.slug, 'spring-promo');
			assert.deepEqual((await api('POST', '/tags', { body: { title: 'Spring Promo' } })).json, { slug: { unique: 'The slug attribute is already taken and must be unique.' } });
			assert.deepEqual((await api('POST', '/tags', { body: {} })).json, { title: { required: 'The title field is required.' } });
			assert.deepEqual((await api('GET', '/tags/9999')).json, { tag: null });
			assert.equal((await api('DELETE', '/tags/9999')).status, 500);
			assert.equal((await api('PUT', '/tags/9999', { body: { title: 'x' } })).status, 404);
			const updated = await api('PUT', `/tags/${created.json.item.id}`, { body: { title: 'Spring Promo 2', slug: 'vip-customer' } });
			assert.deepEqual(updated.json, { message: 'Provided slug already exist in another tag' });
			const sorted = (await api('GET', '/tags?sort_by=title&sort_order=ASC&all_tags=1')).json;
			assert.equal(sorted.tags.data[0].title, 'Doc Probe Tag');
			assert.equal(typeof sorted.all_tags[0].id, 'string');
			assert.equal(typeof sorted.tags.data[0].subscribersCount, 'number');
		});
		await check('lists: odd list shape, unwrapped GET, empty-body miss, DELETE missing → 200', async () => {
			const all = (await api('GET', '/lists')).json;
			assert.deepEqual(Object.keys(all), ['lists', 'pagination']);
			assert.equal(all.pagination.total, emu.state.lists.length);
			assert.ok('totalCount' in all.lists[0] && 'subscribersCount' in all.lists[0]);
			assert.equal((await api('GET', '/lists/1')).json.slug, 'newsletter');
			const miss = await api('GET', '/lists/999');
			assert.deepEqual([miss.status, miss.text], [200, '']);
			assert.deepEqual((await api('DELETE', '/lists/999')).json, { message: 'Successfully removed the list.' });
			const created = await api('POST', '/lists', { body: { title: 'Beta Testers' } });
			assert.deepEqual(Object.keys(created.json), ['lists', 'item', 'message']);
		});
		await check('companies: 403 for admin when module off, usable when on', async () => {
			const off = await api('GET', '/companies');
			assert.equal(off.status, 403);
			assert.equal(off.json.code, 'rest_forbidden');
			emu.config.companiesModule = true;
			const created = await api('POST', '/companies', { body: { name: 'Acme Ltd', email: 'hello@acme.test' } });
			assert.equal(created.json.message, 'Company has been created successfully');
			assert.equal((await api('GET', '/companies')).json.companies.total, 1);
			emu.config.companiesModule = false;
		});
		await check('custom fields, campaigns searchBy, options lookup', async () => {
			const fields = (await api('GET', '/custom-fields/contacts')).json.fields;
			assert.ok(new Set(fields.map((f) => f.type)).size >= 4);
			const campaigns = (await api('GET', '/campaigns?searchBy=webinar')).json.campaigns;
			assert.equal(campaigns.total, 1);
			assert.equal((await api('GET', '/campaigns?search=webinar')).json.campaigns.total, emu.state.campaigns.length, '`search` is ignored');
			assert.deepEqual((await api('GET', '/reports/options')).json, { message: 'Missing requested fields field.' });
			const options = (await api('GET', '/reports/options?fields=tags,statuses')).json.options;
			assert.equal(options.statuses.length, 7);
			assert.equal(typeof options.tags[0].value, 'string');
		});
		await check('destructive routes are recorded, even when unauthenticated', async () => {
			const before = emu.destructiveCalls.length;
			await api('GET', '/setting/system-logs/reset', { auth: null });
			await api('PUT', '/custom-fields/contacts', { body: { fields: [] } });
			assert.equal(emu.destructiveCalls.length, before + 2);
			assert.equal(emu.state.customFields.length, 0, 'PUT replaced every field');
		});
		await check('delete single, missing, bulk without ids; bulk-add-update reports all as updated', async () => {
			const bulk = await api('POST', '/subscribers/bulk-add-update', { body: { contacts: [{ email: 'new1@example.test' }, { email: 'alice@example.test' }, { email: 'nope' }] } });
			assert.deepEqual(bulk.json.created, []);
			assert.equal(bulk.json.updated.length, 2);
			assert.equal(bulk.json.invalids.length, 1);
			assert.equal((await api('DELETE', `/subscribers/${alice.id}`)).json.message, 'Selected Subscriber has been deleted successfully');
			assert.equal((await api('DELETE', `/subscribers/${alice.id}`)).status, 404);
			assert.deepEqual((await api('DELETE', '/subscribers', { body: {} })).json, { subscriber_ids: { required: 'The subscriber_ids field is required.' } });
			assert.equal((await api('DELETE', '/subscribers', { body: { subscribers: [1, 2] } })).status, 200);
			assert.ok(!emu.state.contacts.some((c) => c.id === 1 || c.id === 2));
		});
		await check('webhooks + inbound receiver', async () => {
			const created = await api('POST', '/webhooks', { body: { name: 'Signup form', status: 'subscribed', tags: [1] } });
			assert.equal(created.json.message, 'Successfully created the WebHook');
			const hookUrl = created.json.webhook.url;
			assert.ok(hookUrl.startsWith(`${emu.siteUrl}/?fluentcrm=1&route=contact&hash=`));
			const inbound = await (await fetch(hookUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'hook@example.test', first_name: 'Hook' }) })).json();
			assert.equal(inbound.success, true);
			const badHash = await (await fetch(`${emu.siteUrl}/?fluentcrm=1&route=contact&hash=${crypto.randomUUID()}`, { method: 'POST' })).json();
			assert.equal(badHash.data.type, 'invalid_webhook_hash');
			assert.equal((await api('GET', '/webhooks')).json.webhooks.length, 1);
			assert.deepEqual((await api('DELETE', `/webhooks/${created.json.id}`)).json.webhooks, []);
		});
		await check('host rate limiting (opt-in) with Retry-After and HTML body', async () => {
			emu.config.rateLimit = { everyN: 2, status: 429, retryAfter: '1' };
			const statuses = [];
			let limited;
			for (let i = 0; i < 4; i++) {
				const r = await api('GET', '/reports/ping');
				statuses.push(r.status);
				if (r.status === 429) limited = r;
			}
			emu.config.rateLimit = null;
			assert.equal(statuses.filter((s) => s === 429).length, 2);
			assert.equal(limited.headers.get('retry-after'), '1');
			assert.match(limited.text, /<html>/);
		});
		await check('fault injection via control route; request log redacts credentials', async () => {
			await fetch(`${emu.url}/__emulator/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ next: [{ status: 503, kind: 'html', headers: { 'Retry-After': '2' }, match: '/tags' }] }) });
			assert.equal((await api('GET', '/reports/ping')).status, 200, 'fault only matches /tags');
			const faulted = await api('GET', '/tags');
			assert.deepEqual([faulted.status, faulted.headers.get('retry-after')], [503, '2']);
			assert.equal((await api('GET', '/tags')).status, 200);
			const log = await (await fetch(`${emu.url}/__emulator/requests`)).json();
			const last = log[log.length - 1];
			assert.equal(last.headers.authorization, '[redacted]');
			assert.equal(last.hasAuthorization, true);
			assert.ok(!JSON.stringify(log).includes(ADMIN_AUTH.slice(6)));
			const state = await (await fetch(`${emu.url}/__emulator/state`)).json();
			assert.ok(state.counters.routes['GET /fluent-crm/v2/tags'] >= 2);
		});
	} finally {
		await Promise.all([emu, ...others].map((e) => e.stop()));
	}
	report();
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
