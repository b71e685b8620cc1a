'use strict';
// Plain-node self-test of the Faveo Helpdesk emulator against what Faveo's code and an observed v2.0.3 server do.
// Run: node test/emulators/faveo.selftest.js

const assert = require('node:assert/strict');
const { createChecks } = require('./selftest');
const http = require('node:http');
const { startFaveo } = require('./faveo');

const ADMIN = { username: 'demoadmin', password: 'demopass' };
let fakeNow = Date.UTC(2026, 0, 5, 10, 0, 0);

function client(emu) {
	return async function call(method, route, { body, form, token, query = {}, headers = {}, site = false } = {}) {
		const url = new URL(site ? `${emu.siteUrl}${route}` : emu.apiUrl(route));
		for (const [k, v] of Object.entries(query)) url.searchParams.append(k, v);
		const init = { method, headers: { Accept: 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers } };
		if (body !== undefined) {
			init.body = JSON.stringify(body);
			init.headers['Content-Type'] = 'application/json';
		} else if (form !== undefined) init.body = new URLSearchParams(form);
		const res = await fetch(url, init);
		const text = await res.text();
		let json;
		try {
			json = JSON.parse(text);
		} catch {
			json = undefined;
		}
		return { status: res.status, headers: res.headers, text, json };
	};
}

const control = (emu) => async (method, route, body) => {
	const res = await fetch(`${emu.url}/__emulator/faveo/${route}`, { method, headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
	assert.equal(res.status, 200, `control ${route}`);
	return res.json();
};

const decode = (token) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));

const { check, report } = createChecks();

