import { newAdmin, useFuse } from './setup';

const me = { resource: 'user', operation: 'getMe' };

describe('Fuse Universal token life-cycle through n8n-core', () => {
	const fuse = useFuse({ seedUsers: 30 });

	it('cold start logs in once (JSON body, no secrets in URLs), persists the token, and the next run reuses it', async () => {
		const credentialId = fuse.addCredential(newAdmin(fuse.emulator));
		const first = await fuse.run(me, Array.from({ length: 5 }, () => ({})), { credentialId });
		expect(first.error).toBeUndefined();
		expect(first.items).toHaveLength(5);
		expect(fuse.emulator.counters.logins).toBe(1);
		const login = fuse.calls().find((request) => request.path.endsWith('/session'))!;
		expect(login.method).toBe('POST');
		expect(JSON.stringify(login.query)).toBe('{}');
		const token = fuse.harness.credentialData(credentialId).authToken;
		expect(typeof token).toBe('string');
		expect(String(token).length).toBeGreaterThan(0);
		expect(fuse.calls().every((request) => !JSON.stringify(request.query).includes(String(token)))).toBe(true);
		await fuse.run(me, [{}], { credentialId });
		expect(fuse.emulator.counters.logins).toBe(1);
	});

	it('rotation mid-run over 200 items: exactly one extra login and no failed item', async () => {
		const credentialId = fuse.addCredential(newAdmin(fuse.emulator));
		await fuse.run(me, [{}], { credentialId });
		fuse.emulator.resetCounters();
		// The warm-up used the token once; it rotates after its 150th call, i.e. mid-run.
		fuse.emulator.setConfig({ rotateEveryRequests: 150 });
		try {
			const result = await fuse.run(me, Array.from({ length: 200 }, () => ({})), { credentialId });
			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(200);
			expect(result.items.every((item) => item.json.error === undefined)).toBe(true);
			expect(fuse.emulator.counters.logins).toBe(1);
			expect(fuse.emulator.counters.unauthorized).toBe(1);
		} finally {
			fuse.emulator.setConfig({ rotateEveryRequests: 0 });
		}
	});

	it('a forced expiry costs exactly one re-login', async () => {
		const credentialId = fuse.addCredential(newAdmin(fuse.emulator));
		await fuse.run(me, [{}], { credentialId });
		fuse.emulator.expireTokens();
		fuse.emulator.resetCounters();
		const result = await fuse.run(me, Array.from({ length: 10 }, () => ({})), { credentialId });
		expect(result.items).toHaveLength(10);
		expect(fuse.emulator.counters.logins).toBe(1);
		expect(fuse.emulator.counters.unauthorized).toBe(1);
	});

	it('20 parallel cold executions share one login (single-flight), even on a single-session server', async () => {
		fuse.emulator.setConfig({ singleSession: true });
		try {
			// A login identity no other test used, so no recently issued token can be shared.
			const ids = Array.from({ length: 20 }, () => fuse.addCredential({ loginName: 'lena.learner@acme-learning.test', password: 'Learn3r-Secret-Pass!' }));
			const results = await Promise.all(ids.map(async (credentialId) => await fuse.run(me, [{}], { credentialId })));
			expect(results.every((result) => result.error === undefined)).toBe(true);
			expect(fuse.emulator.counters.logins).toBe(1);
		} finally {
			fuse.emulator.setConfig({ singleSession: false });
		}
	});

	it('a wrong password fails clearly after one login request and stores no token', async () => {
		const credentialId = fuse.addCredential({ password: 'Wrong-Password-9!' });
		const result = await fuse.run(me, [{}, {}], { credentialId });
		expect(result.error?.message).toContain('Fuse Universal login failed: login name or password rejected (HTTP 401');
		expect(fuse.emulator.counters.failedLogins).toBe(1);
		expect(fuse.harness.credentialData(credentialId).authToken).toBe('');
		expect(JSON.stringify(result.error)).not.toContain('Wrong-Password-9!');
	});

	it('a learner token on /manage gets a clear "not an admin" error', async () => {
		const credentialId = fuse.addCredential({ loginName: 'lena.learner', password: 'Learn3r-Secret-Pass!' });
		const result = await fuse.run({ resource: 'user', operation: 'getAll', returnAll: false, limit: 5 }, [{}], { credentialId });
		expect(result.error?.message).toContain('may not be an admin');
	});
});
