/** The kernel through n8n-core's real request path: logins, refresh, retries, body errors, item loop. */
import { requestTimeout, retryClock } from '../../nodes/shared/transport/retry';
import { NodeHarness } from '../harness/runNode';
import { Probe, ProbeApi } from '../harness/probe';
import { json, startProbeServer } from '../harness/probeServer';

const PASSWORD = 'correct horse battery';

/** A scripted answer: JSON, raw text with a content type, a dropped connection, or a late answer. */
type Scripted = [number, unknown, Record<string, string>?] | { raw: string; status?: number; type?: string } | { reset: true } | { delayMs: number };

function answer(res: import('http').ServerResponse, scripted: Scripted): boolean {
	if (Array.isArray(scripted)) {
		json(res, scripted[0], scripted[1], scripted[2]);
		return true;
	}
	if ('reset' in scripted) {
		res.socket?.destroy();
		return true;
	}
	if ('raw' in scripted) {
		res.writeHead(scripted.status ?? 200, scripted.type ? { 'Content-Type': scripted.type } : {});
		res.end(scripted.raw);
		return true;
	}
	return false;
}

/** A token server: /login issues tokens, /things needs a live one; counters for assertions. */
function tokenServer() {
	const state = { logins: 0, loginAttempts: 0, failedLogins: 0, live: new Set<string>(), calls: 0, unauthorized: 0, script: [] as Scripted[], loginScript: [] as Scripted[] };
	return {
		state,
		handler: (req: import('http').IncomingMessage, body: string, res: import('http').ServerResponse) => {
			if (req.url === '/login') {
				state.loginAttempts++;
				const scriptedLogin = state.loginScript.shift();
				if (scriptedLogin && answer(res, scriptedLogin)) return;
				const { password } = JSON.parse(body) as { password: string };
				if (password !== PASSWORD) {
					state.failedLogins++;
					return json(res, 401, { message: 'bad login' });
				}
				const token = `tok-${++state.logins}`;
				state.live.add(token);
				return json(res, 200, { token });
			}
			state.calls++;
			const token = String(req.headers.authorization ?? '').replace('Bearer ', '');
			if (!state.live.has(token)) {
				state.unauthorized++;
				return json(res, 401, { message: 'expired' });
			}
			const scripted = state.script.shift();
			if (scripted && 'delayMs' in scripted) {
				setTimeout(() => json(res, 200, { id: state.calls, path: req.url, late: true }), scripted.delayMs);
				return;
			}
			if (scripted && answer(res, scripted)) return;
			return json(res, 200, { id: state.calls, path: req.url });
		},
	};
}

