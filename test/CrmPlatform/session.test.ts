import { useCrmPlatform, withJwt } from './setup';

const me = { resource: 'user', operation: 'getMe' };

describe('CRM Platform logins through n8n-core', () => {
	const crm = useCrmPlatform({ tokenTtlSeconds: 3600 });

	// Each test logs in under an identity of its own (the email in another case): the shared login hands
	// a token it already has for an identity to every credential with that identity.
	it('logs in once, persists the JWT, and the second run does not log in', async () => {
		const credentialId = crm.addCredential({ identifier: 'demo@example.org' });
		const first = await crm.run(me, [{}, {}, {}], { credentialId });
		expect(first.items[0].json).toMatchObject({ username: 'demo' });
		expect(crm.emulator.counters.logins).toBe(1);
		expect(String(crm.harness.credentialData(credentialId).jwt).split('.')).toHaveLength(3);
		const login = crm.calls().find((request) => request.path.endsWith('/auth/local'))!;
		expect(login.body).toMatchObject({ identifier: 'demo@example.org' });
		expect(login.query).toEqual({});
		await crm.run(me, [{}], { credentialId });
		expect(crm.emulator.counters.logins).toBe(1);
	});

	it('an expired JWT costs exactly one re-login and no failed item', async () => {
		const credentialId = crm.addCredential({ identifier: 'Demo@Example.org' });
		await crm.run(me, [{}], { credentialId });
		crm.emulator.advanceClock(3601);
		crm.emulator.resetCounters();
		const result = await crm.run(me, Array.from({ length: 20 }, () => ({})), { credentialId });
		expect(result.items).toHaveLength(20);
		expect(result.items.every((item) => item.json.username === 'demo')).toBe(true);
		expect(crm.emulator.counters.logins).toBe(1);
		expect(crm.emulator.counters.unauthorized).toBe(1);
	});

	it('a newer token this process would hand on, but which the server dropped meanwhile (another queue-mode worker saw it), is replaced by one real login: no failed item', async () => {
		const mine = crm.addCredential({ identifier: 'DEMO@example.org' });
		expect((await crm.run(me, [{}], { credentialId: mine })).items[0].json).toMatchObject({ username: 'demo' });
		// Another worker logged in a little later with the same account and stored its token; then the server dropped every token.
		crm.emulator.advanceClock(2);
		const othersToken = crm.emulator.issueToken(1);
		const stored = crm.addCredential({ identifier: 'DEMO@example.org', jwt: othersToken });
		crm.emulator.expireTokens();
		crm.emulator.resetCounters();
		const result = await crm.run(me, [{}, {}, {}], { credentialId: stored });
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.username)).toEqual(['demo', 'demo', 'demo']);
		expect(crm.emulator.counters.logins).toBe(1);
		const storedToken = String(crm.harness.credentialData(stored).jwt);
		expect((await fetch(`${crm.emulator.siteUrl}/users/me`, { headers: { Authorization: `Bearer ${storedToken}` } })).status).toBe(200);
	});

	it('a wrong password: "identifier or password invalid", one attempt, no token stored', async () => {
		const credentialId = crm.addCredential({ password: 'wrong-pass' });
		const result = await crm.run(me, [{}], { credentialId });
		expect(result.error?.message).toBe('CRM Platform login failed: identifier or password invalid. Use a users-permissions account of the Strapi app (not an admin-panel login).');
		expect(crm.emulator.counters.failedLogins).toBe(1);
		expect(crm.harness.credentialData(credentialId).jwt).toBe('');
	});

	it('the pasted-JWT credential works, and an expired one says to paste a new one', async () => {
		const jwt = crm.emulator.issueToken(1);
		const good = crm.harness.addCredential('crmPlatformJwtApi', { baseUrl: crm.emulator.siteUrl, jwt });
		expect((await crm.run(me, [{}], withJwt(good))).items[0].json).toMatchObject({ username: 'demo' });
		crm.emulator.expireTokens();
		const expired = await crm.run(me, [{}], withJwt(good));
		expect(expired.error?.message).toBe('CRM Platform rejected the JWT (HTTP 401)');
		expect(expired.error?.description).toContain('paste a new one');
		expect(crm.emulator.counters.logins).toBe(0);
	});

	it('a role without permission gets advice on which action to tick', async () => {
		const credentialId = crm.addCredential({ identifier: 'viewer', password: 'viewer123' });
		const result = await crm.run({ resource: 'tag', operation: 'create', name: 'VIP' }, [{}], { credentialId });
		expect(result.error?.message).toBe('The CRM Platform account is not allowed to do this (HTTP 403)');
		expect(result.error?.description).toContain('Roles & Permissions');
	});
});
