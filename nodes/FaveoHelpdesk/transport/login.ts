import type { ICredentialDataDecryptedObject, IHttpRequestHelper } from 'n8n-workflow';

import { providerText } from '../../shared/transport/errors';
import { loginForToken } from '../../shared/transport/login';
import { pacingClock } from '../../shared/transport/pacing';
import { faveoApiRoot } from './url';

/** Whose session this is: the same for the login and for the node's requests. A changed API key is a new login. */
export const faveoLoginIdentity = (credentials: ICredentialDataDecryptedObject) => [faveoApiRoot(credentials), credentials.username, credentials.password, credentials.apiKey];

/**
 * Faveo allows 60 requests a minute per client, logins included. Faveo 1.9 answers 429 with
 * Retry-After; Faveo 2.x turns its throttle into HTTP 500 "Too Many Attempts." without Retry-After.
 */
export const isFaveoThrottle = (status: number, body: unknown): boolean =>
	status === 429 || (status === 500 && /Too Many Attempts/i.test(providerText(body) ?? ''));

/**
 * Seconds until just after the next minute boundary, for a throttle answer without Retry-After.
 * Faveo's window runs 60 s from its first request, which a client cannot see: if the window is still
 * closed at the boundary, the next retry a minute later always finds it open.
 */
export const untilNextMinute = (now = pacingClock.now()): string => String(Math.ceil((60_000 - (now % 60_000)) / 1000) + 1);

/** Faveo's words when it refuses the login (always with HTTP 200); undefined when the answer is not a refusal. */
function refusal(_status: number, json: unknown): string | undefined {
	const answer = (json ?? {}) as { error?: unknown; result?: unknown };
	if (answer.error === 'invalid_credentials') return 'the username or password is wrong, or the account is inactive (Faveo gives the same answer for both)';
	if (answer.result === 'wrong api key') return 'the API key is wrong (Admin → API shows the current key)';
	if (answer.result === 'please enable api') return 'the API is disabled: enable it under Admin → API';
	return undefined;
}

/**
 * `POST api/v1/authenticate` with the credentials (and the API key, when set) in the JSON body, never
 * in the URL. Faveo answers a refused login with HTTP 200, and a failed token creation
 * (`could_not_create_token`) with HTTP 200 too: that one is a server fault and is retried.
 */
export async function faveoLogin(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<string> {
	const body: Record<string, unknown> = { username: credentials.username, password: credentials.password };
	if (credentials.apiKey) body.api_key = credentials.apiKey;
	return await loginForToken(this.helpers, {
		providerName: 'Faveo Helpdesk',
		identity: faveoLoginIdentity(credentials),
		currentToken: credentials.token,
		request: { method: 'POST', url: `${faveoApiRoot(credentials)}/v1/authenticate`, body, headers: { Accept: 'application/json' } },
		readToken: (json) => (json as { token?: unknown } | undefined)?.token,
		refusal,
		urlHint: 'check the base URL in the credential, including any sub-path such as /public',
		isRateLimited: isFaveoThrottle,
		rateLimitRetryAfter: () => untilNextMinute(),
		secrets: [credentials.password, credentials.apiKey],
	});
}