// A receiver for the "ticket details" webhook.
async function startReceiver() {
	const hits = [];
	const server = http.createServer((req, res) => {
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => {
			hits.push({ contentType: req.headers['content-type'], body: Buffer.concat(chunks).toString('utf8') });
			res.end('ok');
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return { url: `http://127.0.0.1:${server.address().port}/hook`, hits, stop: () => new Promise((resolve) => server.close(resolve)) };
}

async function main() {
	const receiver = await startReceiver();
	const emu = await startFaveo({ subPath: '/faveo/public', seedCustomers: 6, seedTickets: 25, now: () => fakeNow, rateLimit: 100000, webhookUrl: receiver.url });
	const api = client(emu);
	const ctl = control(emu);
	const login = async (creds = ADMIN) => (await api('POST', 'authenticate', { body: creds })).json.token;
	let token;
	try {
		await check('login with JSON body: JWT claims, TTL 240 s, whole user row under user_id', async () => {
			const r = await api('POST', 'authenticate', { body: ADMIN });
			assert.equal(r.status, 200);
			token = r.json.token;
			const claims = decode(token);
			for (const key of ['iat', 'exp', 'nbf', 'jti', 'sub']) assert.ok(key in claims, key);
			assert.equal(claims.exp - claims.iat, 240);
			assert.equal(claims.sub, 1);
			assert.deepEqual(JSON.parse(Buffer.from(token.split('.')[0], 'base64url')), { typ: 'JWT', alg: 'HS256' });
			assert.equal(r.json.user_id.role, 'admin');
			assert.ok(!('password' in r.json.user_id));
			assert.match(r.text, /https:\\\/\\\/secure\.gravatar\.com/, 'PHP json_encode escapes slashes');
		});
		await check('bad password, unknown and inactive users → HTTP 200 invalid_credentials', async () => {
			const before = emu.counters.failedLogins;
			for (const creds of [{ username: 'demoadmin', password: 'nope' }, { username: 'ghost', password: 'x' }, { username: 'former.agent', password: 'agentpass3' }]) {
				const r = await api('POST', 'authenticate', { body: creds });
				assert.equal(r.status, 200);
				assert.deepEqual(r.json, { error: 'invalid_credentials', status_code: 401 });
			}
			assert.equal(emu.counters.failedLogins - before, 3);
		});
		await check('login by email via form body; credentials in the query string are recorded', async () => {
			const form = await api('POST', 'authenticate', { form: { username: 'amelia.hart@example.com', password: 'agentpass1' } });
			assert.equal(form.json.user_id.id, 2);
			assert.deepEqual(emu.state.logins.at(-1).credentialsIn, { username: 'body', password: 'body', api_key: null });
			const before = emu.counters.credentialsInQuery;
			const query = await api('POST', 'authenticate', { query: ADMIN });
			assert.ok(query.json.token);
			assert.equal(emu.state.logins.at(-1).credentialsIn.password, 'query');
			assert.equal(emu.counters.credentialsInQuery, before + 1);
		});
		await check('every login mints a new token; older ones stay valid', async () => {
			const second = await login();
			assert.notEqual(second, token);
			assert.equal((await api('GET', 'authenticate/user', { token })).json.user.id, 1);
			assert.equal((await api('GET', 'authenticate/user', { token: second })).json.user.user_name, 'demoadmin');
		});
		await check('token accepted from Bearer header, ?token= and body token (v2); counted by place', async () => {
			const before = { ...emu.counters.tokenFrom };
			assert.equal((await api('GET', 'helpdesk/agents', { token })).status, 200);
			assert.equal((await api('GET', 'helpdesk/agents', { query: { token } })).status, 200);
			const r = await api('POST', 'helpdesk/collaborator/get-ticket', { body: { token, ticket_id: 1 } });
			assert.ok(Array.isArray(r.json.collaborator));
			assert.deepEqual([emu.counters.tokenFrom.header - before.header, emu.counters.tokenFrom.query - before.query, emu.counters.tokenFrom.body - before.body], [1, 1, 1]);
		});
		await check('v2 auth failures → 401 {success:false,message}', async () => {
			assert.deepEqual((await api('GET', 'helpdesk/agents')).json, { success: false, message: 'Token not provided' });
			const [h, p] = token.split('.');
			const forged = await api('GET', 'helpdesk/agents', { token: `${h}.${p}.AAAA` });
			assert.deepEqual([forged.status, forged.json.message], [401, 'Token Signature could not be verified.']);
			assert.equal((await api('GET', 'helpdesk/agents', { token: 'abc.def' })).json.message, 'Wrong number of segments');
		});
		await check('proxy strips Authorization: header token ignored, ?token= still works', async () => {
			emu.config.stripAuthorization = true;
			const stripped = await api('GET', 'helpdesk/agents', { token });
			assert.deepEqual([stripped.status, stripped.json.message], [401, 'Token not provided']);
			assert.equal((await api('GET', 'helpdesk/agents', { query: { token } })).status, 200);
			emu.config.stripAuthorization = false;
		});
		await check('TTL: a token is expired once exp is reached; expired replies counted', async () => {
			const fresh = await login();
			const before = emu.counters.expiredTokenReplies;
			fakeNow += 239_000;
			assert.equal((await api('GET', 'helpdesk/agents', { token: fresh })).status, 200);
			fakeNow += 1_000;
			const r = await api('GET', 'helpdesk/agents', { token: fresh });
			assert.deepEqual([r.status, r.json], [401, { success: false, message: 'Token has expired' }]);
			assert.equal(emu.counters.expiredTokenReplies, before + 1);
			token = await login();
		});
		await check('control route expire-tokens: every issued token is expired at once', async () => {
			const other = await login();
			const out = await ctl('POST', 'expire-tokens', {});
			assert.ok(out.expired >= 2);
			assert.equal((await api('GET', 'helpdesk/agents', { token: other })).status, 401);
			token = await login();
			assert.equal((await api('GET', 'helpdesk/agents', { token })).status, 200, 'a token issued afterwards works');
		});
		await check('1.9 mode: expired → HTTP 200 token_expired, missing → 400, invalid → 400', async () => {
			await ctl('POST', 'config', { version: '1.9' });
			const old = await login();
			emu.expireAllTokens();
			assert.deepEqual(await api('GET', 'helpdesk/agents', { token: old }).then((r) => [r.status, r.json]), [200, { error: 'token_expired' }]);
			assert.deepEqual(await api('GET', 'helpdesk/agents').then((r) => [r.status, r.json]), [400, { error: 'token_not_provided' }]);
			assert.deepEqual(await api('GET', 'helpdesk/agents', { token: 'x.y.z' }).then((r) => [r.status, r.json]), [400, { error: 'token_invalid' }]);
			const fresh = await login();
			const bodyToken = await api('POST', 'helpdesk/collaborator/get-ticket', { body: { token: fresh, ticket_id: 1 } });
			assert.equal(bodyToken.status, 400, 'v1.9.6 does not read a body token');
			const page = await api('GET', 'helpdesk/tickets', { token: fresh });
			assert.deepEqual(Object.keys(page.json), ['total', 'per_page', 'current_page', 'last_page', 'next_page_url', 'prev_page_url', 'from', 'to', 'data']);
			await ctl('POST', 'config', { version: '2' });
			token = await login();
		});
		await check('singleSession mode: a new login blacklists older tokens', async () => {
			emu.config.singleSession = true;
			const first = await login();
			const second = await login();
			assert.deepEqual((await api('GET', 'helpdesk/agents', { token: first })).json, { success: false, message: 'The token has been blacklisted' });
			assert.equal((await api('GET', 'helpdesk/agents', { token: second })).status, 200);
			emu.config.singleSession = false;
			token = second;
		});
		await check('stock Faveo: the API key is not enforced; missing, wrong and right keys answer alike (observed v2.0.3)', async () => {
			const key = emu.state.settings.apiKey;
			for (const api_key of [undefined, 'wrong-key', key]) {
				const r = await api('POST', 'authenticate', { body: api_key === undefined ? ADMIN : { ...ADMIN, api_key } });
				assert.ok(r.json.token, `login with api_key ${api_key}`);
				assert.equal((await api('GET', 'helpdesk/agents', { token: r.json.token, query: api_key === undefined ? {} : { api_key } })).status, 200);
			}
			await ctl('POST', 'config', { apiEnabled: false });
			assert.ok((await api('POST', 'authenticate', { body: ADMIN })).json.token, 'a disabled API changes nothing either');
			await ctl('POST', 'config', { apiEnabled: true });
			assert.equal(emu.counters.apiKeyRejected, 0);
		});
		await check('enforceApiKey (a patched server): wrong key / API disabled → HTTP 200 result strings', async () => {
			await ctl('POST', 'config', { enforceApiKey: true });
			assert.deepEqual((await api('POST', 'authenticate', { body: ADMIN })).json, { result: 'wrong api key' });
			const key = emu.state.settings.apiKey;
			const ok = await api('POST', 'authenticate', { body: { ...ADMIN, api_key: key } });
			assert.ok(ok.json.token);
			assert.equal((await api('GET', 'helpdesk/agents', { token: ok.json.token, query: { api_key: key } })).status, 200);
			await ctl('POST', 'config', { apiEnabled: false });
			assert.deepEqual((await api('POST', 'authenticate', { body: { ...ADMIN, api_key: key } })).json, { result: 'please enable api' });
			await ctl('POST', 'config', { apiEnabled: true, enforceApiKey: false });
			assert.ok(emu.counters.apiKeyRejected >= 2);
		});
		await check('throttle v2: 500 {"error":"Too Many Attempts."} without Retry-After; rate headers on success', async () => {
			emu.resetThrottle();
			emu.config.rateLimit = 3;
			const statuses = [];
			let last;
			for (let i = 0; i < 4; i++) statuses.push((last = await api('GET', 'helpdesk/priority', { token })).status);
			assert.deepEqual(statuses, [200, 200, 200, 500]);
			assert.deepEqual(last.json, { error: 'Too Many Attempts.' });
			assert.equal(last.headers.get('retry-after'), null);
			const v2 = await api('GET', '/api/v2/helpdesk/tickets', { site: true, token, query: { api: 1, show: 'inbox', departments: 'All' } });
			assert.equal(v2.status, 200, 'the v2 list is not throttled');
			fakeNow += 61_000; // a new window (token TTL is 240 s, still valid)
			const ok = await api('GET', 'helpdesk/priority', { token });
			assert.deepEqual([ok.status, ok.headers.get('x-ratelimit-limit'), ok.headers.get('x-ratelimit-remaining')], [200, '3', '2']);
		});
		await check('throttle v2: a fixed window from its first request, per client IP, logins included (observed v2.0.3)', async () => {
			emu.resetThrottle();
			emu.config.rateLimit = 3;
			await login();
			fakeNow += 30_000;
			const other = await api('POST', 'authenticate', { body: { username: 'amelia.hart', password: 'agentpass1' } });
			assert.equal((await api('GET', 'helpdesk/priority', { token: other.json.token })).status, 200, 'third request of the window');
			assert.deepEqual((await api('GET', 'helpdesk/priority', { token })).json, { error: 'Too Many Attempts.' }, 'another user, same IP, same window');
			fakeNow += 29_000;
			assert.equal((await api('GET', 'helpdesk/priority', { token })).status, 500, '59 s after the first request the window is still closed');
			fakeNow += 1_000;
			assert.equal((await api('GET', 'helpdesk/priority', { token })).status, 200, '60 s after the first request a new window opens');
			emu.config.rateLimit = 100000;
			emu.resetThrottle();
		});
		await check('throttle 1.9: 429 text with Retry-After', async () => {
			emu.resetThrottle();
			await ctl('POST', 'config', { version: '1.9', rateLimit: 3 });
			for (let i = 0; i < 3; i++) await api('GET', 'helpdesk/priority', { token });
			const r = await api('GET', 'helpdesk/priority', { token });
			assert.deepEqual([r.status, r.text], [429, 'Too Many Attempts.']);
			assert.ok(Number(r.headers.get('retry-after')) > 0);
			await ctl('POST', 'config', { version: '2', rateLimit: 100000 });
			emu.resetThrottle();
			assert.ok(emu.counters.throttled >= 2);
		});
		await check('sub-path mounting, 404 JSON under /api, HTML outside, 405', async () => {
			assert.equal((await api('GET', 'helpdesk/nothing-here', { token })).json.message, 'not-found');
			const outside = await fetch(`${emu.url}/api/v1/authenticate`, { method: 'POST' });
			assert.equal(outside.status, 404);
			assert.match(outside.headers.get('content-type'), /text\/html/);
			const wrongMethod = await api('GET', 'authenticate');
			assert.deepEqual([wrongMethod.status, wrongMethod.json.success], [405, false]);
		});
		await check('create: 422 FormRequest errors; success ticket_id; new email registers a user', async () => {
			const bad = await api('POST', 'helpdesk/create', { token, body: { email: 'not-an-email', first_name: 'Al', subject: 'Hi', body: 'short' } });
			assert.equal(bad.status, 422);
			assert.equal(bad.json.success, false);
			assert.deepEqual(bad.json.errors.first_name, ['The first name must be between 3 and 40 characters.']);
			assert.deepEqual(bad.json.errors.helptopic, ['The helptopic field is required.']);
			const emails = emu.counters.emailsSent;
			const r = await api('POST', 'helpdesk/create', { token, body: { email: 'new.person@example.net', first_name: 'Nina', last_name: 'Berg', subject: 'Webhook check ticket', body: 'The body of the new ticket.', helptopic: 1, sla: 1, priority: 2 } });
			assert.equal(r.json.response.message, 'Ticket created successfully!');
			const ticket = emu.state.tickets.find((t) => t.id === r.json.response.ticket_id);
			assert.ok(ticket && emu.store.findUserByEmail('new.person@example.net'));
			assert.ok(emu.counters.emailsSent > emails);
		});
		await check('webhook: two identical multipart POSTs with a `data` JSON string, no ticket id', async () => {
			assert.equal(receiver.hits.length, 2);
			assert.equal(receiver.hits[0].body, receiver.hits[1].body);
			assert.match(receiver.hits[0].contentType, /^multipart\/form-data/);
			const data = JSON.parse(/name="data"\r\n\r\n([\s\S]*?)\r\n--/.exec(receiver.hits[0].body)[1]);
			assert.deepEqual(Object.keys(data[0]), ['title', 'body', 'first_name', 'last_name', 'email', 'created_at']);
			assert.equal(data[0].title, 'Webhook check ticket');
		});
		await check('ticket get; unknown id → HTTP 200 field error', async () => {
			const r = await api('GET', 'helpdesk/ticket', { token, query: { ticket_id: 3 } });
			assert.equal(r.json.result.id, 3);
			assert.ok('priority_color' in r.json.result && 'helptopic_name' in r.json.result);
			const missing = await api('GET', 'helpdesk/ticket', { token, query: { ticket_id: 9999 } });
			assert.deepEqual([missing.status, missing.json], [200, { error: { ticket_id: ['The selected ticket id is invalid.'] } }]);
		});
		await check('v1 lists: 10 per page, absolute next_page_url without token, priotity_name', async () => {
			const r = await api('GET', 'helpdesk/tickets', { token: undefined, query: { token, page: 1 } });
			assert.equal(r.json.per_page, 10);
			assert.equal(r.json.data.length, 10);
			assert.equal(r.json.next_page_url, `${emu.siteUrl}/api/v1/helpdesk/tickets?page=2`);
			assert.ok(!r.json.next_page_url.includes('token'));
			assert.equal(r.json.total, emu.state.tickets.length);
			const open = await api('GET', 'helpdesk/inbox', { token });
			assert.ok('priotity_name' in open.json.data[0]);
			const asked = await api('GET', 'helpdesk/tickets', { token, query: { per_page: 50 } });
			assert.deepEqual([asked.json.per_page, asked.json.data.length], [10, 10], 'per_page is ignored (observed v2.0.3)');
			const beyond = await api('GET', 'helpdesk/tickets', { token, query: { page: 99 } });
			assert.deepEqual([beyond.json.data.length, beyond.json.next_page_url], [0, null]);
		});
		await check('v2 list: api_key in the query empties it (observed v2.0.3: total 71 → 0)', async () => {
			const q = { api: 1, show: 'inbox', departments: 'All' };
			const plain = await api('GET', '/api/v2/helpdesk/tickets', { site: true, token, query: q });
			assert.ok(plain.json.data.total > 0);
			const keyed = await api('GET', '/api/v2/helpdesk/tickets', { site: true, token, query: { ...q, api_key: emu.state.settings.apiKey } });
			assert.deepEqual([keyed.status, keyed.json.success, keyed.json.data.total, keyed.json.data.data.length], [200, true, 0, 0]);
		});
		await check('v2 list: {success,data}, records_per_page honoured, 500 refused, missing params 400', async () => {
			const q = { api: 1, show: 'inbox', departments: 'All', records_per_page: 3, 'sort-by': 'id', order: 'asc' };
			const r = await api('GET', '/api/v2/helpdesk/tickets', { site: true, token, query: q });
			assert.equal(r.json.success, true);
			assert.equal(r.json.data.per_page, 3);
			assert.ok(r.json.data.data[0].id < r.json.data.data[1].id);
			assert.equal((await api('GET', '/api/v2/helpdesk/tickets', { site: true, token, query: { ...q, records_per_page: 500 } })).status, 400);
			const missing = await api('GET', '/api/v2/helpdesk/tickets', { site: true, token, query: { api: 1 } });
			assert.deepEqual([missing.status, missing.json.success], [400, false]);
		});
		await check('reply, then ticket-thread is a JSON string labelled text/html, newest first; search finds it', async () => {
			const reply = await api('POST', 'helpdesk/reply', { token, form: { ticket_id: 2, reply_content: 'Unique reply marker zebra-42' } });
			assert.equal(reply.json.result.first_name, 'Demo');
			const thread = await api('GET', 'helpdesk/ticket-thread', { token, query: { id: 2 } });
			assert.equal(thread.headers.get('content-type'), 'text/html; charset=UTF-8');
			assert.equal(JSON.parse(thread.text)[0].body, 'Unique reply marker zebra-42');
			const search = await api('GET', 'helpdesk/ticket-search', { token, query: { search: 'zebra-42' } });
			assert.deepEqual(search.json, { result: [{ ticket_id: 2 }] });
		});
		await check('edit without status blanks it; with every field it succeeds', async () => {
			const base = { ticket_id: 4, subject: 'Edited subject', sla_plan: 1, help_topic: 1, ticket_source: 1, ticket_priority: 3 };
			const r = await api('POST', 'helpdesk/edit', { token, body: base });
			assert.deepEqual(r.json, { result: { success: 'Edited successfully' } });
			assert.equal(emu.store.findTicket(4).status, null);
			await api('POST', 'helpdesk/edit', { token, body: { ...base, status: 1 } });
			assert.equal(emu.store.findTicket(4).status, 1);
			const invalid = await api('POST', 'helpdesk/edit', { token, body: { ticket_id: 4 } });
			assert.deepEqual(invalid.json.error.sla_plan, ['The sla plan field is required.']);
		});
		await check('delete: first call trashes (status 5), second call deletes for good', async () => {
			const first = await api('POST', 'helpdesk/delete', { token, body: { ticket_id: 6 } });
			assert.deepEqual(first.json, { result: 'your tickets has been deleted' });
			assert.equal(emu.store.findTicket(6).status, 5);
			await api('POST', 'helpdesk/delete', { token, body: { ticket_id: 6 } });
			assert.equal(emu.store.findTicket(6), undefined);
			const again = await api('POST', 'helpdesk/delete', { token, body: { ticket_id: 6 } });
			assert.ok(again.json.error && again.json.file && again.json.line, 'a caught exception leaks file/line');
		});
		await check('assign by agent email; unknown agent → response.error; internal note', async () => {
			assert.deepEqual((await api('POST', 'helpdesk/assign', { token, body: { ticket_id: 7, user: 'rohan.mehta@example.com' } })).json, { result: 'success' });
			assert.equal(emu.store.findTicket(7).assigned_to, 3);
			assert.deepEqual((await api('POST', 'helpdesk/assign', { token, body: { ticket_id: 7, user: 'nobody@example.com' } })).json, { response: { error: 'No agent not found' } });
			const note = await api('POST', 'helpdesk/internal-note', { token, body: { user_id: 1, ticket_id: 7, body: 'Called the customer.' } });
			assert.equal(note.json.thread.is_internal, 1);
		});
		await check('customers: search required, customer by id (role user only), register, customers-custom string', async () => {
			assert.deepEqual((await api('GET', 'helpdesk/customers', { token })).json, { error: { search: ['The search field is required.'] } });
			const found = await api('GET', 'helpdesk/customers', { token, query: { search: 'example' } });
			assert.ok(found.json.result.length >= 6 && found.json.result.every((u) => u.role === 'user'));
			assert.equal((await api('GET', 'helpdesk/customer', { token, query: { user_id: 1 } })).json.result, null);
			const reg = await api('POST', 'helpdesk/register', { token, body: { username: 'kim.lee', first_name: 'Kim', email: 'kim.lee@example.org' } });
			assert.equal(reg.json.register.user.user_name, 'kim.lee');
			assert.deepEqual((await api('POST', 'helpdesk/register', { token, body: { username: 'kim.lee', first_name: 'Kim' } })).json.error.username, ['The username has already been taken.']);
			const custom = await api('GET', 'helpdesk/customers-custom', { token });
			assert.match(custom.headers.get('content-type'), /text\/html/);
			assert.equal(JSON.parse(custom.text).per_page, 10);
		});
		await check('collaborators: search 422, create existing fails, create new makes a user, list, remove via ticketid', async () => {
			assert.equal((await api('GET', 'helpdesk/collaborator/search', { token })).status, 422);
			assert.ok((await api('GET', 'helpdesk/collaborator/search', { token, query: { term: 'amelia' } })).json.users.some((u) => u.email === 'amelia.hart@example.com'));
			const existing = await api('POST', 'helpdesk/collaborator/create', { token, body: { email: 'admin@example.com', ticket_id: 8 } });
			assert.ok(existing.json.error && existing.json.file);
			const created = await api('POST', 'helpdesk/collaborator/create', { token, body: { email: 'cc.person@example.com', ticket_id: 8 } });
			assert.deepEqual(created.json, { collaborator: { 'cc.person@example.com': 'cc.person@example.com' } });
			assert.ok(emu.state.outbox.some((m) => m.to === 'cc.person@example.com' && m.kind === 'collaborator-password'));
			assert.ok((await api('POST', 'helpdesk/collaborator/get-ticket', { token, body: { ticket_id: 8 } })).json.collaborator.some((c) => c.email === 'cc.person@example.com'));
			assert.ok((await api('POST', 'helpdesk/collaborator/remove', { token, body: { ticket_id: 8, email: 'cc.person@example.com' } })).json.result.ticketid);
			assert.deepEqual((await api('POST', 'helpdesk/collaborator/remove', { token, body: { ticketid: 8, email: 'cc.person@example.com' } })).json, { collaborator: 'deleted successfully' });
		});
		await check('lookups: dependency lists statuses 1..5 and sources; priority {name,id}', async () => {
			const dep = (await api('GET', 'helpdesk/dependency', { token })).json.result;
			assert.deepEqual(dep.status.map((s) => s.id), [1, 2, 3, 4, 5]);
			assert.ok(dep.sources.length && dep.priorities[0].priority_id && dep.helptopics[0].topic);
			assert.deepEqual((await api('GET', 'helpdesk/priority', { token })).json.result[0], { name: 'Low', id: 1 });
			assert.equal((await api('GET', 'helpdesk/help-topic', { token })).json.result.length, 3);
		});
		await check('trap: the path is decoded before routing: %61pi_key and api%5Fkey rotate the key too; without a token 401 (observed v2.0.3)', async () => {
			for (const spelling of ['helpdesk/%61pi_key', 'helpdesk/api%5Fkey', 'helpdesk/%61%70%69%5f%6b%65%79']) {
				const before = (await ctl('GET', 'api-key')).apiKey;
				const r = await api('GET', spelling, { token });
				assert.equal(r.json.result.length, 32, spelling);
				assert.notEqual((await ctl('GET', 'api-key')).apiKey, before, spelling);
			}
			const before = (await ctl('GET', 'api-key')).apiKey;
			assert.equal((await api('GET', 'helpdesk/%61pi_key')).status, 401);
			assert.equal((await ctl('GET', 'api-key')).apiKey, before);
			// The next check counts from zero.
			emu.state.trapCalls.length = 0;
			emu.counters.apiKeyRegenerations = 0;
		});
		await check('trap: GET helpdesk/api_key rotates the key and is recorded; installer route recorded', async () => {
			const before = (await ctl('GET', 'api-key')).apiKey;
			const r = await api('GET', 'helpdesk/api_key', { token });
			assert.equal(r.json.result.length, 32);
			const after = await ctl('GET', 'api-key');
			assert.notEqual(after.apiKey, before);
			assert.equal(after.regenerations, 1);
			await api('GET', 'database-config');
			const state = await ctl('GET', 'state');
			assert.deepEqual(state.state.trapCalls.map((c) => c.kind), ['api_key', 'database-config']);
		});
		await check('request log redacts Authorization; counters expose logins and per-route counts', async () => {
			const log = await (await fetch(`${emu.url}/__emulator/requests`)).json();
			assert.ok(log.some((e) => e.headers.authorization === '[redacted]'));
			assert.ok(!JSON.stringify(log.filter((e) => e.hasAuthorization).map((e) => e.headers)).includes(token));
			const counters = await ctl('GET', 'counters');
			assert.ok(counters.logins >= 10);
			assert.ok(counters.routes['POST /api/v1/authenticate'] >= 10);
		});
	} finally {
		await emu.stop();
		await receiver.stop();
	}
	report();
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
