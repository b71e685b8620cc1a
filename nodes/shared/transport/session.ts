import { createHash } from 'crypto';

/** How long a failed login is answered from memory instead of being tried again (accounts lock after failed logins). */
export const FAILED_LOGIN_MEMORY_MS = 60_000;
const REFUSED_TOKENS_KEPT = 200;

/**
 * Why a login failed: the provider refused the credential, the credential points at no login
 * endpoint, the server or a gateway failed (5xx, a web page, a broken answer), or nothing answered.
 */
export type LoginFailureKind = 'rejected' | 'misconfigured' | 'server' | 'unreachable';

export class LoginFailedError extends Error {
	name = 'LoginFailedError';

	constructor(
		message: string,
		readonly kind: LoginFailureKind,
	) {
		super(message);
	}
}

interface RememberedFailure {
	error: LoginFailedError;
	at: number;
	/** Last time a caller was given this failure (from a real attempt or from memory). */
	servedAt: number;
}

const inFlight = new Map<string, Promise<string>>();
const newest = new Map<string, string>();
const failures = new Map<string, RememberedFailure>();
const refused = new Set<string>();
/** Per fingerprint: tokens handed out without a login (another caller's newer one), each with its latest time. */
const handedOn = new Map<string, Map<string, number>>();
const HANDED_ON_TOKENS_KEPT = 20;

/** A non-secret key for "this login at this server": the password only enters as part of a hash. */
export function loginFingerprint(...parts: unknown[]): string {
	return createHash('sha256').update(parts.map((part) => String(part ?? '')).join('\u0000')).digest('hex');
}

/** A token the provider refused: never handed out again, even if it is the newest one known. */
export function markTokenRefused(token: unknown): void {
	if (typeof token !== 'string' || token === '') return;
	refused.add(token);
	if (refused.size > REFUSED_TOKENS_KEPT) refused.delete(refused.values().next().value as string);
}

/**
 * The tokens this process handed on without a login since `since`, oldest first. Another process (a
 * queue-mode worker) can see such a token refused without this one knowing, so a request refused
 * again after a hand-on has the token marked refused and logs in for real.
 */
export function tokensHandedOnSince(fingerprint: string, since: number): string[] {
	return [...(handedOn.get(fingerprint) ?? [])].filter(([, at]) => at >= since).map(([token]) => token);
}

/** The login failure a request of this credential met since `since`, if any. */
export function loginFailureSince(fingerprint: string, since: number): LoginFailedError | undefined {
	const remembered = failures.get(fingerprint);
	return remembered && remembered.servedAt >= since ? remembered.error : undefined;
}

function rememberedFailure(fingerprint: string, now: number): RememberedFailure | undefined {
	const remembered = failures.get(fingerprint);
	if (remembered && now - remembered.at < FAILED_LOGIN_MEMORY_MS) return remembered;
	failures.delete(fingerprint);
	return undefined;
}

/**
 * Single-flight login shared by every request of a process. Concurrent callers for the same
 * fingerprint share one HTTP login; a caller whose token was replaced gets the replacement instead of
 * logging in again (which would revoke it on single-session servers); a failed login is given to
 * every caller for a minute instead of being repeated per item. A changed password is a new
 * fingerprint, so it is tried at once.
 */
export async function sharedLogin(
	fingerprint: string,
	currentToken: string,
	login: () => Promise<string>,
	now: () => number = Date.now,
): Promise<string> {
	const failure = rememberedFailure(fingerprint, now());
	if (failure) {
		failure.servedAt = now();
		throw failure.error;
	}
	const known = newest.get(fingerprint);
	if (known !== undefined && !refused.has(known) && known !== currentToken) {
		const tokens = handedOn.get(fingerprint) ?? new Map<string, number>();
		tokens.delete(known);
		tokens.set(known, now());
		if (tokens.size > HANDED_ON_TOKENS_KEPT) tokens.delete(tokens.keys().next().value as string);
		handedOn.set(fingerprint, tokens);
		return known;
	}
	const pending = inFlight.get(fingerprint);
	if (pending) return await pending;
	const attempt = login()
		.then((token) => {
			failures.delete(fingerprint);
			newest.set(fingerprint, token);
			return token;
		})
		.catch((error: unknown) => {
			if (error instanceof LoginFailedError) failures.set(fingerprint, { error, at: now(), servedAt: now() });
			throw error;
		})
		.finally(() => inFlight.delete(fingerprint));
	inFlight.set(fingerprint, attempt);
	return await attempt;
}
