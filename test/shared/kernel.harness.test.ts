/** The kernel through n8n-core's real request path: logins, refresh, retries, body errors, item loop. */
import { retryClock } from '../../nodes/shared/transport/retry';
import { NodeHarness } from '../harness/runNode';
import { Probe, ProbeApi } from '../harness/probe';
import { json, startProbeServer } from '../harness/probeServer';

const PASSWORD = 'correct horse battery';

/** A token server: /login issues tokens, /things needs a live one; counters for assertions. */
function tokenServer() {
	const state = { logins: 0, failedLogins: 0, live: new Set<string>(), calls: 0, unauthorized: 0, script: [] as Array<[number, unknown, Record<string, string>?]> };
	return {
		state,
		handler: (req: import('http').IncomingMessage, body: string, res: import('http').ServerResponse) => {
			if (req.url === '/login') {
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
			if (scripted) return json(res, scripted[0], scripted[1], scripted[2]);
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

	const run = async (items = 1, options: { continueOnFail?: boolean; path?: string } = {}) =>
		await harness.run({
			parameters: { method: 'GET', path: options.path ?? '/things' },
			items: Array.from({ length: items }, (_, index) => ({ index })),
			credentials: { probeApi: credentialId },
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
			expect(result.error?.message).toBe('Probe login failed: no token in the answer ({"error":"invalid_credentials","status_code":401})');
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
		expect(result.items[1].json.description).toContain('no such thing');
		expect(result.items[1].json.httpCode).toBe('404');
		expect(result.items[2].json).toEqual({ ok: 3 });
	});

	it('without continueOnFail the run stops with the item index', async () => {
		api.state.script.push([200, { ok: 1 }], [500, { message: 'boom' }]);
		const result = await run(3);
		expect(result.error?.message).toBe('Probe returned HTTP 500');
		expect(result.error?.context?.itemIndex).toBe(1);
		expect(api.state.calls).toBe(2);
	});
});
