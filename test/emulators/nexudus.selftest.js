'use strict';
// Plain-node self-test of the Nexudus emulator against the reference checklist.
// Run: node test/emulators/nexudus.selftest.js

const assert = require('node:assert/strict');
const { createChecks } = require('./selftest');
const crypto = require('node:crypto');
const http = require('node:http');
const { startNexudus } = require('./nexudus');

const basic = (email, password) => 'Basic ' + Buffer.from(`${email}:${password}`).toString('base64');
const ADMIN = basic('admin@nexudus.test', 'Nexudus-Admin-Pass-2025');
const DENIED = { Message: 'Authorization has been denied for this request.' };
const ENVELOPE_KEYS = ['Records', 'CurrentPage', 'CurrentPageSize', 'CurrentOrderField', 'CurrentSortDirection', 'FirstItem', 'LastItem', 'HasNextPage', 'HasPreviousPage', 'PageNumber', 'PageSize', 'TotalItems', 'TotalPages'];

function client(baseUrl, defaultAuth = ADMIN) {
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
		return { status: res.status, statusText: res.statusText, headers: res.headers, text, json };
	};
}

// A webhook receiver: /ok answers 200, /fail answers 500; every hit is kept with its raw body.
async function startReceiver() {
	const hits = [];
	const server = http.createServer((req, res) => {
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => {
			hits.push({ path: req.url, headers: req.headers, raw: Buffer.concat(chunks).toString('utf8') });
			res.writeHead(req.url.startsWith('/fail') ? 500 : 200, { 'Content-Type': 'text/plain' });
			res.end('ok');
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return { hits, url: `http://127.0.0.1:${server.address().port}`, stop: () => new Promise((resolve) => server.close(resolve)) };
}

const { check, report } = createChecks();

// A complete, valid coworker body (required fields).
const coworkerBody = (overrides = {}) => ({
	CoworkerType: 1, FullName: 'Grace Hopper', Email: 'grace.hopper@example.com', CountryId: 1, SimpleTimeZoneId: 2, Gender: 3, TaxRateType: 1,
	MondayAttendance: 1, TuesdayAttendance: 1, WednesdayAttendance: 1, ThursdayAttendance: 1, FridayAttendance: 2, SaturdayAttendance: 5, SundayAttendance: 5,
	...overrides,
});

async function main() {
	const emu = await startNexudus({ seedCoworkers: 1030, seedBookings: 40, rateLimit: false });
	const api = client(`${emu.url}/api`);
	const control = async (method, route, body) => (await client(`${emu.url}/__emulator/`, null)(method, route, { body })).json;
	const receiver = await startReceiver();
	const others = [];
	const [london, manchester] = emu.state.businesses;
	try {
		await check('credential test: /api/sys/businesses?page=1&size=1 → exact envelope', async () => {
			const r = await api('GET', '/sys/businesses?page=1&size=1');
			assert.equal(r.status, 200);
			assert.deepEqual(Object.keys(r.json), ENVELOPE_KEYS);
			assert.equal(r.json.Records.length, 1);
			assert.deepEqual([r.json.CurrentPageSize, r.json.TotalItems, r.json.TotalPages, r.json.HasNextPage, r.json.CurrentOrderField, r.json.CurrentSortDirection], [1, 2, 2, true, 'Id', 1]);
		});
		await check('401 with the ASP.NET body for wrong password, no header and a bad header', async () => {
			const before = emu.counters.failedLogins;
			const wrong = await api('GET', '/spaces/coworkers', { auth: basic('admin@nexudus.test', 'nope') });
			assert.deepEqual([wrong.status, wrong.json], [401, DENIED]);
			assert.equal((await api('GET', '/spaces/coworkers', { auth: null })).status, 401);
			assert.equal((await api('GET', '/spaces/coworkers', { auth: 'Basic !!!' })).status, 401);
			assert.equal(emu.counters.failedLogins, before + 2);
			assert.ok(emu.counters.anonymousRequests >= 1);
			assert.equal((await api('GET', '/spaces/coworkers?size=1', { auth: basic('ADMIN@nexudus.test', 'Nexudus-Admin-Pass-2025') })).status, 200);
		});
		await check('API access off and two-factor user → 401 like a wrong password', async () => {
			const noApi = await api('GET', '/sys/businesses', { auth: basic('noapi@nexudus.test', 'Nexudus-NoApi-Pass-2025') });
			assert.deepEqual([noApi.status, noApi.json], [401, DENIED]);
			assert.equal((await api('GET', '/sys/businesses', { auth: basic('twofa@nexudus.test', 'Nexudus-TwoFa-Pass-2025') })).status, 401);
			assert.ok(emu.counters.apiAccessDenied >= 1 && emu.counters.twoFactorRefusals >= 1);
		});
		await check('user with Coworker-List only: list 200, everything else 401 (no 403)', async () => {
			const lister = basic('lister@nexudus.test', 'Nexudus-Lister-Pass-2025');
			assert.equal((await api('GET', '/spaces/coworkers?size=2', { auth: lister })).status, 200);
			const id = emu.state.coworkers[0].Id;
			const denied = await api('GET', `/spaces/coworkers/${id}`, { auth: lister });
			assert.deepEqual([denied.status, denied.json], [401, DENIED]);
			assert.equal((await api('GET', '/sys/businesses?page=1&size=1', { auth: lister })).status, 401);
			assert.equal((await api('POST', '/spaces/coworkers', { auth: lister, body: coworkerBody() })).status, 401);
			assert.ok(emu.counters.permissionDenied >= 3);
		});
		await check('paging: default 25, size capped at 1000, HasNextPage to the end', async () => {
			const first = await api('GET', '/spaces/coworkers');
			assert.deepEqual([first.json.Records.length, first.json.CurrentPageSize, first.json.TotalItems, first.json.TotalPages], [25, 25, 1030, 42]);
			const big = await api('GET', '/spaces/coworkers?size=5000');
			assert.deepEqual([big.json.Records.length, big.json.CurrentPageSize, big.json.HasNextPage], [1000, 1000, true]);
			const last = await api('GET', '/spaces/coworkers?size=1000&page=2');
			assert.deepEqual([last.json.Records.length, last.json.HasNextPage, last.json.HasPreviousPage, last.json.FirstItem, last.json.LastItem], [30, false, true, 1001, 1030]);
			assert.ok(emu.counters.sizeCapped >= 1);
		});
		await check('list rows omit collections and long text; GET by id is the bare full record', async () => {
			const member = emu.state.coworkers.find((c) => c.Notes && c.Teams.length) || emu.state.coworkers.find((c) => c.Notes);
			const row = (await api('GET', `/spaces/coworkers?Id=${member.Id}`)).json.Records[0];
			assert.equal(row.Id, member.Id);
			for (const omitted of ['Businesses', 'Teams', 'Notes']) assert.ok(!(omitted in row), `${omitted} in list row`);
			const full = (await api('GET', `/spaces/coworkers/${member.Id}`)).json;
			assert.deepEqual(full.Businesses, member.Businesses);
			assert.equal(full.Notes, member.Notes);
			for (const key of ['Id', 'UniqueId', 'CreatedOn', 'UpdatedOn', 'UpdatedBy', 'IsNew', 'ToStringText']) assert.ok(key in full, key);
			assert.match(full.UniqueId, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
			assert.match(full.CreatedOn, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
		});
		await check('unknown id → 404 bare "Not found"; get many ?id=[…] → array', async () => {
			const missing = await api('GET', '/spaces/coworkers/999');
			assert.deepEqual([missing.status, missing.text], [404, '"Not found"']);
			const [a, b] = emu.state.coworkers;
			const many = await api('GET', `/spaces/coworkers/?id=[${a.Id},${b.Id},42]`);
			assert.ok(Array.isArray(many.json));
			assert.deepEqual(many.json.map((r) => r.Id), [a.Id, b.Id]);
			assert.ok(Array.isArray(many.json[0].Businesses), 'get many returns full records');
		});
		await check('Coworker_Email filter matches as contains (client must re-check)', async () => {
			const target = emu.state.coworkers[5];
			const exact = await api('GET', `/spaces/coworkers?Coworker_Email=${encodeURIComponent(target.Email)}`);
			assert.ok(exact.json.Records.some((r) => r.Email === target.Email));
			const partial = await api('GET', '/spaces/coworkers?Coworker_Email=example.org&size=1000');
			assert.ok(partial.json.TotalItems > 1 && partial.json.Records.every((r) => r.Email.includes('example.org')));
		});
		await check('Coworker_Email=ann@x.com also finds joann@x.com and ANN@x.com.au, over several pages', async () => {
			const own = await startNexudus({ seedCoworkers: 5, rateLimit: false });
			others.push(own);
			const api = client(`${own.url}/api`);
			const emails = ['joann@x.com', 'ANN@x.com.au', 'suzann@x.com', 'ann@x.com'];
			for (const email of emails) assert.equal((await api('POST', '/spaces/coworkers', { body: coworkerBody({ FullName: email, Email: email }) })).status, 200);
			const page1 = await api('GET', '/spaces/coworkers?Coworker_Email=ann%40x.com&size=3');
			assert.deepEqual([page1.json.TotalItems, page1.json.Records.length, page1.json.HasNextPage], [4, 3, true]);
			const page2 = await api('GET', '/spaces/coworkers?Coworker_Email=ann%40x.com&size=3&page=2');
			assert.deepEqual([page2.json.Records.map((r) => r.Email), page2.json.HasNextPage], [['ann@x.com'], false]);
			assert.equal((await api('GET', '/spaces/coworkers?Coworker_Email=bob%40x.com')).json.TotalItems, 0);
		});
		await check('from_/to_Coworker_UpdatedOn inclusive, orderBy=UpdatedOn&dir=-1 (polling)', async () => {
			const sorted = emu.state.coworkers.map((c) => c.UpdatedOn).sort();
			const from = sorted[500].slice(0, 16);
			const to = sorted[700].slice(0, 16);
			const r = await api('GET', `/spaces/coworkers?from_Coworker_UpdatedOn=${from}&to_Coworker_UpdatedOn=${to}&orderBy=UpdatedOn&dir=-1&size=1000`);
			const expected = emu.state.coworkers.filter((c) => c.UpdatedOn.slice(0, 16) >= from && Date.parse(c.UpdatedOn) <= Date.parse(`${to}Z`)).length;
			assert.equal(r.json.TotalItems, expected);
			const dates = r.json.Records.map((x) => x.UpdatedOn);
			assert.deepEqual(dates, [...dates].sort().reverse());
			assert.deepEqual([r.json.CurrentOrderField, r.json.CurrentSortDirection], ['UpdatedOn', -1]);
		});
		await check('related filter Team_PayingMember_FullName and Booking_Resource + FromTime range', async () => {
			const team = emu.state.teams.find((t) => t.PayingMemberId);
			const payer = emu.state.coworkers.find((c) => c.Id === team.PayingMemberId);
			const teams = await api('GET', `/spaces/teams?Team_PayingMember_FullName=${encodeURIComponent(payer.FullName)}`);
			assert.ok(teams.json.Records.some((t) => t.Id === team.Id));
			const resource = emu.state.resources[0];
			const r = await api('GET', `/spaces/bookings?Booking_Resource=${resource.Id}&from_Booking_FromTime=2025-03-03T00:00&to_Booking_FromTime=2025-03-04T23:59`);
			assert.ok(r.json.TotalItems >= 1);
			assert.ok(r.json.Records.every((b) => b.ResourceId === resource.Id && b.FromTime >= '2025-03-03' && b.FromTime < '2025-03-05'));
		});
		await check('unknown, foreign-entity and unparseable filters are ignored silently and counted', async () => {
			const before = emu.counters.ignoredFilters;
			const r = await api('GET', '/spaces/coworkers?Booking_Coworker=1&Coworker_NoSuchField=x&from_Coworker_UpdatedOn=2025-01-15T10:00:00 02:00&size=1');
			assert.equal(r.json.TotalItems, 1030);
			assert.equal(emu.counters.ignoredFilters, before + 3);
			const bad = await api('GET', '/spaces/coworkers?orderBy=NoSuchField');
			assert.deepEqual([bad.status, bad.json], [500, { Message: 'An error has occurred.' }]);
		});
		let graceId;
		await check('create → 200 action envelope with Value.Id; CreateUser recorded, not sent', async () => {
			const r = await api('POST', '/spaces/coworkers', { body: coworkerBody({ CreateUser: true, MobilePhone: '+44 7700 900123', Teams: [emu.state.teams[0].Id] }) });
			assert.equal(r.status, 200);
			assert.deepEqual(Object.keys(r.json), ['Status', 'Message', 'Value', 'WasSuccessful', 'Errors', 'OpenInDialog', 'OpenInWindow', 'RedirectURL', 'JavaScript', 'UpdatedOn', 'UpdatedBy']);
			assert.deepEqual([r.json.Status, r.json.WasSuccessful, r.json.Message, r.json.UpdatedBy], [200, true, 'Coworker was successfully created.', 'admin@nexudus.test']);
			graceId = r.json.Value.Id;
			assert.deepEqual(Object.keys(r.json.Value), ['Id']);
			assert.equal(emu.counters.welcomeEmails, 1);
			const saved = (await api('GET', `/spaces/coworkers/${graceId}`)).json;
			assert.deepEqual([saved.CreateUser, saved.Businesses], [false, [london.Id]]);
		});
		await check('validation → 400 with Status 500 inside and Errors[] ; duplicate email; 415', async () => {
			const r = await api('POST', '/spaces/coworkers', { body: coworkerBody({ Email: undefined, Gender: 9 }) });
			assert.equal(r.status, 400);
			assert.deepEqual([r.json.Status, r.json.WasSuccessful, r.json.Value], [500, false, null]);
			assert.deepEqual(r.json.Errors.find((e) => e.PropertyName === 'Email'), { AttemptedValue: null, Message: 'may not be null or empty', PropertyName: 'Email' });
			assert.deepEqual(r.json.Errors.find((e) => e.PropertyName === 'Gender').AttemptedValue, 9);
			assert.match(r.json.Message, /^Gender: is not valid\nEmail: may not be null or empty$/);
			const dup = await api('POST', '/spaces/coworkers', { body: coworkerBody() });
			assert.deepEqual([dup.status, dup.json.Errors[0].PropertyName], [400, 'Email']);
			assert.equal((await api('POST', '/spaces/coworkers', { raw: 'FullName=x', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } })).status, 415);
		});
		await check('PUT replaces the whole record: partial body → 400, omitted fields reset', async () => {
			const partial = await api('PUT', '/spaces/coworkers', { body: { Id: graceId, FullName: 'Grace B. Hopper' } });
			assert.equal(partial.status, 400);
			assert.ok(partial.json.Errors.some((e) => e.PropertyName === 'Email') && partial.json.Errors.some((e) => e.PropertyName === 'MondayAttendance'));
			const before = emu.counters.fieldsClearedByPut;
			const put = await api('PUT', '/spaces/coworkers', { body: { Id: graceId, ...coworkerBody({ FullName: 'Grace B. Hopper' }) } });
			assert.deepEqual([put.status, put.json.Message, put.json.Value], [200, 'Coworker was successfully updated.', { Id: graceId }]);
			const saved = (await api('GET', `/spaces/coworkers/${graceId}`)).json;
			assert.deepEqual([saved.FullName, saved.MobilePhone, saved.Teams, saved.Businesses, saved.Active], ['Grace B. Hopper', null, [], [], false]);
			assert.ok(emu.counters.fieldsClearedByPut >= before + 3);
			assert.deepEqual(emu.state.putClears.at(-1).fields.sort(), ['Businesses', 'MobilePhone', 'Teams']);
		});
		await check('PUT unknown Id → 404; PUT /{id}, PATCH and POST businesses → 405', async () => {
			assert.deepEqual([(await api('PUT', '/spaces/coworkers', { body: coworkerBody({ Id: 5 }) })).text], ['"Not found"']);
			assert.equal((await api('PUT', `/spaces/coworkers/${graceId}`, { body: coworkerBody() })).status, 405);
			const patch = await api('PATCH', '/spaces/coworkers', { body: {} });
			assert.deepEqual([patch.status, patch.json.Message], [405, "The requested resource does not support http method 'PATCH'."]);
			assert.equal((await api('POST', '/sys/businesses', { body: { Name: 'X' } })).status, 405);
			assert.equal((await api('DELETE', `/sys/businesses/${london.Id}`)).status, 405);
			const upd = await api('PUT', '/sys/businesses', { body: { Id: manchester.Id, Name: 'Manchester Hub', SimpleTimeZoneId: 2, Active: true } });
			assert.deepEqual([upd.status, emu.state.businesses[1].Name, emu.state.businesses[1].CountryId], [200, 'Manchester Hub', null]);
		});
		await check('coworker DELETE refused with 200 WasSuccessful:false by default; allowed by config', async () => {
			const refused = await api('DELETE', `/spaces/coworkers/${graceId}`);
			assert.deepEqual([refused.status, refused.json.WasSuccessful, refused.json.Status], [200, false, 500]);
			emu.configure({ allowCoworkerDelete: true });
			const done = await api('DELETE', `/spaces/coworkers/${graceId}`);
			emu.configure({ allowCoworkerDelete: false });
			assert.deepEqual([done.status, done.json.Message, done.json.Value, done.json.WasSuccessful], [200, 'The record was deleted successfully.', null, true]);
			assert.equal((await api('GET', `/spaces/coworkers/${graceId}`)).status, 404);
			assert.equal((await api('DELETE', `/spaces/coworkers/${graceId}`)).status, 404);
		});
		await check('check-in without an active plan → 200 WasSuccessful:false; with a plan → created', async () => {
			const planless = emu.state.coworkers.find((c) => !c.TariffId);
			const member = emu.state.coworkers.find((c) => c.TariffId && c.Active);
			const refused = await api('POST', '/spaces/checkins', { body: { CoworkerId: planless.Id, BusinessId: planless.Businesses[0], FromTime: '2025-06-02T08:30:00Z', Source: 1 } });
			assert.deepEqual([refused.status, refused.json.WasSuccessful, refused.json.Errors], [200, false, null]);
			const ok = await api('POST', '/spaces/checkins', { body: { CoworkerId: member.Id, BusinessId: member.Businesses[0], FromTime: '2025-06-02T08:30', Source: 1 } });
			assert.deepEqual([ok.status, ok.json.WasSuccessful, ok.json.Message], [200, true, 'Checkin was successfully created.']);
			assert.equal(emu.store.find('checkins', ok.json.Value.Id).FromTime, '2025-06-02T08:30:00Z');
		});
		await check('bookings: clash → 200 false, ToTime ≤ FromTime → 400, ChargeNow/InvoiceNow recorded only', async () => {
			const seeded = emu.state.bookings[0];
			const clash = await api('POST', '/spaces/bookings', { body: { ResourceId: seeded.ResourceId, FromTime: seeded.FromTime, ToTime: seeded.ToTime } });
			assert.deepEqual([clash.status, clash.json.WasSuccessful], [200, false]);
			const backwards = await api('POST', '/spaces/bookings', { body: { ResourceId: seeded.ResourceId, FromTime: '2026-01-05T11:00:00Z', ToTime: '2026-01-05T10:00:00Z' } });
			assert.deepEqual([backwards.status, backwards.json.Errors[0].PropertyName], [400, 'ToTime']);
			const made = await api('POST', '/spaces/bookings', { body: { ResourceId: seeded.ResourceId, CoworkerId: emu.state.coworkers[0].Id, FromTime: '2026-01-05T10:00:00Z', ToTime: '2026-01-05T11:00:00Z', ChargeNow: true, InvoiceNow: true } });
			assert.equal(made.json.WasSuccessful, true);
			assert.deepEqual([emu.counters.chargeNow, emu.counters.invoiceNow, emu.state.coworkerinvoices.length], [1, 1, 15]);
			const got = (await api('GET', `/spaces/bookings/${made.json.Value.Id}`)).json;
			assert.deepEqual([got.ChargeNow, got.FromTimeLocal], [false, '2026-01-05T10:00:00']);
			const del = await api('DELETE', `/spaces/bookings/${made.json.Value.Id}`);
			assert.equal(del.json.Message, 'The record was deleted successfully.');
		});
		let hookId;
		await check('webhooks CRUD at /api/sys/webhooks; list rows omit Description', async () => {
			const created = await api('POST', '/sys/webhooks', { body: { BusinessId: london.Id, Name: 'n8n e2e', Action: 3, URL: `${receiver.url}/ok`, Description: 'created by selftest', Active: true } });
			assert.deepEqual([created.status, created.json.WasSuccessful], [200, true]);
			hookId = created.json.Value.Id;
			const row = (await api('GET', `/sys/webhooks?WebHook_Action=3&WebHook_Active=true`)).json.Records.find((w) => w.Id === hookId);
			assert.ok(row && !('Description' in row));
			const full = (await api('GET', `/sys/webhooks/${hookId}`)).json;
			assert.deepEqual([full.Description, full.ErrorCount, full.LastTrigger], ['created by selftest', 0, null]);
			const invalid = await api('POST', '/sys/webhooks', { body: { BusinessId: london.Id, Name: 'bad', Action: 91, URL: 'not a url' } });
			assert.deepEqual(invalid.json.Errors.map((e) => e.PropertyName), ['Action', 'URL']);
		});
		await check('coworker create → POST [dto] with upper-case hex HMAC-SHA256 signature', async () => {
			emu.configure({ sharedSecret: 'selftest-secret' });
			receiver.hits.length = 0;
			const r = await api('POST', '/spaces/coworkers', { body: coworkerBody({ FullName: 'Katherine Johnson', Email: 'katherine.johnson@example.net', Businesses: [london.Id] }) });
			await emu.flushWebhooks();
			assert.equal(receiver.hits.length, 1);
			const hit = receiver.hits[0];
			const expected = crypto.createHmac('sha256', 'selftest-secret').update(hit.raw).digest('hex').toUpperCase();
			assert.equal(hit.headers['x-nexudus-hook-signature'], expected);
			const payload = JSON.parse(hit.raw);
			assert.ok(Array.isArray(payload) && payload.length === 1);
			assert.deepEqual([payload[0].Id, payload[0].Email], [r.json.Value.Id, 'katherine.johnson@example.net']);
			assert.ok(emu.store.find('webhooks', hookId).LastTrigger);
		});
		await check('no shared secret → unsigned; other business / inactive webhooks not called', async () => {
			emu.configure({ sharedSecret: null });
			receiver.hits.length = 0;
			await api('POST', '/spaces/coworkers', { body: coworkerBody({ FullName: 'Mary Jackson', Email: 'mary.jackson@example.net', Businesses: [manchester.Id] }) });
			await api('POST', '/spaces/coworkers', { body: coworkerBody({ FullName: 'Dorothy Vaughan', Email: 'dorothy.vaughan@example.net', Businesses: [london.Id] }) });
			await emu.flushWebhooks();
			assert.equal(receiver.hits.length, 1);
			assert.equal(receiver.hits[0].headers['x-nexudus-hook-signature'], undefined);
		});
		await check('failing receiver: ErrorCount, LastError, auto-disable after N failures', async () => {
			emu.configure({ webhookDisableAfter: 3 });
			const made = await api('POST', '/sys/webhooks', { body: { BusinessId: london.Id, Name: 'broken', Action: 36, URL: `${receiver.url}/fail`, Active: true } });
			const id = made.json.Value.Id;
			for (let i = 0; i < 4; i++) await emu.deliver({ action: 'CoworkerCheckin', businessId: london.Id });
			const hook = (await api('GET', `/sys/webhooks/${id}`)).json;
			assert.deepEqual([hook.ErrorCount, hook.Active], [3, false]);
			assert.match(hook.LastError, /500/);
			assert.ok(emu.counters.webhooksDisabled >= 1);
		});
		await check('control route delivery: tamper gives a wrong signature, DELETE webhook', async () => {
			receiver.hits.length = 0;
			const result = await control('POST', 'nexudus/webhooks/deliver', { webhookId: hookId, tamper: true, secret: 'k', payload: { Id: 1, FullName: 'Test' } });
			assert.equal(result.deliveries[0].status, 200);
			const hit = receiver.hits[0];
			assert.equal(hit.raw, '[{"Id":1,"FullName":"Test"}]');
			assert.notEqual(hit.headers['x-nexudus-hook-signature'], crypto.createHmac('sha256', 'k').update(hit.raw).digest('hex').toUpperCase());
			const del = await api('DELETE', `/sys/webhooks/${hookId}`);
			assert.equal(del.json.WasSuccessful, true);
			assert.equal((await api('GET', `/sys/webhooks/${hookId}`)).status, 404);
		});
		await check('commands: list; unknown key and wrong count → 200 WasSuccessful:false; run works', async () => {
			const list = await api('GET', '/spaces/coworkers/commands');
			assert.deepEqual(Object.keys(list.json[0]), ['Key', 'Name', 'NeedsEntitiesToRun', 'AppliesOnlyToOneEntity', 'AppliesOnlyToMultipleEntities', 'AppliesOnlyToTwoEntities', 'Order', 'RequiresParameters']);
			const [a, b] = emu.state.coworkers;
			const bad = await api('POST', '/spaces/coworkers/runcommand', { body: { Key: 'NOPE', Ids: [a.Id] } });
			assert.deepEqual([bad.status, bad.json.WasSuccessful], [200, false]);
			const many = await api('POST', '/spaces/coworkers/runcommand', { body: { Key: 'COWORKER_SEND_WELCOME_EMAIL', Ids: [a.Id, b.Id] } });
			assert.deepEqual([many.status, many.json.WasSuccessful], [200, false]);
			const ok = await api('POST', '/spaces/coworkers/runcommand', { body: { Key: 'COWORKER_DEACTIVATE', Ids: [a.Id] } });
			assert.deepEqual([ok.json.WasSuccessful, emu.store.find('coworkers', a.Id).Active], [true, false]);
		});
		await check('POST /api/token: form only, invalid_grant, bearer, refresh with client_id, expiry', async () => {
			const json = await api('POST', '/token', { auth: null, body: { grant_type: 'password', username: 'admin@nexudus.test', password: 'Nexudus-Admin-Pass-2025' } });
			assert.deepEqual([json.status, json.json], [400, { error: 'unsupported_grant_type' }]);
			const form = (fields) => ({ auth: null, raw: new URLSearchParams(fields).toString(), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
			const wrong = await api('POST', '/token', form({ grant_type: 'password', username: 'admin@nexudus.test', password: 'x' }));
			assert.deepEqual([wrong.status, wrong.json.error], [400, 'invalid_grant']);
			const tok = await api('POST', '/token', form({ grant_type: 'password', username: 'admin@nexudus.test', password: 'Nexudus-Admin-Pass-2025' }));
			assert.deepEqual([tok.json.token_type, tok.json.expires_in], ['bearer', 604799]);
			assert.equal((await api('GET', '/sys/businesses', { auth: `Bearer ${tok.json.access_token}` })).status, 200);
			const noClient = await api('POST', '/token', form({ grant_type: 'refresh_token', refresh_token: tok.json.refresh_token }));
			assert.equal(noClient.json.error, 'invalid_grant');
			const refreshed = await api('POST', '/token', { ...form({ grant_type: 'refresh_token', refresh_token: tok.json.refresh_token }), headers: { 'Content-Type': 'application/x-www-form-urlencoded', client_id: 'admin@nexudus.test' } });
			assert.equal(refreshed.status, 200);
			const reused = await api('POST', '/token', { ...form({ grant_type: 'refresh_token', refresh_token: tok.json.refresh_token }), headers: { 'Content-Type': 'application/x-www-form-urlencoded', client_id: 'admin@nexudus.test' } });
			assert.equal(reused.json.error, 'invalid_grant');
			emu.advanceClock(604800 * 1000);
			assert.equal((await api('GET', '/sys/businesses', { auth: `Bearer ${refreshed.json.access_token}` })).status, 401);
			emu.advanceClock(-604800 * 1000);
		});
		await check('rate limit defaults: 100 ms spacing → 409, empty body, Retry-After, reason phrase', async () => {
			const strict = await startNexudus({ seedCoworkers: 3 });
			others.push(strict);
			const call = client(`${strict.url}/api`);
			const [first, second] = await Promise.all([call('GET', '/sys/businesses'), call('GET', '/sys/businesses')]);
			const limited = [first, second].find((r) => r.status === 409);
			assert.ok(limited, 'one of two simultaneous requests is throttled');
			assert.deepEqual([limited.text, limited.headers.get('retry-after'), limited.statusText], ['', '1', 'You must wait before accessing this url again.']);
			assert.equal(strict.counters.throttled, 1);
		});
		await check('the clock option drives the rate limiter and stamps each logged request (clockMs)', async () => {
			let now = 1_000_000;
			const timed = await startNexudus({ seedCoworkers: 1, clock: () => now });
			others.push(timed);
			const call = client(`${timed.url}/api`);
			assert.equal((await call('GET', '/sys/businesses')).status, 200);
			now += 99;
			assert.equal((await call('GET', '/sys/businesses')).status, 409, 'only 99 ms later on the given clock');
			now += 100;
			assert.equal((await call('GET', '/sys/businesses')).status, 200);
			assert.deepEqual(timed.requests.map((r) => r.clockMs), [1_000_000, 1_000_099, 1_000_199]);
		});
		await check('configurable 409 storm: perMinute and writesPerMinute thresholds, counted', async () => {
			emu.configure({ rateLimit: { enabled: true, minIntervalMs: 0, perMinute: 5, writesPerMinute: 2, retryAfterSeconds: 0 } });
			emu.resetRateLimits();
			const statuses = [];
			for (let i = 0; i < 8; i++) statuses.push((await api('GET', '/sys/businesses?size=1')).status);
			assert.deepEqual(statuses, [200, 200, 200, 200, 200, 409, 409, 409]);
			emu.configure({ rateLimit: { perMinute: 1000 } });
			emu.resetRateLimits();
			const writes = [];
			for (let i = 0; i < 3; i++) writes.push((await api('DELETE', '/spaces/bookings/1')).status);
			assert.deepEqual(writes, [404, 404, 409]);
			assert.ok(emu.counters.throttledByRule.perMinute === 3 && emu.counters.throttledByRule.writesPerMinute === 1);
			emu.configure({ rateLimit: false });
		});
		await check('control routes: state, config, seed, counters; fault injection; log redaction', async () => {
			const state = await control('GET', 'nexudus/state');
			assert.equal(state.state.coworkers.length, emu.state.coworkers.length);
			assert.equal(state.config.maxPageSize, 1000);
			const seeded = await control('POST', 'nexudus/seed', { coworkers: 5 });
			assert.equal(seeded.coworkers, emu.state.coworkers.length);
			assert.equal((await control('POST', 'nexudus/config', { maxPageSize: 500 })).maxPageSize, 500);
			emu.configure({ maxPageSize: 1000 });
			await control('POST', 'faults', { next: [{ status: 500, body: { Message: 'An error has occurred.' }, match: '/spaces/teams' }] });
			assert.equal((await api('GET', '/spaces/teams')).status, 500);
			assert.equal((await api('GET', '/spaces/teams')).status, 200);
			const log = await control('GET', 'requests');
			assert.equal(log.at(-1).headers.authorization, '[redacted]');
			assert.ok(!JSON.stringify(log).includes(ADMIN.slice(6)));
			const counters = await control('GET', 'nexudus/counters');
			assert.ok(counters.routes['GET /api/spaces/teams'] >= 2 && counters.logins > 10);
		});
	} finally {
		await Promise.all([emu, ...others].map((e) => e.stop()));
		await receiver.stop();
	}
	report();
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
