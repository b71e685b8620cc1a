import { FAILED_LOGIN_MEMORY_MS, LoginFailedError, loginFailureSince, loginFingerprint, markTokenRefused, sharedLogin, tokensHandedOnSince } from '../../nodes/shared/transport/session';

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let serial = 0;
/** A fingerprint no other test uses: the session store is shared by the whole process. */
const fresh = (password = 'pw') => loginFingerprint(`https://host-${++serial}.test`, 'ann', password);

describe('sharedLogin', () => {
	it('collapses 10 concurrent logins for one credential into one HTTP login', async () => {
		const fingerprint = fresh();
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
		const fingerprint = fresh();
		let logins = 0;
		const login = async () => `token-${++logins}`;
		markTokenRefused('expired-token');
		const first = await sharedLogin(fingerprint, 'expired-token', login);
		const second = await sharedLogin(fingerprint, 'expired-token', login);
		expect([first, second, logins]).toEqual(['token-1', 'token-1', 1]);
		// The replacement itself refused means it really expired: log in again.
		markTokenRefused('token-1');
		expect(await sharedLogin(fingerprint, 'token-1', login)).toBe('token-2');
	});

	it('a cold caller gets the newest token unless the provider refused it', async () => {
		const fingerprint = fresh();
		let logins = 0;
		const login = async () => `cold-token-${++logins}`;
		await sharedLogin(fingerprint, '', login);
		expect(await sharedLogin(fingerprint, '', login)).toBe('cold-token-1');
		markTokenRefused('cold-token-1');
		expect(await sharedLogin(fingerprint, '', login)).toBe('cold-token-2');
	});

	it('knows which tokens it handed on without a login since a moment', async () => {
		const fingerprint = fresh();
		let clock = 1_000;
		const now = () => clock;
		const login = async () => `token-at-${clock}`;
		const first = await sharedLogin(fingerprint, '', login, now);
		const requestStarted = (clock += 10);
		expect(tokensHandedOnSince(fingerprint, requestStarted)).toEqual([]);
		clock += 10;
		expect(await sharedLogin(fingerprint, 'stale-from-the-store', login, now)).toBe(first);
		expect(tokensHandedOnSince(fingerprint, requestStarted)).toEqual([first]);
		expect(tokensHandedOnSince(fingerprint, clock + 1)).toEqual([]);
	});

	it('remembers a failed login for a minute and gives it to every caller without another attempt', async () => {
		const fingerprint = fresh('wrong');
		let logins = 0;
		let now = 1_000_000;
		const failing = async () => {
			logins++;
			await delay(10);
			throw new LoginFailedError('bad password', 'rejected');
		};
		const results = await Promise.allSettled(Array.from({ length: 5 }, () => sharedLogin(fingerprint, '', failing, () => now)));
		expect(results.every((result) => result.status === 'rejected')).toBe(true);
		for (let item = 0; item < 100; item++) await expect(sharedLogin(fingerprint, '', failing, () => now)).rejects.toThrow('bad password');
		expect(logins).toBe(1);
		expect(loginFailureSince(fingerprint, now)?.kind).toBe('rejected');
		now += FAILED_LOGIN_MEMORY_MS;
		await expect(sharedLogin(fingerprint, '', failing, () => now)).rejects.toThrow('bad password');
		expect(logins).toBe(2);
	});

	it('a changed password is a new fingerprint: tried at once, even while the old one is remembered as failed', async () => {
		const wrong = loginFingerprint('https://changed.test', 'ann', 'old-password');
		await expect(sharedLogin(wrong, '', async () => Promise.reject(new LoginFailedError('refused', 'rejected')))).rejects.toThrow('refused');
		const right = loginFingerprint('https://changed.test', 'ann', 'new-password');
		expect(await sharedLogin(right, '', async () => 'new-token')).toBe('new-token');
	});

	it('keeps credentials with different passwords apart and never contains the password', () => {
		expect(loginFingerprint('https://a.test', 'ann', 'one')).not.toBe(loginFingerprint('https://a.test', 'ann', 'two'));
		expect(loginFingerprint('https://a.test', 'ann', 'secret-password')).not.toContain('secret');
	});
});
