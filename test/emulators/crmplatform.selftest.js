'use strict';
// Plain-node self-test of the CRM Platform emulator against the reference checklist.
// Run: node test/emulators/crmplatform.selftest.js

const assert = require('node:assert/strict');
const { createChecks } = require('./selftest');
const { startCrmPlatform } = require('./crmplatform');

const INVALID_LOGIN = {
	statusCode: 400,
	error: 'Bad Request',
	message: [{ messages: [{ id: 'Auth.form.error.invalid', message: 'Identifier or password invalid.' }] }],
	data: [{ messages: [{ id: 'Auth.form.error.invalid', message: 'Identifier or password invalid.' }] }],
};
const FORBIDDEN = { statusCode: 403, error: 'Forbidden', message: 'Forbidden' };
const INVALID_TOKEN = { statusCode: 401, error: 'Unauthorized', message: 'Invalid token.' };
const ENTRY_NOT_FOUND = { statusCode: 400, error: 'Bad Request', message: 'entry.notFound', data: 'entry.notFound' };

// Controllable clock (the emulator's `now` option).
let fakeNow = new Date('2026-03-02T10:00:00.000Z');
const tick = (ms = 1000) => (fakeNow = new Date(fakeNow.getTime() + ms));

function client(baseUrl) {
	return async function call(method, path, { body, token, auth, headers = {}, raw } = {}) {
		const init = { method, headers: { ...headers } };
		if (token) init.headers.Authorization = `Bearer ${token}`;
		if (auth !== undefined) init.headers.Authorization = auth;
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
	const emu = await startCrmPlatform({ seedContacts: 1000, now: () => fakeNow });
	const api = client(emu.siteUrl);
	const ctl = (method, route, body) => api(method, `/__emulator/crmplatform/${route}`, { body });
	const login = async (identifier = 'demo', password = 'demo123') => (await api('POST', '/auth/local', { body: { identifier, password } })).json.jwt;
	const others = [];
	try {
		const jwt = await login();

		await check('login by username: {jwt, user} with nested role; HS256 {id, iat, exp}, 30 days', async () => {
			const r = await api('POST', '/auth/local', { body: { identifier: 'demo', password: 'demo123' } });
			assert.equal(r.status, 200);
			assert.deepEqual(r.json.user.role, { id: 1, name: 'Authenticated', description: 'Default role given to authenticated user.', type: 'authenticated' });
			assert.deepEqual(Object.keys(r.json.user), ['id', 'username', 'email', 'provider', 'confirmed', 'blocked', 'role', 'created_at', 'updated_at']);
			const [head, payload] = r.json.jwt.split('.').slice(0, 2).map((p) => JSON.parse(Buffer.from(p, 'base64url').toString() || 'null'));
			assert.deepEqual(head, { alg: 'HS256', typ: 'JWT' });
			assert.deepEqual(Object.keys(payload), ['id', 'iat', 'exp']);
			assert.equal(payload.exp - payload.iat, 2592000);
		});
		await check('email identifier is case-insensitive, username is exact', async () => {
			assert.equal((await api('POST', '/auth/local', { body: { identifier: 'DEMO@Example.ORG', password: 'demo123' } })).status, 200);
			assert.deepEqual((await api('POST', '/auth/local', { body: { identifier: 'Demo', password: 'demo123' } })).json, INVALID_LOGIN);
		});
		await check('wrong password and unknown user → identical 400 Auth.form.error.invalid, counted', async () => {
			const before = emu.counters.failedLogins;
			for (const body of [{ identifier: 'demo', password: 'nope' }, { identifier: 'ghost@example.org', password: 'demo123' }]) {
				const r = await api('POST', '/auth/local', { body });
				assert.equal(r.status, 400);
				assert.deepEqual(r.json, INVALID_LOGIN);
			}
			assert.equal(emu.counters.failedLogins, before + 2);
		});
		await check('other login failures: provide ids, blocked, password.local, confirmed switch', async () => {
			const id = async (body) => (await api('POST', '/auth/local', { body })).json.message[0].messages[0].id;
			assert.equal(await id({ password: 'x' }), 'Auth.form.error.email.provide');
			assert.equal(await id({ identifier: 'demo' }), 'Auth.form.error.password.provide');
			assert.equal(await id({ identifier: 'blocked.user', password: 'blocked123' }), 'Auth.form.error.blocked');
			assert.equal(await id({ identifier: 'sso.user', password: 'whatever' }), 'Auth.form.error.password.local');
			assert.equal((await api('POST', '/auth/local', { body: { identifier: 'unconfirmed', password: 'unconfirmed123' } })).status, 200);
			await ctl('POST', 'config', { emailConfirmation: true });
			assert.equal(await id({ identifier: 'unconfirmed', password: 'unconfirmed123' }), 'Auth.form.error.confirmed');
			await ctl('POST', 'config', { emailConfirmation: false });
		});
		await check('no Authorization header → 403 Forbidden; ?token= is ignored', async () => {
			const r = await api('GET', '/crm-plugin/contact');
			assert.deepEqual([r.status, r.json], [403, FORBIDDEN]);
			assert.equal((await api('GET', `/crm-plugin/contact?token=${jwt}`)).status, 403);
		});
		await check('observed: /users/me without a token → 400 "No authorization header was found"', async () => {
			const r = await api('GET', '/users/me');
			assert.equal(r.status, 400);
			assert.deepEqual(r.json.message, [{ messages: [{ id: 'No authorization header was found' }] }]);
		});
		await check('bad tokens → 401 Invalid token.; malformed header → format message; counted', async () => {
			const before = emu.counters.unauthorized;
			assert.deepEqual((await api('GET', '/crm-plugin/contact', { token: `${jwt.slice(0, -2)}xx` })).json, INVALID_TOKEN);
			assert.deepEqual((await api('GET', '/crm-plugin/contact', { auth: `Basic ${jwt}` })).json, INVALID_TOKEN);
			const bare = await api('GET', '/crm-plugin/contact', { auth: 'Bearer' });
			assert.equal(bare.status, 401);
			assert.equal(bare.json.message, 'Invalid authorization header format. Format is Authorization: Bearer [token]');
			assert.equal(emu.counters.unauthorized, before + 3);
		});
		await check('the policy also guards /auth/local: stale Bearer header → 401 before the login runs', async () => {
			const r = await api('POST', '/auth/local', { token: 'garbage', body: { identifier: 'demo', password: 'demo123' } });
			assert.deepEqual([r.status, r.json], [401, INVALID_TOKEN]);
		});
		await check('configurable TTL with the injectable clock: expired token → 401', async () => {
			emu.config.tokenTtlSeconds = 30;
			const short = await login();
			emu.config.tokenTtlSeconds = 2592000;
			assert.equal((await api('GET', '/users/me', { token: short })).status, 200);
			tick(31_000);
			assert.deepEqual((await api('GET', '/users/me', { token: short })).json, INVALID_TOKEN);
			assert.equal((await api('GET', '/users/me', { token: jwt })).status, 200);
		});
		await check('stateless: two tokens valid at once; singleSession revokes the older one', async () => {
			const a = await login();
			tick();
			const b = await login();
			assert.equal((await api('GET', '/users/me', { token: a })).status, 200);
			assert.equal((await api('GET', '/users/me', { token: b })).status, 200);
			await ctl('POST', 'config', { singleSession: true });
			tick();
			const c = await login();
			await ctl('POST', 'config', { singleSession: false });
			assert.equal((await api('GET', '/users/me', { token: b })).status, 401);
			assert.equal((await api('GET', '/users/me', { token: c })).status, 200);
		});
		await check('control route expires every token now; rotate-secret as well', async () => {
			const t = await login();
			const r = await ctl('POST', 'expire-tokens', {});
			assert.ok(r.json.revoked >= 1);
			assert.equal((await api('GET', '/crm-plugin/tags', { token: t })).status, 401);
			const fresh = await login();
			assert.equal((await api('GET', '/crm-plugin/tags', { token: fresh })).status, 200);
			await ctl('POST', 'rotate-secret', {});
			assert.equal((await api('GET', '/crm-plugin/tags', { token: fresh })).status, 401);
		});
		const token = await login();

		await check('deleted user → 401 User Not Found; blocked later → 401 blocked message', async () => {
			const u = (await ctl('POST', 'users', { username: 'temp', email: 'temp@example.org', password: 'temp1234' })).json;
			const t = await login('temp', 'temp1234');
			await ctl('POST', `users/${u.id}`, { blocked: true });
			assert.equal((await api('GET', '/users/me', { token: t })).json.message, 'Your account has been blocked by the administrator.');
			await ctl('DELETE', `users/${u.id}`);
			assert.equal((await api('GET', '/users/me', { token: t })).json.message, 'User Not Found');
		});
		await check('/users/me; /users → 403 for Authenticated; viewer role: reads yes, writes 403', async () => {
			const me = await api('GET', '/users/me', { token });
			assert.deepEqual([me.status, me.json.username, me.json.password], [200, 'demo', undefined]);
			assert.deepEqual((await api('GET', '/users', { token })).json, FORBIDDEN);
			const viewer = await login('viewer', 'viewer123');
			assert.equal((await api('GET', '/crm-plugin/contact?_limit=1', { token: viewer })).status, 200);
			assert.equal((await api('POST', '/crm-plugin/tags', { token: viewer, body: { name: 'x' } })).status, 403);
			emu.setPermissions('authenticated', { revoke: 'crm-plugin.country.find' });
			assert.equal((await api('GET', '/crm-plugin/countries', { token })).status, 403);
			emu.setPermissions('authenticated', { grant: 'crm-plugin.country.find' });
		});
		await check('bare-array paging: default 100, _start/_limit, -1 = all', async () => {
			const first = await api('GET', '/crm-plugin/contact', { token });
			assert.ok(Array.isArray(first.json));
			assert.equal(first.json.length, 100);
			assert.equal((await api('GET', '/crm-plugin/contact?_limit=-1', { token })).json.length, 1000);
			const tail = await api('GET', '/crm-plugin/contact?_start=990&_limit=25', { token });
			assert.deepEqual(tail.json.map((c) => c.id), Array.from({ length: 10 }, (_, i) => 991 + i));
		});
		await check('invalid _limit/_start/_sort → 400 with the parser message', async () => {
			const r = await api('GET', '/crm-plugin/contact?_limit=abc', { token });
			assert.deepEqual(r.json, { statusCode: 400, error: 'Bad Request', message: 'convertLimitQueryParams expected a positive integer got NaN', data: 'convertLimitQueryParams expected a positive integer got NaN' });
			assert.equal((await api('GET', '/crm-plugin/contact?_limit=-5', { token })).json.message, 'convertLimitQueryParams expected a positive integer got -5');
			assert.equal((await api('GET', '/crm-plugin/contact?_start=-1', { token })).json.message, 'convertStartQueryParams expected a positive integer got -1');
			assert.equal((await api('GET', '/crm-plugin/contact?_sort=name:up', { token })).status, 400);
		});
		await check('_sort with several keys', async () => {
			const list = (await api('GET', '/crm-plugin/contact?_sort=name:DESC,id:ASC&_limit=-1', { token })).json;
			for (let i = 1; i < list.length; i++) {
				const c = list[i - 1].name.localeCompare(list[i].name, 'en');
				assert.ok(c > 0 || (c === 0 && list[i - 1].id < list[i].id), `order broken at ${i}`);
			}
		});
		await check('filters: eq, _contains (ci), _containss (cs), _in, _lt, _ne, _null, updated_at_gt', async () => {
			const get = async (qs) => (await api('GET', `/crm-plugin/contact?_limit=-1&${qs}`, { token })).json;
			const all = await get('');
			const orgs = await get('contact_type=organization');
			assert.equal(orgs.length, all.filter((c) => c.contact_type === 'organization').length);
			assert.ok(orgs.length > 50 && orgs.length < 300);
			const sharmas = all.filter((c) => /sharma/i.test(c.name)).length;
			assert.equal((await get('name_contains=SHARMA')).length, sharmas);
			assert.equal((await get('name_containss=SHARMA')).length, sharmas); // MariaDB: LIKE follows the case-insensitive collation
			emu.config.database = 'postgres';
			assert.equal((await get('name_containss=SHARMA')).length, 0);
			emu.config.database = 'mysql';
			assert.deepEqual((await get('id_in=3&id_in=7')).map((c) => c.id), [3, 7]);
			assert.equal((await get('id_lt=11')).length, 10);
			assert.equal((await get('contact_type_ne=individual')).length, orgs.length);
			assert.equal((await get('phone_other_null=true')).length + (await get('phone_other_null=false')).length, 1000);
			const cut = all[899].updated_at;
			assert.deepEqual((await get(`updated_at_gt=${encodeURIComponent(cut)}`)).map((c) => c.id), all.slice(900).map((c) => c.id));
		});
		await check('relation filters by dotted path; /count returns a bare integer', async () => {
			const maha = await api('GET', '/crm-plugin/districts/count?state.name=Maharashtra', { token });
			assert.deepEqual([maha.text, maha.headers.get('content-type')], ['3', 'application/json; charset=utf-8']);
			const janes = (await api('GET', '/crm-plugin/contact?_limit=-1&individual.first_name_contains=priya', { token })).json;
			assert.ok(janes.length > 0 && janes.every((c) => c.individual.first_name === 'Priya'));
			const inKa = (await api('GET', '/crm-plugin/contact?_limit=-1&addresses.state.abbreviation=KA', { token })).json;
			assert.ok(inKa.length > 0 && inKa.every((c) => c.addresses.some((a) => a.state === 2)));
			assert.equal((await api('GET', '/crm-plugin/countries/count', { token })).json, 2);
		});
		await check('observed: email filters ignore case (MariaDB collation)', async () => {
			const [one] = (await api('GET', '/crm-plugin/contact?_limit=1&_sort=id:ASC', { token })).json;
			const found = (await api('GET', `/crm-plugin/contact?email=${encodeURIComponent(one.email.toUpperCase())}`, { token })).json;
			assert.deepEqual(found.map((c) => c.id), [one.id]);
			emu.config.database = 'postgres';
			assert.deepEqual((await api('GET', `/crm-plugin/contact?email=${encodeURIComponent(one.email.toUpperCase())}`, { token })).json, []);
			emu.config.database = 'mysql';
		});
		await check('observed: unknown filter or sort field → 400 with the SQL text; /contact/count and /activities/count → 404', async () => {
			const r = await api('GET', '/crm-plugin/contact?nickname=x', { token });
			assert.equal(r.status, 400);
			assert.match(r.json.message, /ER_BAD_FIELD_ERROR: Unknown column 'contacts\.nickname' in 'where clause'$/);
			const sort = await api('GET', '/crm-plugin/contact?_sort=nickname:ASC', { token });
			assert.equal(sort.status, 400);
			assert.match(sort.json.message, /ER_BAD_FIELD_ERROR: Unknown column 'contacts\.nickname' in 'order clause'$/);
			for (const path of ['/crm-plugin/contact/count', '/crm-plugin/activities/count']) {
				const count = await api('GET', path, { token });
				assert.deepEqual([count.status, count.text, count.headers.get('content-type')], [404, 'Not Found', 'text/plain; charset=utf-8']);
			}
			emu.config.database = 'postgres';
			assert.match((await api('GET', '/crm-plugin/contact?nickname=x', { token })).json.message, /column contacts\.nickname does not exist$/);
			assert.match((await api('GET', '/crm-plugin/contact/count', { token })).json.message, /invalid input syntax for type integer: "count"$/);
			emu.config.database = 'mysql';
		});
		let created;
		await check('contact create → individual + address rows, HTTP 200, relations populated, clock timestamps', async () => {
			tick(60_000);
			const r = await api('POST', '/crm-plugin/contact', {
				token,
				body: { name: 'Jane Doe', contact_type: 'individual', first_name: 'Jane', last_name: 'Doe', email: 'jane@example.org', phone: '9876543210', addresses: [{ address_line_1: '12 MG Road', city: 'Pune', pincode: '411001', address_type: 'Permanent', country: 1, state: 1, district: 1 }] },
			});
			assert.equal(r.status, 200);
			created = r.json;
			assert.deepEqual([created.individual.first_name, created.individual.contact, created.organization, created.user], ['Jane', created.id, null, null]);
			assert.deepEqual([created.addresses.length, created.addresses[0].contact, created.addresses[0].state], [1, created.id, 1]);
			assert.equal(created.created_at, fakeNow.toISOString());
			assert.deepEqual([created.contacttags, created.activityassignees], [[], []]);
		});
		await check('required keys: 200 text/plain errors; empty value accepted', async () => {
			const missing = await api('POST', '/crm-plugin/contact', { token, body: { name: 'No type' } });
			assert.deepEqual([missing.status, missing.text, missing.headers.get('content-type')], [200, 'Required Parameters are missing', 'text/plain; charset=utf-8']);
			const empty = await api('POST', '/crm-plugin/tags', { token, body: {} });
			assert.deepEqual([empty.status, empty.text], [200, 'Parameters are empty']);
			assert.equal((await api('POST', '/crm-plugin/countries', { token, body: { name: 'X', abbreviation: 'XX' } })).text, 'Required Parameters are missing');
			const blank = await api('POST', '/crm-plugin/tags', { token, body: { name: '' } });
			assert.deepEqual([blank.status, blank.json.name, blank.json.is_active], [200, '', true]);
			assert.ok(emu.counters.plainTextErrors >= 3);
		});
		await check('contact update: updated_at moves, address by id, contact_type mismatch → 400 entry.notFound', async () => {
			tick(5_000);
			const r = await api('PUT', `/crm-plugin/contact/${created.id}`, { token, body: { phone: '9000000000', contact_type: 'individual', last_name: 'Smith', addresses: [{ id: created.addresses[0].id, city: 'Mumbai' }] } });
			assert.equal(r.status, 200);
			assert.deepEqual([r.json.phone, r.json.individual.last_name, r.json.addresses[0].city], ['9000000000', 'Smith', 'Mumbai']);
			assert.equal(r.json.updated_at, fakeNow.toISOString());
			assert.notEqual(r.json.updated_at, r.json.created_at);
			const wrong = await api('PUT', `/crm-plugin/contact/${created.id}`, { token, body: { contact_type: 'organization' } });
			assert.deepEqual([wrong.status, wrong.json], [400, ENTRY_NOT_FOUND]);
		});
		await check('observed: an individual without first_name → 400 ER_NO_DEFAULT_FOR_FIELD (its addresses stay written); "" is accepted', async () => {
			const before = emu.tableCounts();
			const r = await api('POST', '/crm-plugin/contact', { token, body: { name: 'No First', contact_type: 'individual', addresses: [{ city: 'Pune' }] } });
			assert.equal(r.status, 400);
			assert.match(r.json.message, /ER_NO_DEFAULT_FOR_FIELD: Field 'first_name' doesn't have a default value$/);
			const after = emu.tableCounts();
			assert.deepEqual([after.contact - before.contact, after.individual - before.individual, after.address - before.address], [0, 0, 1]);
			const blank = await api('POST', '/crm-plugin/contact', { token, body: { name: 'Blank First', contact_type: 'individual', first_name: '' } });
			assert.deepEqual([blank.status, blank.json.individual.first_name], [200, '']);
			const org = await api('POST', '/crm-plugin/contact', { token, body: { name: 'Acme Org', contact_type: 'organization' } });
			assert.deepEqual([org.status, org.json.organization.name], [200, 'Acme Org']);
		});
		await check('observed: first_name/last_name without contact_type → 200 and nothing changes; with contact_type they change', async () => {
			const c = (await api('POST', '/crm-plugin/contact', { token, body: { name: 'Nina Name', contact_type: 'individual', first_name: 'Nina', last_name: 'Name' } })).json;
			const silent = await api('PUT', `/crm-plugin/contact/${c.id}`, { token, body: { first_name: 'Changed', last_name: 'Too' } });
			assert.equal(silent.status, 200);
			assert.deepEqual([silent.json.individual.first_name, silent.json.individual.last_name], ['Nina', 'Name']);
			const real = await api('PUT', `/crm-plugin/contact/${c.id}`, { token, body: { contact_type: 'individual', first_name: 'Changed', last_name: 'Too' } });
			assert.deepEqual([real.json.individual.first_name, real.json.individual.last_name], ['Changed', 'Too']);
			const org = (await api('POST', '/crm-plugin/contact', { token, body: { name: 'Old Org', contact_type: 'organization' } })).json;
			const renamed = await api('PUT', `/crm-plugin/contact/${org.id}`, { token, body: { name: 'New Org' } });
			assert.deepEqual([renamed.json.name, renamed.json.organization.name], ['New Org', 'Old Org']);
		});
		await check('observed: addresses on update — entries without id on a contact that has one → 400 Undefined binding; ids update; none before → created; [] unlinks', async () => {
			const c = (await api('POST', '/crm-plugin/contact', { token, body: { name: 'Ada Address', contact_type: 'individual', first_name: 'Ada', addresses: [{ city: 'Pune', pincode: '411001' }] } })).json;
			const addressId = c.addresses[0].id;
			const noId = await api('PUT', `/crm-plugin/contact/${c.id}`, { token, body: { phone: '555', addresses: [{ city: 'Mumbai' }] } });
			assert.equal(noId.status, 400);
			assert.equal(noId.json.message, 'Undefined binding(s) detected when compiling SELECT. Undefined column(s): [id] query: select `addresses`.* from `addresses` where `id` = ? limit ?');
			const unchanged = (await api('GET', `/crm-plugin/contact/${c.id}`, { token })).json;
			assert.deepEqual([unchanged.phone, unchanged.addresses.map((a) => a.city)], [null, ['Pune']]);
			const byId = await api('PUT', `/crm-plugin/contact/${c.id}`, { token, body: { addresses: [{ id: addressId, city: 'Mumbai' }] } });
			assert.deepEqual(byId.json.addresses.map((a) => [a.id, a.city, a.pincode]), [[addressId, 'Mumbai', '411001']]);
			const unknownId = await api('PUT', `/crm-plugin/contact/${c.id}`, { token, body: { addresses: [{ id: 999999, city: 'X' }] } });
			assert.deepEqual(unknownId.json, ENTRY_NOT_FOUND);
			const bare = (await api('POST', '/crm-plugin/contact', { token, body: { name: 'Bo Bare', contact_type: 'individual', first_name: 'Bo' } })).json;
			const added = await api('PUT', `/crm-plugin/contact/${bare.id}`, { token, body: { addresses: [{ city: 'Goa' }, { city: 'Agra' }] } });
			assert.deepEqual(added.json.addresses.map((a) => [a.city, a.contact]), [['Goa', bare.id], ['Agra', bare.id]]);
			const cleared = await api('PUT', `/crm-plugin/contact/${bare.id}`, { token, body: { addresses: [] } });
			assert.deepEqual(cleared.json.addresses, []);
			const missing = await api('PUT', '/crm-plugin/contact/999999', { token, body: { addresses: [{ city: 'X' }] } });
			assert.deepEqual([missing.status, missing.json.message], [400, "Cannot read property 'addresses' of null"]);
		});
		await check('observed: linking a tag to a contact does not move the contact’s updated_at', async () => {
			const c = (await api('POST', '/crm-plugin/contact', { token, body: { name: 'Tim Tag', contact_type: 'individual', first_name: 'Tim' } })).json;
			tick(10_000);
			await api('POST', '/crm-plugin/contacttags', { token, body: { contact: c.id, tag: 1 } });
			const after = (await api('GET', `/crm-plugin/contact/${c.id}`, { token })).json;
			assert.equal(after.updated_at, c.updated_at);
			assert.equal(after.contacttags.length, 1);
		});
		await check('observed unknown ids: GET contact/country/activity and DELETE activity → 404 text "Not Found"; GET tag, DELETE contact → 400 "of null"; PUT → 400 entry.notFound', async () => {
			const text = async (method, path) => {
				const r = await api(method, path, { token });
				return [r.status, r.text, r.headers.get('content-type')];
			};
			const NOT_FOUND_TEXT = [404, 'Not Found', 'text/plain; charset=utf-8'];
			assert.deepEqual(await text('GET', '/crm-plugin/contact/999999'), NOT_FOUND_TEXT);
			assert.deepEqual(await text('GET', '/crm-plugin/countries/999999'), NOT_FOUND_TEXT);
			assert.deepEqual(await text('GET', '/crm-plugin/activities/999999'), NOT_FOUND_TEXT);
			assert.deepEqual(await text('DELETE', '/crm-plugin/activities/999999'), NOT_FOUND_TEXT);
			assert.deepEqual(await text('DELETE', '/crm-plugin/states/999999'), NOT_FOUND_TEXT);
			const tag = await api('GET', '/crm-plugin/tags/999999', { token });
			assert.deepEqual([tag.status, tag.json.message], [400, "Cannot read property 'contacttags' of null"]);
			const del = await api('DELETE', '/crm-plugin/contact/999999', { token });
			assert.deepEqual([del.status, del.json.message], [400, "Cannot read property 'individual' of null"]);
			assert.deepEqual((await api('PUT', '/crm-plugin/contact/999999', { token, body: { phone: '1' } })).json, ENTRY_NOT_FOUND);
			assert.deepEqual((await api('PUT', '/crm-plugin/tags/999999', { token, body: { name: 'x' } })).json, ENTRY_NOT_FOUND);
			assert.deepEqual((await api('PUT', '/crm-plugin/states/999999', { token, body: { name: 'x' } })).json, ENTRY_NOT_FOUND);
			emu.config.nodeErrorStyle = 'modern';
			assert.equal((await api('GET', '/crm-plugin/tags/999999', { token })).json.message, "Cannot read properties of null (reading 'contacttags')");
			emu.config.nodeErrorStyle = 'legacy';
		});
		await check('tags: contacts → link rows (duplicates kept) + contacts array; PUT adds only missing links', async () => {
			const r = await api('POST', '/crm-plugin/tags', { token, body: { name: 'Board', description: 'Board members', contacts: [created.id, created.id, 2] } });
			assert.equal(r.status, 200);
			assert.equal(r.json.contacttags.length, 3);
			assert.deepEqual(r.json.contacts.map((c) => c.id).sort((a, b) => a - b), [2, created.id]);
			const put = await api('PUT', `/crm-plugin/tags/${r.json.id}`, { token, body: { contacts: [2, 3] } });
			assert.equal(put.json.contacttags.length, 4);
			assert.equal((await api('GET', `/crm-plugin/contacttags/count?tag=${r.json.id}`, { token })).json, 4);
		});
		await check('activities: contacts → activityassignee rows + contacts array', async () => {
			const r = await api('POST', '/crm-plugin/activities', { token, body: { title: 'Call', start_datetime: '2020-06-05T10:00:00.000Z', activitytype: 1, contacts: [created.id] } });
			assert.equal(r.status, 200);
			assert.deepEqual([r.json.activitytype.name, r.json.activityassignees.length, r.json.contacts[0].id], ['Call', 1, created.id]);
			assert.equal(r.json.start_datetime, '2020-06-05T10:00:00.000Z');
		});
		await check('contact delete cascades (individual, addresses, contact tags, assignees) and returns the contact', async () => {
			const before = emu.tableCounts();
			const r = await api('DELETE', `/crm-plugin/contact/${created.id}`, { token });
			assert.deepEqual([r.status, r.json.id, r.json.name], [200, created.id, 'Jane Doe']);
			const after = emu.tableCounts();
			assert.deepEqual([before.individual - after.individual, before.address - after.address, before.contacttag - after.contacttag, before.activityassignee - after.activityassignee], [1, 1, 2, 1]);
		});
		await check('unique fields → 400 database message; country is_active defaults to false', async () => {
			const ok = await api('POST', '/crm-plugin/countries', { token, body: { name: 'Bhutan', abbreviation: 'BT', is_active: null } });
			assert.equal(ok.json.is_active, null);
			const ok2 = await api('POST', '/crm-plugin/states', { token, body: { name: 'Goa' } });
			assert.equal(ok2.json.is_active, true);
			const clash = await api('POST', '/crm-plugin/countries', { token, body: { name: 'India again', abbreviation: 'IN', is_active: true } });
			assert.equal(clash.status, 400);
			assert.match(clash.json.message, /ER_DUP_ENTRY: Duplicate entry 'IN' for key 'countries_abbreviation_unique'$/);
			emu.config.database = 'postgres';
			const pgClash = await api('POST', '/crm-plugin/countries', { token, body: { name: 'India again', abbreviation: 'IN', is_active: true } });
			emu.config.database = 'mysql';
			assert.match(pgClash.json.message, /duplicate key value violates unique constraint "countries_abbreviation_unique"$/);
			const nepal = (await api('GET', '/crm-plugin/countries?abbreviation=NP', { token })).json[0];
			assert.equal(nepal.is_active, false);
		});
		await check('_q search: substring on MariaDB; whole-word match on Postgres; ignores other filters, no default limit', async () => {
			assert.ok((await api('GET', '/crm-plugin/contact?_q=Sharm', { token })).json.length > 0);
			emu.config.database = 'postgres';
			const words = await api('GET', '/crm-plugin/contact?_q=Sharma&contact_type=organization', { token });
			assert.ok(words.json.length > 0 && words.json.every((c) => /\bSharma\b/.test(c.name)));
			assert.equal((await api('GET', '/crm-plugin/contact?_q=Sharm', { token })).json.length, 0);
			const many = await api('GET', '/crm-plugin/contact?_q=example.org', { token });
			assert.equal(many.json.length, 0); // emails are single tokens
			assert.equal((await api('GET', '/crm-plugin/activitytypes/count?_q=call', { token })).json, 1);
			emu.config.database = 'mysql';
		});
		await check('generateRoutes exists and is recorded; unknown route → 404 text "Not Found"', async () => {
			const r = await api('GET', '/crm-plugin/generateRoutes', { token });
			assert.deepEqual(r.json, { error: false, message: 'ok' });
			assert.equal(emu.counters.generateRoutesCalls, 1);
			assert.equal(emu.destructiveCalls.length, 1);
			const unknown = await api('GET', '/crm-plugin/contacts', { token });
			assert.deepEqual([unknown.status, unknown.text], [404, 'Not Found']);
			assert.deepEqual((await api('GET', '/crm-plugin/tags/count', { token })).status, 400);
		});
		await check('control routes: counters, seed, config; request log redacts the token; fault injection', async () => {
			const counters = (await ctl('GET', 'counters')).json;
			assert.ok(counters.logins >= 10 && counters.forbidden >= 1 && counters.routes['GET /crm-plugin/contact'] >= 1);
			const before = emu.tableCounts().contact;
			const seeded = (await ctl('POST', 'seed', { contacts: 5 })).json;
			assert.equal(seeded.contact, before + 5);
			await api('POST', '/__emulator/faults', { body: { next: [{ status: 503, kind: 'html', headers: { 'Retry-After': '2' }, match: '/crm-plugin/tags' }] } });
			const faulted = await api('GET', '/crm-plugin/tags', { token });
			assert.deepEqual([faulted.status, faulted.headers.get('retry-after')], [503, '2']);
			const log = (await api('GET', '/__emulator/requests')).json;
			assert.ok(!JSON.stringify(log).includes(token));
			assert.equal(log[log.length - 1].headers.authorization, '[redacted]');
		});
		await check('standalone-style options: sub-path base URL, short TTL and reverse-proxy 429', async () => {
			const sub = await startCrmPlatform({ port: 0, subPath: '/strapi', seedContacts: 3, tokenTtlSeconds: 1, rateLimit: { everyN: 3, status: 429, retryAfter: 1 } });
			others.push(sub);
			const s = client(sub.siteUrl);
			const r = await s('POST', '/auth/local', { body: { identifier: 'demo', password: 'demo123' } });
			const [, payload] = r.json.jwt.split('.');
			const { iat, exp } = JSON.parse(Buffer.from(payload, 'base64url').toString());
			assert.equal(exp - iat, 1);
			assert.equal((await s('GET', '/crm-plugin/contact', { token: r.json.jwt })).json.length, 3);
			const limited = await s('GET', '/crm-plugin/contact', { token: r.json.jwt });
			assert.deepEqual([limited.status, limited.headers.get('retry-after')], [429, '1']);
			assert.equal((await client(sub.url)('GET', '/crm-plugin/contact')).status, 404);
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
