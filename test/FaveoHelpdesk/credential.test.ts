import { retryClock } from '../../nodes/shared/transport/retry';
import { useFaveo } from './setup';

const getTicket = { resource: 'ticket', operation: 'get', ticketId: '1' };

describe('Faveo credential behaviour', () => {
	const faveo = useFaveo({ apiKeyMandatory: true, apiKey: 'Zq8sYv2LmT4nRb7KcW1pXe9dHf3gJu6A' });
	const apiKey = 'Zq8sYv2LmT4nRb7KcW1pXe9dHf3gJu6A';

	it('a bad password answered with HTTP 200 is a clear error after one login attempt, and no token is stored', async () => {
		const credentialId = faveo.addCredential({ password: 'not-the-password', apiKey });
		const result = await faveo.run(getTicket, [{}], { credentialId });
		expect(result.error?.message).toBe('Faveo Helpdesk login failed: username or password invalid (or the account is inactive)');
		expect(faveo.emulator.counters.failedLogins).toBe(1);
		expect(faveo.harness.credentialData(credentialId).token).toBe('');
		expect(JSON.stringify(result.error)).not.toContain('not-the-password');
	});

	it('a wrong API key is named as such', async () => {
		const credentialId = faveo.addCredential({ apiKey: 'wrongwrongwrongwrongwrongwrong12' });
		const result = await faveo.run(getTicket, [{}], { credentialId });
		expect(result.error?.message).toBe('Faveo Helpdesk login failed: the API key is wrong (Admin → API shows the current key)');
		expect(JSON.stringify(result.error)).not.toContain('wrongwrongwrong');
	});

	it('sends the API key on every call (query for GET, body for POST) and works', async () => {
		const credentialId = faveo.addCredential({ apiKey });
		expect((await faveo.run(getTicket, [{}], { credentialId })).error).toBeUndefined();
		const result = await faveo.run({ resource: 'ticket', operation: 'reply', ticketId: '1', replyContent: 'Looking into it right now.' }, [{}], { credentialId });
		expect(result.error).toBeUndefined();
		const calls = faveo.calls();
		expect(calls.find((request) => request.method === 'GET')?.query).toHaveProperty('api_key');
		expect(calls.find((request) => request.path.endsWith('/helpdesk/reply'))?.body).toHaveProperty('api_key');
	});

	it('token placement "query" sends ?token= for servers that strip Authorization', async () => {
		faveo.emulator.setConfig({ stripAuthorization: true });
		try {
			const credentialId = faveo.addCredential({ apiKey, placement: 'query' });
			const result = await faveo.run(getTicket, [{}], { credentialId });
			expect(result.error).toBeUndefined();
			expect(faveo.emulator.counters.tokenFrom).toMatchObject({ query: 1 });
		} finally {
			faveo.emulator.setConfig({ stripAuthorization: false });
		}
	});
});

describe('Faveo throttling (HTTP 500 "Too Many Attempts.")', () => {
	const faveo = useFaveo({ rateLimit: 5 });
	const waits: number[] = [];
	const realSleep = retryClock.sleep;
	afterAll(() => {
		retryClock.sleep = realSleep;
	});

	it('waits for the next minute window and retries instead of failing the run', async () => {
		retryClock.sleep = async (ms) => {
			waits.push(ms);
			(faveo.emulator as unknown as { resetThrottle(): void }).resetThrottle();
		};
		const result = await faveo.run({ resource: 'ticket', operation: 'get', ticketId: '={{ $json.id }}' }, Array.from({ length: 8 }, () => ({ id: 1 })));
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(8);
		expect(faveo.emulator.counters.throttled).toBeGreaterThan(0);
		expect(waits.length).toBeGreaterThan(0);
		expect(waits.every((ms) => ms > 0 && ms <= 61_000)).toBe(true);
	});
});
