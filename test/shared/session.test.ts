import { LoginFailedError, loginFingerprint, sharedLogin } from '../../nodes/shared/transport/session';

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('sharedLogin', () => {
	it('collapses 10 concurrent logins for one credential into one HTTP login', async () => {
		const fingerprint = loginFingerprint('https://a.test', 'ann', 'pw-1');
		let logins = 0;
		const login = async () => {
			logins++;
			await delay(20);
			return `token-${logins}`;
		};
		const tokens = await Promise.all(Array.from({ length: 10 }, () => sharedLogin(fingerprint, '', login)));
		expect(logins).toBe(1);
		expect(new Set(tokens)).toEqual(new Set(['token-1']));
	});

	it('hands a caller whose token was already replaced the replacement instead of logging in', async () => {
		const fingerprint = loginFingerprint('https://b.test', 'ann', 'pw');
		let logins = 0;
		const login = async () => `token-${++logins}`;
		const first = await sharedLogin(fingerprint, 'expired-token', login);
		const second = await sharedLogin(fingerprint, 'expired-token', login);
		expect([first, second, logins]).toEqual(['token-1', 'token-1', 1]);
		// The replacement itself failing means it really expired: log in again.
		expect(await sharedLogin(fingerprint, 'token-1', login)).toBe('token-2');
	});

	it('logs in again on a cold start once the last token is no longer fresh', async () => {
		const fingerprint = loginFingerprint('https://c.test', 'ann', 'pw');
		let logins = 0;
		let now = 1_000_000;
		const login = async () => `token-${++logins}`;
		await sharedLogin(fingerprint, '', login, () => now);
		now += 5_000;
		expect(await sharedLogin(fingerprint, '', login, () => now)).toBe('token-1');
		now += 60_000;
		expect(await sharedLogin(fingerprint, '', login, () => now)).toBe('token-2');
	});

	it('shares a failed login with every waiting caller and does not cache the failure', async () => {
		const fingerprint = loginFingerprint('https://d.test', 'ann', 'wrong');
		let logins = 0;
		const failing = async () => {
			logins++;
			await delay(10);
			throw new LoginFailedError('bad password');
		};
		const results = await Promise.allSettled(Array.from({ length: 5 }, () => sharedLogin(fingerprint, '', failing)));
		expect(results.every((result) => result.status === 'rejected')).toBe(true);
		expect(logins).toBe(1);
		await expect(sharedLogin(fingerprint, '', failing)).rejects.toThrow('bad password');
		expect(logins).toBe(2);
	});

	it('keeps credentials with different passwords apart', () => {
		expect(loginFingerprint('https://a.test', 'ann', 'one')).not.toBe(loginFingerprint('https://a.test', 'ann', 'two'));
		expect(loginFingerprint('https://a.test', 'ann', 'secret-password')).not.toContain('secret');
	});
});
