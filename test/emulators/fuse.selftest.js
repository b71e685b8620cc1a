'use strict';
// Plain-node self-test of the Fuse Universal emulator against the reference checklist.
// Run: node test/emulators/fuse.selftest.js

const assert = require('node:assert/strict');
const { createChecks } = require('./selftest');
const http = require('node:http');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { startFuse } = require('./fuse');

const ADMIN = { login_name: 'api.admin', password: 'Adm1n-Secret-Pass!' };
const LEARNER = { login_name: 'lena.learner', password: 'Learn3r-Secret-Pass!' };
const UNAUTHORIZED = { success: false, errors: { base: 'Unauthorized 401' } };
const STRONG = 'N3w-Starter-Pass!';

function client(base) {
	return async function call(method, route, { body, form, token, headers = {}, raw, rawType } = {}) {
		const init = { method, headers: { ...(token ? { 'Auth-Token': token } : {}), ...headers } };
		if (raw !== undefined) {
			init.body = raw;
			if (rawType) init.headers['Content-Type'] = rawType;
		} else if (form !== undefined) {
			init.body = new URLSearchParams(form).toString();
			init.headers['Content-Type'] = 'application/x-www-form-urlencoded';
		} else if (body !== undefined) {
			init.body = JSON.stringify(body);
			init.headers['Content-Type'] = 'application/json';
		}
		const res = await fetch(base + route, init);
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

// A loopback receiver for outgoing webhooks.
async function startReceiver() {
	const received = [];
	const server = http.createServer((req, res) => {
		let body = '';
		req.on('data', (c) => (body += c));
		req.on('end', () => {
			received.push({ method: req.method, path: req.url, headers: req.headers, body });
			res.writeHead(200).end('ok');
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return { received, url: `http://127.0.0.1:${server.address().port}`, stop: () => new Promise((resolve) => server.close(resolve)) };
}

// Starts the standalone runner with CLI flags and returns the READY url.
function standaloneReady(args) {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [path.join(__dirname, 'fuse.js'), '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
		const timer = setTimeout(() => (child.kill('SIGTERM'), reject(new Error('no READY line'))), 10_000);
		child.stdout.on('data', (chunk) => {
			const match = /^READY (\S+)/m.exec(String(chunk));
			if (match) clearTimeout(timer), resolve({ url: match[1], child });
		});
		child.once('exit', (code) => reject(new Error(`standalone exited early (${code})`)));
	});
}

async function main() {
	const emu = await startFuse({ seedUsers: 30, seed: 7 });
	const receiver = await startReceiver();
	const api = client(emu.apiUrl());
	const root = client(emu.url);
	const control = (route, body) => root('POST', `/__emulator/fuse/${route}`, { body: body || {} });
	const login = async (creds = ADMIN) => {
		const r = await api('POST', '/session', { body: creds });
		assert.equal(r.status, 200, r.text);
		return r.json.auth_tokens.user_authentication_token.authentication_token;
	};
	let adminToken;
	try {
		await check('login with JSON, login_name case-insensitive, documented shape', async () => {
			const r = await api('POST', '/session', { body: { login_name: 'API.Admin', password: ADMIN.password } });
			assert.equal(r.status, 200);
			assert.equal(r.json.success, true);
			assert.equal(r.json.role, 'admin');
			assert.deepEqual(r.json.admin_group_permissions, ['compliance_reporting']);
			assert.ok(Array.isArray(r.json.administerable_community_ids));
			const t = r.json.auth_tokens.user_authentication_token;
			assert.match(t.authentication_token, /^[A-Za-z0-9]{3}-[A-Za-z0-9]{12}$/);
			assert.equal(typeof t.updated_at, 'number');
			assert.equal(r.json.auth_tokens.jwt_token.split('.').length, 3);
			assert.match(r.headers.get('content-type'), /^application\/json/);
			adminToken = t.authentication_token;
		});
		await check('form-encoded login by email returns the SAME current token', async () => {
			const r = await api('POST', '/session', { form: { login_name: 'api.admin@acme-learning.test', password: ADMIN.password } });
			assert.equal(r.status, 200);
			assert.equal(r.json.auth_tokens.user_authentication_token.authentication_token, adminToken);
			assert.equal(emu.counters.logins, 2);
		});
		await check('failed logins: wrong password, unknown, deactivated, query-string credentials → 401 envelope, counted', async () => {
			const before = emu.counters.failedLogins;
			for (const body of [{ ...ADMIN, password: 'nope' }, { login_name: 'ghost', password: 'x' }, { login_name: 'old.account', password: 'Old-Acc0unt-Pass!' }]) {
				const r = await api('POST', '/session', { body });
				assert.equal(r.status, 401);
				assert.equal(r.json.success, false);
				assert.equal(typeof r.json.errors.base, 'string');
				assert.equal(r.json.auth_tokens, undefined);
			}
			const q = await api('POST', `/session?login_name=api.admin&password=${encodeURIComponent(ADMIN.password)}`);
			assert.equal(q.status, 401);
			assert.equal(emu.counters.failedLogins, before + 4);
		});
		await check('JSON body without Content-Type is no login; lockout switch; faulted login still redacted in the log', async () => {
			const noType = await api('POST', '/session', { raw: JSON.stringify(ADMIN) });
			assert.equal(noType.status, 401);
			emu.setConfig({ lockAfterFailedLogins: 2 });
			const seedUser = emu.state.users.find((u) => u.username.includes('.') && u.password.startsWith('Seed-Pass-'));
			for (let i = 0; i < 2; i++) await api('POST', '/session', { body: { login_name: seedUser.username, password: 'wrong' } });
			assert.equal((await api('POST', '/session', { body: { login_name: seedUser.username, password: seedUser.password } })).status, 401);
			emu.setConfig({ lockAfterFailedLogins: 0 });
			emu.injectFault({ status: 503, match: '/session' });
			assert.equal((await api('POST', '/session', { body: ADMIN })).status, 503);
			const logged = emu.requests[emu.requests.length - 1];
			assert.deepEqual([logged.fault.status, logged.body.password, logged.body.login_name], [503, '[redacted]', 'api.admin']);
		});
		await check('login failure status is a switch (422, and 200 with success:false)', async () => {
			emu.setConfig({ loginFailureStatus: 422 });
			assert.equal((await api('POST', '/session', { body: { ...ADMIN, password: 'bad' } })).status, 422);
			emu.setConfig({ loginFailureStatus: 200 });
			const r = await api('POST', '/session', { body: { ...ADMIN, password: 'bad' } });
			assert.deepEqual([r.status, r.json.success, r.json.auth_tokens], [200, false, undefined]);
			emu.setConfig({ loginFailureStatus: 401 });
		});
		await check('Auth-Token required: missing/garbage → exact 401 body; ?auth_token= ignored on v5 and redacted in the log', async () => {
			assert.deepEqual((await api('GET', '/users/me')).json, UNAUTHORIZED);
			assert.deepEqual((await api('GET', '/users/me', { token: 'AAA-bbbbbbbbbbbb' })).json, UNAUTHORIZED);
			const q = await api('GET', `/users/me?auth_token=${adminToken}`);
			assert.deepEqual([q.status, q.json], [401, UNAUTHORIZED]);
			assert.equal(emu.counters.tokenInQuery, 1);
			const logged = emu.requests[emu.requests.length - 1];
			assert.deepEqual([logged.query.auth_token, logged.tokenInQuery], [adminToken, true]); // URLs logged as sent, flagged
			assert.ok(emu.counters.unauthorized >= 3);
		});
		await check('GET /users/me: bare user with given_name, no secrets', async () => {
			const r = await api('GET', '/users/me', { token: adminToken });
			assert.equal(r.status, 200);
			assert.equal(r.json.username, 'api.admin');
			assert.equal(r.json.given_name, 'Ada');
			assert.equal(r.json.password, undefined);
			assert.ok(!r.text.includes(adminToken));
		});
		await check('POST /__emulator/fuse/expire-tokens: old token 401 (stale), re-login gets a new one', async () => {
			const stale = emu.counters.tokenStale;
			const r = await control('expire-tokens');
			assert.ok(r.json.rotated >= 1);
			assert.deepEqual((await api('GET', '/users/me', { token: adminToken })).json, UNAUTHORIZED);
			assert.equal(emu.counters.tokenStale, stale + 1);
			const fresh = await login();
			assert.notEqual(fresh, adminToken);
			assert.equal((await api('GET', '/users/me', { token: fresh })).status, 200);
			adminToken = fresh;
		});
		await check('rotateEveryRequests: the token dies after N accepted calls', async () => {
			await control('expire-tokens', { user: 'api.admin' });
			emu.setConfig({ rotateEveryRequests: 3 });
			const token = await login();
			const statuses = [];
			for (let i = 0; i < 4; i++) statuses.push((await api('GET', '/users/me', { token })).status);
			emu.setConfig({ rotateEveryRequests: 0 });
			assert.deepEqual(statuses, [200, 200, 200, 401]);
			adminToken = await login();
		});
		await check('tokenTtlSeconds + clock override: rotation independent of the login time', async () => {
			emu.setConfig({ tokenTtlSeconds: 600 });
			const token = await login();
			const updatedBefore = emu.state.users.find((u) => u.username === 'api.admin').auth.updatedAt;
			await control('clock', { advanceSeconds: 601 });
			assert.equal((await api('GET', '/users/me', { token })).status, 401);
			const r = await api('POST', '/session', { body: ADMIN });
			const next = r.json.auth_tokens.user_authentication_token;
			assert.notEqual(next.authentication_token, token);
			assert.ok(next.updated_at >= updatedBefore + 601);
			adminToken = next.authentication_token;
		});
		await check('singleSession: a new login revokes the older token (default shares it)', async () => {
			const a = await login(LEARNER);
			const b = await login(LEARNER);
			assert.equal(a, b);
			emu.setConfig({ singleSession: true });
			const c = await login(LEARNER);
			const d = await login(LEARNER);
			emu.setConfig({ singleSession: false });
			assert.notEqual(c, d);
			assert.equal((await api('GET', '/users/me', { token: c })).status, 401);
			assert.equal((await api('GET', '/users/me', { token: d })).status, 200);
		});
		await check('/manage/* and /roles refuse a learner: 401 by default (same body), 403 when switched', async () => {
			const token = await login(LEARNER);
			const r = await api('GET', '/manage/users', { token });
			assert.deepEqual([r.status, r.json], [401, UNAUTHORIZED]);
			assert.equal((await api('GET', '/roles', { token })).status, 401);
			emu.setConfig({ nonAdminStatus: 403 });
			const f = await api('GET', '/manage/users/11486988', { token });
			emu.setConfig({ nonAdminStatus: 401 });
			assert.deepEqual([f.status, f.json.success], [403, false]);
			assert.ok(emu.counters.nonAdminRefusals >= 3);
		});
		await check('must-change-password account logs in, then is refused; legacy fields surface the flag', async () => {
			emu.setConfig({ legacyLoginFields: true });
			const r = await api('POST', '/session', { body: { login_name: 'pat.pending', password: 'Pend1ng-Reset-Pass!' } });
			emu.setConfig({ legacyLoginFields: false });
			assert.equal(r.status, 200);
			assert.equal(r.json.password_change_required, true);
			assert.equal(typeof r.json.jwt_token, 'string');
			const me = await api('GET', '/users/me', { token: r.json.auth_tokens.user_authentication_token.authentication_token });
			assert.equal(me.status, 403);
			assert.equal(me.json.success, false);
		});
		let joe;
		await check('create {"users":[…]}: 201, manager_ids and unknown/mis-cased fields ignored', async () => {
			const r = await api('POST', '/manage/users', {
				token: adminToken,
				body: { users: [{ username: 'joe.bloggs', email: 'joe.bloggs@example.com', password: STRONG, password_confirmation: STRONG, given_name: 'Joe', family_name: 'Bloggs', manager_ids: [11486988], shoe_size: 44, profile: { 'First Name': 'Joe', department: 'Sales', Department: 'Sales' } }] },
			});
			assert.equal(r.status, 201, r.text);
			assert.equal(r.json.success, true);
			joe = r.json.users[0];
			assert.deepEqual(joe.manager_ids, []);
			assert.deepEqual(joe.profile, { 'First Name': 'Joe', Department: 'Sales' });
			assert.equal(joe.shoe_size, undefined);
			assert.equal(joe.password, undefined);
			assert.equal(joe.display_name, 'Joe Bloggs');
		});
		await check('create validation: confirmation, policy, uniqueness incl. deactivated, missing wrapper', async () => {
			const base = { username: 'new.person', email: 'new.person@example.com', password: STRONG };
			const noConfirm = await api('POST', '/manage/users', { token: adminToken, body: { users: [base] } });
			assert.equal(noConfirm.status, 422);
			assert.deepEqual(noConfirm.json.errors.password_confirmation, ["can't be blank"]);
			const weak = await api('POST', '/manage/users', { token: adminToken, body: { users: [{ ...base, password: 'short', password_confirmation: 'short' }] } });
			assert.ok(weak.json.errors.password.some((m) => /too short/.test(m)));
			const dup = await api('POST', '/manage/users', { token: adminToken, body: { users: [{ ...base, username: 'OLD.ACCOUNT', email: 'old.account@acme-learning.test', password_confirmation: STRONG }] } });
			assert.deepEqual([dup.status, dup.json.errors.username, dup.json.errors.email], [422, ['has already been taken'], ['has already been taken']]);
			const bare = await api('POST', '/manage/users', { token: adminToken, body: { ...base, password_confirmation: STRONG } });
			assert.equal(bare.status, 400);
			assert.equal(emu.state.users.some((u) => u.username === 'new.person'), false);
		});
		await check('update: username required, manager_ids honoured, profile merged, unknown ignored', async () => {
			const missing = await api('PUT', `/manage/users/${joe.id}`, { token: adminToken, body: { given_name: 'Joseph' } });
			assert.deepEqual([missing.status, missing.json.errors.username], [422, ["can't be blank"]]);
			const r = await api('PUT', `/manage/users/${joe.id}`, { token: adminToken, body: { username: 'joe.bloggs', given_name: 'Joseph', manager_ids: [11486988, 999], profile: { Region: 'EMEA', region: 'x' }, Nickname: 'JB' } });
			assert.equal(r.status, 200);
			assert.equal(r.json.success, true);
			assert.deepEqual(r.json.user.manager_ids, [11486988]);
			assert.deepEqual(r.json.user.profile, { 'First Name': 'Joe', Department: 'Sales', Region: 'EMEA' });
			assert.equal(r.json.user.given_name, 'Joseph');
			assert.equal(r.json.user.Nickname, undefined);
			assert.equal((await api('PATCH', `/manage/users/${joe.id}`, { token: adminToken, body: { username: 'joe.bloggs' } })).status, 404);
		});
		await check('password change via PUT rotates that user\'s token', async () => {
			const token = await login(LEARNER);
			const newPassword = 'Changed-Pass-2025!';
			const r = await api('PUT', '/manage/users/11488425', { token: adminToken, body: { username: 'lena.learner', password: newPassword, password_confirmation: newPassword } });
			assert.equal(r.status, 200);
			assert.equal((await api('GET', '/users/me', { token })).status, 401);
			assert.equal((await api('POST', '/session', { body: LEARNER })).status, 401);
			LEARNER.password = newPassword;
			assert.equal((await api('GET', '/users/me', { token: await login(LEARNER) })).status, 200);
		});
		await check('DELETE deactivates (204, token revoked, no login), re-create fails, /restore reactivates', async () => {
			const token = await login({ login_name: 'joe.bloggs', password: STRONG });
			const del = await api('DELETE', `/manage/users/${joe.id}`, { token: adminToken });
			assert.deepEqual([del.status, del.text], [204, '']);
			assert.equal((await api('GET', '/users/me', { token })).status, 401);
			assert.equal((await api('POST', '/session', { body: { login_name: 'joe.bloggs', password: STRONG } })).status, 401);
			assert.equal((await api('GET', `/manage/users/${joe.id}`, { token: adminToken })).json.user.active, false);
			const again = await api('POST', '/manage/users', { token: adminToken, body: { users: [{ username: 'joe.b2', email: 'joe.bloggs@example.com', password: STRONG, password_confirmation: STRONG }] } });
			assert.deepEqual(again.json.errors.email, ['has already been taken']);
			const restore = await api('PUT', `/manage/users/${joe.id}/restore`, { token: adminToken });
			assert.deepEqual([restore.status, restore.json.user.active], [200, true]);
			assert.equal((await api('PUT', `/manage/users/${joe.id}/restore`, { token: adminToken })).status, 422);
			assert.equal((await api('POST', '/session', { body: { login_name: 'joe.bloggs', password: STRONG } })).status, 200);
			assert.equal((await api('GET', '/manage/users/1', { token: adminToken })).status, 404);
		});
		await check('filters: id list, exact email, case-sensitive profile label; mis-cased filter ignored', async () => {
			const ids = await api('GET', '/manage/users?id=11486988,11488425', { token: adminToken });
			assert.deepEqual(ids.json.users.map((u) => u.id), [11486988, 11488425]);
			assert.equal((await api('GET', '/manage/users?email=lena.learner@acme-learning.test', { token: adminToken })).json.users.length, 1);
			assert.equal((await api('GET', '/manage/users?email=LENA.learner@acme-learning.test', { token: adminToken })).json.users.length, 0);
			const sales = await api('GET', '/manage/users?Department=Sales&per_page=100', { token: adminToken });
			assert.ok(sales.json.users.length > 0 && sales.json.users.every((u) => u.profile.Department === 'Sales'));
			const typo = await api('GET', '/manage/users?department=Sales&per_page=100', { token: adminToken });
			assert.equal(typo.json.users.length, emu.state.users.length);
			assert.deepEqual((await api('GET', '/manage/users?username=joe.bloggs', { token: adminToken })).json.users.map((u) => u.id), [joe.id]);
		});
		await check('page/per_page: default, silent cap, short last page, keyed list without totals', async () => {
			const all = emu.state.users.length;
			const first = await api('GET', '/manage/users', { token: adminToken });
			assert.deepEqual(Object.keys(first.json), ['users']);
			assert.equal(first.json.users.length, emu.config.defaultPerPage);
			const p2 = await api('GET', '/manage/users?page=2&per_page=10', { token: adminToken });
			assert.notEqual(p2.json.users[0].id, first.json.users[0].id);
			const last = await api('GET', `/manage/users?page=${Math.ceil(all / 10)}&per_page=10`, { token: adminToken });
			assert.equal(last.json.users.length, all % 10 || 10);
			emu.setConfig({ maxPerPage: 5 });
			assert.equal((await api('GET', '/manage/users?per_page=1000', { token: adminToken })).json.users.length, 5);
			emu.setConfig({ maxPerPage: 100 });
		});
		await check('learning lists keyed by resource; all=true; learning-plans hyphen only by default', async () => {
			const token = await login(LEARNER);
			const mine = (await api('GET', '/communities', { token })).json.communities.length;
			const all = (await api('GET', '/communities?all=true', { token })).json.communities.length;
			assert.ok(mine < all && all === emu.state.communities.length);
			const topics = await api('GET', '/topics', { token });
			assert.ok(['name', 'image_url', 'description'].every((k) => k in topics.json.topics[0]));
			assert.equal((await api('GET', `/topics/${topics.json.topics[0].id}`, { token })).json.topic.name, topics.json.topics[0].name);
			const plans = await api('GET', '/learning-plans?per_page=2', { token });
			assert.equal(plans.json.learning_plans.length, 2);
			assert.ok('title' in (await api('GET', `/learning-plans/${plans.json.learning_plans[0].id}`, { token })).json.learning_plan);
			assert.ok(Array.isArray((await api('GET', '/learning-plans/my', { token })).json.learning_plans));
			const underscore = await api('GET', '/learning_plans', { token });
			assert.equal(underscore.status, 404);
			assert.match(underscore.headers.get('content-type'), /text\/html/);
		});
		await check('events, occurrences, notifications (+latest), roles, custom_options', async () => {
			const token = await login(LEARNER);
			const occ = await api('GET', '/event_occurrences?all=true', { token });
			assert.ok(occ.json.event_occurrences.length > 0);
			const event = await api('GET', `/events/${occ.json.event_occurrences[0].event_id}`, { token });
			assert.ok(['name', 'asset_url', 'description'].every((k) => k in event.json));
			const notes = await api('GET', '/notifications', { token });
			assert.ok(notes.json.notifications.length > 0 && 'created_at' in notes.json.notifications[0].additional_info);
			assert.ok((await api('GET', '/notifications/latest', { token })).json.notifications.length <= emu.config.latestNotificationsCount);
			assert.ok((await api('GET', '/roles', { token: adminToken })).json.roles.some((r) => r.name === 'admin'));
			const options = await api('GET', '/custom_options', { token: adminToken });
			assert.ok(options.json.custom_options.find((o) => o.name === 'Department').options.includes('Sales'));
		});
		await check('POST /contents/question accepts multipart', async () => {
			const form = new FormData();
			form.append('name', 'How do I book leave?');
			form.append('description', 'Asking for a friend');
			form.append('community_ids', String(emu.state.communities[0].id));
			const res = await fetch(`${emu.apiUrl()}/contents/question`, { method: 'POST', headers: { 'Auth-Token': adminToken }, body: form });
			const json = await res.json();
			assert.equal(res.status, 201);
			assert.match(json.content.url, /\/communities\/\d+\/contents\/\d+$/);
		});
		await check('unknown version, unknown route, malformed JSON → Rails-style HTML 404/400; version is configurable', async () => {
			const v9 = await root('GET', '/api/v9.9/users/me', { token: adminToken });
			assert.equal(v9.status, 404);
			assert.match(v9.text, /doesn't exist/);
			assert.equal((await api('GET', '/no/such/route', { token: adminToken })).status, 404);
			const bad = await api('POST', '/manage/users', { token: adminToken, raw: '{"users":[', rawType: 'application/json' });
			assert.equal(bad.status, 400);
			emu.setConfig({ apiVersion: 'v5.1' });
			const old = await api('GET', '/users/me', { token: adminToken });
			const now = await root('GET', '/api/v5.1/users/me', { token: adminToken });
			emu.setConfig({ apiVersion: 'v5.0' });
			assert.deepEqual([old.status, now.status], [404, 200]);
		});
		await check('legacy v4.4: POST /token → 201 auth_token used as ?auth_token=; v5 session also on v4.4 only', async () => {
			const v44 = client(`${emu.url}/api/v4.4`);
			const r = await v44('POST', '/token', { form: ADMIN });
			assert.equal(r.status, 201);
			assert.equal((await v44('GET', `/users/me?auth_token=${r.json.auth_token}`)).status, 200);
			assert.equal((await v44('POST', '/session', { body: ADMIN })).status, 200);
			assert.equal((await root('POST', '/api/v4.0/session', { body: ADMIN })).status, 404);
			assert.equal((await api('POST', '/token', { form: ADMIN })).status, 404);
		});
		await check('rate limiting (opt-in) with and without Retry-After; common fault injection', async () => {
			emu.setConfig({ rateLimit: { everyN: 2, status: 429, retryAfter: '3' } });
			const a = [await api('GET', '/users/me', { token: adminToken }), await api('GET', '/users/me', { token: adminToken })];
			emu.setConfig({ rateLimit: { everyN: 1, status: 503 } });
			const b = await api('GET', '/users/me', { token: adminToken });
			emu.setConfig({ rateLimit: null });
			assert.deepEqual(a.map((x) => x.status), [200, 429]);
			assert.equal(a[1].headers.get('retry-after'), '3');
			assert.deepEqual([b.status, b.headers.get('retry-after')], [503, null]);
			await root('POST', '/__emulator/faults', { body: { next: [{ status: 500, match: '/topics' }] } });
			assert.equal((await api('GET', '/topics', { token: adminToken })).status, 500);
			assert.equal((await api('GET', '/topics', { token: adminToken })).status, 200);
		});
		await check('webhooks: form POST on create/update when enabled; emit on demand; no signature', async () => {
			await control('config', { webhooks: { enabled: true, url: `${receiver.url}/hook` } });
			const created = await api('POST', '/manage/users', { token: adminToken, body: { users: [{ username: 'web.hook', email: 'web.hook@example.com', password: STRONG, password_confirmation: STRONG }] } });
			const id = created.json.users[0].id;
			await api('PUT', `/manage/users/${id}`, { token: adminToken, body: { username: 'web.hook', given_name: 'Webb' } });
			await emu.settleWebhooks();
			assert.deepEqual(receiver.received.map((x) => x.body), [`user_id=${id}`, `user_id=${id}`]);
			assert.equal(receiver.received[0].headers['content-type'], 'application/x-www-form-urlencoded');
			assert.ok(!Object.keys(receiver.received[0].headers).some((h) => /signature|secret/i.test(h)));
			const plan = emu.state.learningPlans[0].id;
			const emitted = await control('webhooks/emit', { event: 'learning_plan_completed', user_id: id, learning_plan_id: plan, extra: 'dropped' });
			assert.equal(emitted.json.status, 200);
			assert.equal(receiver.received[2].body, `user_id=${id}&learning_plan_id=${plan}`);
			assert.equal((await control('webhooks/emit', { event: 'event_attendance_changed', user_id: id })).status, 400);
			await control('config', { webhooks: { enabled: false } });
			assert.equal(emu.counters.webhooksSent, 3);
		});
		await check('request log: login password and Auth-Token redacted; hasAuthToken; per-route counters', async () => {
			const log = (await root('GET', '/__emulator/requests')).json;
			const logins = log.filter((e) => e.path.endsWith('/session'));
			assert.ok(logins.length > 0 && logins.every((e) => typeof e.body !== 'object' || e.body.password === '[redacted]'));
			const inUrl = log.filter((e) => e.secretInQuery && e.path.endsWith('/session'));
			assert.deepEqual(inUrl.map((e) => e.secretInQuery), [['password']]); // the deliberate query-string login
			const elsewhere = JSON.stringify(log.filter((e) => !e.secretInQuery));
			assert.ok(!elsewhere.includes(ADMIN.password) && !elsewhere.includes(STRONG));
			const me = log.find((e) => e.path.endsWith('/users/me') && e.hasAuthToken);
			assert.equal(me.headers['auth-token'], '[redacted]');
			const state = (await root('GET', '/__emulator/state')).json;
			assert.ok(state.counters.routes['POST /session'] >= 10);
			assert.ok(state.counters.logins >= 10);
		});
		await check('control routes: fuse/state, seed, reset, users, counters', async () => {
			const state = (await root('GET', '/__emulator/fuse/state')).json;
			assert.ok(state.tokens.length > 0 && state.state.users.every((u) => u.password === '[redacted]'));
			const before = emu.state.users.length;
			assert.equal((await control('seed', { users: 5 })).json.users, before + 5);
			const added = await control('users', { username: 'bench.user', email: 'bench.user@example.com', password: 'x', role: 'admin' });
			assert.equal(added.status, 200);
			assert.equal((await api('POST', '/session', { body: { login_name: 'bench.user', password: 'x' } })).status, 200);
			const reset = await control('reset', { seedUsers: 3 });
			assert.equal(reset.json.users, 3 + 4);
			assert.equal(emu.counters.logins, 0);
			assert.equal((await api('GET', '/users/me', { token: adminToken })).status, 401);
		});
		await check('deterministic seed data across instances', async () => {
			const other = await startFuse({ seedUsers: 30, seed: 7, port: 0 });
			const again = await startFuse({ seedUsers: 30, seed: 7, port: 0 });
			const pick = (e) => e.state.users.map((u) => `${u.id}:${u.email}:${u.profile.Department}`).join();
			try {
				assert.equal(pick(other), pick(again));
				assert.equal(other.state.users.length, 34);
			} finally {
				await Promise.all([other.stop(), again.stop()]);
			}
		});
		await check('standalone runner: flags map to options, READY <url>', async () => {
			const { url, child } = await standaloneReady(['--seed-users', '2', '--single-session', '--token-ttl-seconds', '60']);
			try {
				const cfg = (await client(url)('GET', '/__emulator/fuse/config')).json;
				assert.deepEqual([cfg.singleSession, cfg.tokenTtlSeconds], [true, 60]);
				assert.equal((await client(url)('GET', '/__emulator/fuse/state')).json.state.users.length, 6);
			} finally {
				child.removeAllListeners('exit');
				await new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGTERM')));
			}
		});
	} finally {
		await emu.stop();
		await receiver.stop();
	}
	report();
}

// Watchdog: a hung request must not keep the script alive.
setTimeout(() => {
	console.error('selftest timed out after 60 s');
	process.exit(1);
}, 60_000).unref();

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
