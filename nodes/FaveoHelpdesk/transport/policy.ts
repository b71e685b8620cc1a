import type { IDataObject } from 'n8n-workflow';

import { FaveoHelpdeskApi } from '../../../credentials/FaveoHelpdeskApi.credentials';
import { isRecord } from '../../shared/transport/answer';
import type { Answer } from '../../shared/transport/answer';
import { looksLikeHtml, providerText, secretFieldsOf, tokenFieldOf } from '../../shared/transport/errors';
import type { ApiRequest, ErrorHint, ProviderSpec } from '../../shared/transport/types';
import { faveoLoginIdentity, isFaveoThrottle, untilNextMinute } from './login';
import { faveoApiRoot } from './url';

/** How Faveo 1.9 refuses a token: `token_expired` comes with HTTP 200, so n8n's own 401 refresh never starts. */
const REFUSED_TOKEN = ['token_expired', 'token_invalid', 'token_not_provided', 'user_not_found'];

/**
 * Endpoints the package never calls, matched on the decoded path the way Faveo routes it, in any
 * letter case. `GET helpdesk/api_key` regenerates the site's API key even when percent-encoded
 * (Laravel decodes the path before routing).
 */
const NEVER_CALL: Array<[RegExp, string]> = [
	[/^\/v1\/helpdesk\/api_key(?![\w-])/i, 'it regenerates the site’s API key and breaks every other integration'],
	[/^\/v1\/(database|system)-config(?![\w-])/i, 'it belongs to the installer'],
	[/^\/v1\/helpdesk\/(url|check-url)(?![\w-])/i, 'it makes the server fetch arbitrary URLs'],
];

/** Faveo's words about a failure, without the `file`/`line` (server paths) it adds to caught exceptions. */
function faveoText(body: unknown): string | undefined {
	if (!isRecord(body)) return providerText(body);
	const record: IDataObject = { ...body };
	delete record.file;
	delete record.line;
	const nested = isRecord(record.response) ? record.response.error : undefined;
	if (typeof nested === 'string') return nested;
	if (isRecord(record.error)) return providerText(record.error);
	return providerText(record);
}

/** `{"error":{"ticket_id":["The selected ticket id is invalid."]}}`: Faveo's answer for a ticket id it does not have. */
function missingTicket(body: IDataObject, request: ApiRequest): string | undefined {
	const messages = isRecord(body.error) ? body.error.ticket_id : undefined;
	if (!Array.isArray(messages) || !messages.some((text) => /selected ticket id is invalid/i.test(String(text)))) return undefined;
	const sent = request.qs?.ticket_id ?? (isRecord(request.body) ? request.body.ticket_id : undefined);
	return sent === undefined ? 'The Faveo ticket was not found' : `Faveo ticket ${String(sent)} was not found`;
}

/** Faveo reports most failures with HTTP 200: any of these keys means the request failed. */
function bodyError(answer: Answer, request: ApiRequest): ErrorHint | undefined {
	const body = answer.json;
	if (!isRecord(body)) return undefined;
	if (body.result === 'wrong api key') {
		const onGet = request.method === 'GET' ? ' If this server checks the key on every request, turn on "Server Checks the API Key on Every Request" in the credential.' : '';
		return { message: 'Faveo rejected the API key', description: `Check the API key in the credential (Admin → API).${onGet}` };
	}
	if (body.result === 'please enable api') return { message: 'The Faveo API is disabled', description: 'Enable it under Admin → API.' };
	const notFound = missingTicket(body, request);
	if (notFound) return { message: notFound, description: `Faveo said: ${faveoText(body)}` };
	const failed = body.error !== undefined || body.success === false || (isRecord(body.response) && body.response.error !== undefined);
	return failed ? { message: `Faveo Helpdesk reported an error: ${faveoText(body) ?? 'unknown error'}` } : undefined;
}

function explainStatus(status: number, body: unknown): ErrorHint | undefined {
	if (isFaveoThrottle(status, body) || looksLikeHtml(body)) return undefined;
	const said = faveoText(body);
	if (status === 401) return { message: 'Faveo refused the token even after logging in again (HTTP 401)', description: 'Check that the account is active and may use the API.' };
	if (status === 422) return { message: `Faveo rejected the data: ${said ?? 'validation failed'}` };
	if (status === 404) return { message: 'The Faveo endpoint or record was not found (HTTP 404)', description: 'Check the ID, and that the base URL includes any sub-path such as /public.' };
	return said ? { message: `Faveo Helpdesk returned HTTP ${status}: ${said}` } : undefined;
}

/** How Faveo Helpdesk fails and what the node does about it. */
export const faveoPolicy: ProviderSpec = {
	displayName: 'Faveo Helpdesk',
	credentialType: 'faveoHelpdeskApi',
	apiBase: (credentials) => ({ root: faveoApiRoot(credentials) }),
	loginIdentity: faveoLoginIdentity,
	explainStatus,
	bodyError,
	explainUnexpected: () =>
		'Check the base URL in the credential, including any sub-path such as /public; if it is right, Faveo or a proxy in front of it had a problem: run it again later.',
	isRateLimited: isFaveoThrottle,
	rateLimitRetryAfter: () => untilNextMinute(),
	tokenField: tokenFieldOf(new FaveoHelpdeskApi()),
	expiredToken: (status, body) => (status === 200 || status === 400 || status === 404) && REFUSED_TOKEN.includes(String((body as { error?: unknown } | undefined)?.error)),
	// Faveo allows 60 requests a minute per IP, logins included. On a token expiry n8n itself sends two
	// more that the kernel cannot pace (its login, and its resend after the 401): 58 keeps that minute at 60.
	pacing: { perMinute: 58 },
	secretFields: secretFieldsOf(new FaveoHelpdeskApi()),
	forbiddenPath: (_method, path) => {
		const hit = NEVER_CALL.find(([pattern]) => pattern.test(path));
		return hit ? `Refusing to call ${path}: ${hit[1]}.` : undefined;
	},
};