describe('kernel in n8n-core', () => {
	const waits: number[] = [];
	const realSleep = retryClock.sleep;
	let server: Awaited<ReturnType<typeof startProbeServer>>;
	let api: ReturnType<typeof tokenServer>;
	let harness: NodeHarness;
	let credentialId: string;

	beforeEach(async () => {
		api = tokenServer();
		server = await startProbeServer(api.handler);
		harness = new NodeHarness([new Probe()], [new ProbeApi()]);
		credentialId = harness.addCredential('probeApi', { baseUrl: server.url, user: `ann-${Math.random()}`, password: PASSWORD, token: '' });
		waits.length = 0;
		retryClock.sleep = async (ms) => {
			waits.push(ms);
		};
	});
	afterEach(async () => {
		retryClock.sleep = realSleep;
		await server.stop();
	});

	const run = async (items = 1, options: { continueOnFail?: boolean; path?: string; method?: string; credential?: string } = {}) =>
		await harness.run({
			parameters: { method: options.method ?? 'GET', path: options.path ?? '/things' },
			items: Array.from({ length: items }, (_, index) => ({ index })),
			credentials: { probeApi: options.credential ?? credentialId },
			continueOnFail: options.continueOnFail,
		});

	it('logs in once on a cold token, persists it, and reuses it on the next run', async () => {
		const first = await run(50);
		expect(first.error).toBeUndefined();
		expect(first.items).toHaveLength(50);
		expect(api.state.logins).toBe(1);
		expect(harness.credentialData(credentialId).token).toBe('tok-1');
		await run(5);
		expect(api.state.logins).toBe(1);
	});

	it('re-logs in exactly once when the server drops the token mid-run, and no item fails', async () => {
		await run(1);
		api.state.live.clear();
		const result = await run(20);
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(20);
		expect(api.state.logins).toBe(2);
		expect(api.state.unauthorized).toBe(1);
		expect(harness.credentialData(credentialId).token).toBe('tok-2');
	});

	it('fails a wrong password clearly after one login attempt, without leaking it or storing a token', async () => {
		const wrongId = harness.addCredential('probeApi', { baseUrl: server.url, user: 'bob', password: 'wrong-password-123', token: '' });
		const result = await harness.run({ parameters: { method: 'GET', path: '/things' }, credentials: { probeApi: wrongId } });
		expect(result.error?.message).toBe('Probe login failed: user or password wrong (HTTP 401)');
		// A login refusal carries no HTTP status to n8n, so n8n does not try the same password again.
		expect(api.state.failedLogins).toBe(1);
		expect(api.state.calls).toBe(0);
		expect(JSON.stringify(result.error)).not.toContain('wrong-password-123');
		expect(harness.credentialData(wrongId).token).toBe('');
	});

	it('a login answered with 200 but no token is a clear error, never an empty stored token', async () => {
		const stub = await startProbeServer((req, _body, res) => json(res, 200, req.url === '/login' ? { error: 'invalid_credentials', status_code: 401 } : {}));
		try {
			const id = harness.addCredential('probeApi', { baseUrl: stub.url, user: 'eve', password: 'pw-200', token: '' });
			const result = await harness.run({ parameters: { method: 'GET', path: '/things' }, credentials: { probeApi: id } });
			expect(result.error?.message).toBe('Probe login failed: the server says invalid_credentials');
			expect(harness.credentialData(id).token).toBe('');
		} finally {
			await stub.stop();
		}
	});

	it('retries a rate-limited reply after Retry-After and then succeeds', async () => {
		api.state.script.push([429, { message: 'slow down' }, { 'Retry-After': '2' }], [409, { message: 'busy' }]);
		const result = await run(1);
		expect(result.error).toBeUndefined();
		expect(waits).toEqual([2000, 2000]);
		expect(api.state.calls).toBe(3);
	});

	it('turns an error sent with HTTP 200 into a node error', async () => {
		api.state.script.push([200, { error: 'quota exceeded' }]);
		const result = await run(1);
		expect(result.error?.message).toBe('Probe reported: quota exceeded');
	});

	it('continueOnFail: every item comes out, paired, with errors on the bad ones', async () => {
		api.state.script.push([200, { ok: 1 }], [404, { message: 'no such thing' }], [200, { ok: 3 }]);
		const result = await run(3, { continueOnFail: true });
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(result.items[0].json).toEqual({ ok: 1 });
		expect(result.items[1].json.error).toContain('could not find');
		expect(result.items[1].json.message).toContain('no such thing');
		// n8n's error output takes an item only when its json is { error } or { error, message } (1.x; 2.x also allows details).
		expect(Object.keys(result.items[1].json).sort()).toEqual(['error', 'message']);
		expect(result.items[2].json).toEqual({ ok: 3 });
	});

	it('without continueOnFail the run stops with the item index', async () => {
		api.state.script.push([200, { ok: 1 }], [500, { message: 'boom' }]);
		const result = await run(3);
		expect(result.error?.message).toBe('Probe returned HTTP 500');
		expect(result.error?.context?.itemIndex).toBe(1);
		expect(api.state.calls).toBe(2);
	});

	describe('answers that are not the expected JSON are errors, never data or "nothing"', () => {
		it.each<[string, Scripted, string]>([
			['an HTML page', { raw: '<!DOCTYPE html><html><body><h1>Welcome to my blog</h1></body></html>', type: 'text/html; charset=UTF-8' }, 'text/html: "<!DOCTYPE html><html><body><h1>Welcome to my blog</h1></body></html>"'],
			['a cut-off JSON document', { raw: '{"users":[{"id":1},{"id":', type: 'application/json' }, 'application/json: "{"users":[{"id":1},{"id":"'],
			['an empty body', { raw: '', type: 'application/json' }, 'application/json: an empty body'],
		])('HTTP 200 with %s stops the item with a clear error', async (_name, scripted, seen) => {
			await run(1);
			api.state.script.push(scripted);
			const result = await run(1);
			expect(result.items).toHaveLength(0);
			expect(result.error?.message).toBe('Probe answered with something that is not the expected JSON');
			expect(result.error?.description).toContain(`Expected a JSON document; got HTTP 200, ${seen}`);
			expect(result.error?.description).toContain('no record is lost');
		});
	});

	describe('login failures', () => {
		const wrongPassword = () => harness.addCredential('probeApi', { baseUrl: server.url, user: `mallory-${Math.random()}`, password: 'wrong-password-123', token: '' });

		it('a wrong password is tried once for 5 items with Continue On Fail: every item gets the same clear error', async () => {
			const result = await run(5, { continueOnFail: true, credential: wrongPassword() });
			expect(api.state.failedLogins).toBe(1);
			expect(result.items.map((item) => item.json.error)).toEqual(Array(5).fill('Probe login failed: user or password wrong (HTTP 401)'));
			expect(result.items.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3, 4].map((item) => ({ item })));
		});

		it('a corrected password is tried at once, although the wrong one is still remembered as failed', async () => {
			const user = `fixer-${Math.random()}`;
			const id = harness.addCredential('probeApi', { baseUrl: server.url, user, password: 'wrong-password-123', token: '' });
			expect((await run(2, { continueOnFail: true, credential: id })).items[0].json.error).toContain('login failed');
			const fixed = harness.addCredential('probeApi', { baseUrl: server.url, user, password: PASSWORD, token: '' });
			const result = await run(2, { credential: fixed });
			expect(result.error).toBeUndefined();
			expect(api.state.logins).toBe(1);
		});

		it('a login answered by a gateway error page is retried like any idempotent request, and then succeeds', async () => {
			api.state.loginScript.push({ raw: '<html><body><h1>502 Bad Gateway</h1></body></html>', status: 502, type: 'text/html' }, { raw: '<html>503</html>', status: 503, type: 'text/html' });
			const result = await run(3);
			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(3);
			expect(api.state.loginAttempts).toBe(3);
			expect(waits).toEqual([1000, 2000]);
		});

		it.each<[string, Scripted, string]>([
			['HTTP 502 with a web page', { raw: '<html><body>502 Bad Gateway</body></html>', status: 502, type: 'text/html' }, 'the server answered HTTP 502 with a web page'],
			['HTTP 500 with JSON', [500, { message: 'database down' }], 'the server answered HTTP 500 without a token ({"message":"database down"})'],
			['HTTP 200 with a web page', { raw: '<!DOCTYPE html><html>Maintenance</html>', type: 'text/html' }, 'the server answered HTTP 200 with a web page'],
			['HTTP 200 with cut-off JSON', { raw: '{"token":"ab', type: 'application/json' }, 'the server answered HTTP 200 with something that is not JSON ("{"token":"ab")'],
		])('a login that keeps failing with %s is a server fault, never "wrong password"', async (_name, scripted, words) => {
			for (let attempt = 0; attempt < 4; attempt++) api.state.loginScript.push(scripted);
			const result = await run(2, { continueOnFail: true });
			expect(api.state.loginAttempts).toBe(4);
			for (const item of result.items) {
				expect(item.json.error).toBe(`Probe could not log in: ${words}. This is a server or gateway fault, not a problem with the credentials (tried 4 times)`);
				expect(JSON.stringify(item.json)).not.toMatch(/password (wrong|rejected)|check the username/i);
			}
		});

		it('an unreachable login says so, after retries', async () => {
			const id = harness.addCredential('probeApi', { baseUrl: 'http://127.0.0.1:1', user: `nobody-${Math.random()}`, password: PASSWORD, token: '' });
			const result = await run(1, { credential: id });
			expect(result.error?.message).toBe('Could not reach Probe to log in (connection refused): check the base URL in the credential and that the server is online (tried 4 times)');
		});

		it('the class of the failure, not its wording, marks a login failure', async () => {
			api.state.script.push([500, { message: 'Probe login failed: words that only look like a login failure' }]);
			await run(1);
			api.state.script.push([500, { message: 'Probe login failed: words that only look like a login failure' }]);
			const result = await run(1);
			expect(result.error?.message).toBe('Probe returned HTTP 500');
		});
	});

	describe('connections that break', () => {
		it('a reset on a GET is retried and the item succeeds', async () => {
			await run(1);
			api.state.script.push({ reset: true });
			const result = await run(1);
			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(1);
		});

		it('a reset on a POST is not retried, and the error says the request may or may not have been processed', async () => {
			await run(1);
			api.state.script.push({ reset: true });
			const before = api.state.calls;
			const result = await run(1, { method: 'POST' });
			expect(api.state.calls - before).toBe(1);
			expect(result.error?.message).toBe('The connection to Probe broke before its answer arrived');
			expect(result.error?.description).toContain('the POST request may or may not have been processed. Check in Probe before you run it again');
			expect(result.error?.description).not.toContain('base URL');
		});

		it('an answer later than the timeout is retried for a GET', async () => {
			const realTimeout = requestTimeout.ms;
			requestTimeout.ms = 200;
			try {
				await run(1);
				api.state.script.push({ delayMs: 600 });
				const result = await run(1);
				expect(result.error).toBeUndefined();
				expect(result.items[0].json.late).toBeUndefined();
			} finally {
				requestTimeout.ms = realTimeout;
			}
		});
	});
});
