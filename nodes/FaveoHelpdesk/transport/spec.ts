import type { ErrorHint, ProviderSpec } from '../../shared/transport/types';
import { providerText } from '../../shared/transport/errors';
import { faveoApiRoot } from './login';

const EXPIRED = ['token_expired', 'token_invalid', 'token_not_provided', 'user_not_found'];
const NEVER_CALL: Array<[RegExp, string]> = [
	[/^\/v1\/helpdesk\/api_key\b/i, 'it regenerates the site’s API key and breaks every other integration'],
	[/^\/v1\/(database|system)-config\b/i, 'it belongs to the installer'],
	[/^\/v1\/helpdesk\/(url|check-url)\b/i, 'it makes the server fetch arbitrary URLs'],
];

/** Drops `file`/`line` (server paths) that Faveo adds to caught exceptions (reference §5 F3). */
function faveoText(body: unknown): string | undefined {
	if (body && typeof body === 'object' && !Array.isArray(body)) {
		const record = { ...(body as Record<string, unknown>) };
		delete record.file;
		delete record.line;
		const nested = (record.response as { error?: unknown } | undefined)?.error;
		if (typeof nested === 'string') return nested;
		if (record.error && typeof record.error === 'object') return providerText(record.error);
		return providerText(record);
	}
	return providerText(body);
}

/** Faveo reports most failures with HTTP 200 (reference §5): any of these keys means it failed. */
function bodyError(body: unknown): ErrorHint | undefined {
	if (typeof body === 'string') {
		return /^\s*</.test(body) ? { message: 'Faveo answered with a web page instead of JSON', description: 'The server had an internal error, or the base URL is wrong.' } : undefined;
	}
	if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
	const answer = body as { error?: unknown; result?: unknown; success?: unknown; response?: { error?: unknown } };
	if (answer.result === 'wrong api key') return { message: 'Faveo rejected the API key', description: 'Check the API key in the credential (Admin → API).' };
	if (answer.result === 'please enable api') return { message: 'The Faveo API is disabled', description: 'Enable it under Admin → API.' };
	const failed = answer.error !== undefined || answer.success === false || answer.response?.error !== undefined;
	return failed ? { message: `Faveo Helpdesk reported an error: ${faveoText(body) ?? 'unknown error'}` } : undefined;
}

function explainStatus(status: number, body: unknown): ErrorHint | undefined {
	const said = faveoText(body);
	if (status === 401) return { message: 'Faveo refused the token even after logging in again (HTTP 401)', description: 'Check that the account is active and may use the API.' };
	if (status === 422) return { message: `Faveo rejected the data: ${said ?? 'validation failed'}` };
	if (status === 404) return { message: 'The Faveo endpoint or record was not found (HTTP 404)', description: 'Check the ID, and that the base URL includes any sub-path such as /public.' };
	return said ? { message: `Faveo Helpdesk returned HTTP ${status}: ${said}` } : undefined;
}

/** Seconds until the next minute boundary: Faveo's throttle window (reference §6). */
export const untilNextMinute = (now = Date.now()) => String(Math.ceil((60_000 - (now % 60_000)) / 1000) + 1);

export const faveoSpec: ProviderSpec = {
	displayName: 'Faveo Helpdesk',
	credentialType: 'faveoHelpdeskApi',
	apiBase: (credentials) => ({ root: faveoApiRoot(credentials) }),
	explainStatus,
	bodyError,
	// v2.x turns its throttle into HTTP 500 "Too Many Attempts." without Retry-After; v1.9 uses 429.
	isRateLimited: (status, body) => status === 429 || (status === 500 && /Too Many Attempts/i.test(faveoText(body) ?? '')),
	rateLimitRetryAfter: () => untilNextMinute(),
	expiredToken: {
		field: 'token',
		test: (status, body) => (status === 200 || status === 400 || status === 404) && EXPIRED.includes(String((body as { error?: unknown } | undefined)?.error)),
	},
	pacing: { perMinute: 55 },
	secretFields: ['password', 'apiKey', 'token'],
	forbiddenPath: (_method, path) => {
		const hit = NEVER_CALL.find(([pattern]) => pattern.test(path));
		return hit ? `Refusing to call ${path}: ${hit[1]}.` : undefined;
	},
};
