import { createHash } from 'crypto';

/** A token issued this recently is handed to callers that start cold, instead of logging in again. */
const FRESH_MS = 10_000;

interface IssuedToken {
	token: string;
	issuedAt: number;
}

const inFlight = new Map<string, Promise<string>>();
const newest = new Map<string, IssuedToken>();

/** A non-secret key for "this login at this server": the password only enters as part of a hash. */
export function loginFingerprint(...parts: unknown[]): string {
	return createHash('sha256').update(parts.map((part) => String(part ?? '')).join('\u0000')).digest('hex');
}

export class LoginFailedError extends Error {
	name = 'LoginFailedError';
}

/**
 * Single-flight login shared by every request of a process: concurrent callers for the same
 * fingerprint share one HTTP login, and a caller whose token was already replaced gets the
 * replacement instead of logging in again (which would revoke it on single-session servers).
 */
export async function sharedLogin(
	fingerprint: string,
	failedToken: string,
	login: () => Promise<string>,
	now: () => number = Date.now,
): Promise<string> {
	const known = newest.get(fingerprint);
	if (known && failedToken !== '' && known.token !== failedToken) return known.token;
	if (known && failedToken === '' && now() - known.issuedAt < FRESH_MS) return known.token;
	const pending = inFlight.get(fingerprint);
	if (pending) return await pending;
	const attempt = login()
		.then((token) => {
			newest.set(fingerprint, { token, issuedAt: now() });
			return token;
		})
		.finally(() => inFlight.delete(fingerprint));
	inFlight.set(fingerprint, attempt);
	return await attempt;
}
