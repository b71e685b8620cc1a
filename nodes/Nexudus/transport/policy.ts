import { NexudusApi } from '../../../credentials/NexudusApi.credentials';
import { isRecord } from '../../shared/transport/answer';
import { looksLikeHtml, providerText, secretFieldsOf } from '../../shared/transport/errors';
import type { ErrorHint, ProviderSpec } from '../../shared/transport/types';
import { nexudusApiRoot } from './url';

interface Envelope {
	WasSuccessful?: boolean;
	Message?: string;
	Errors?: Array<{ PropertyName?: string; Message?: string }> | null;
}

/**
 * `Message` plus each `PropertyName: Message` of a failed action answer. Nexudus sends these with
 * HTTP 400 (validation, carrying `Status: 500` inside) and with HTTP 200 (business rules, commands).
 */
export function envelopeText(body: unknown): string | undefined {
	if (!isRecord(body) || body.WasSuccessful !== false) return undefined;
	const envelope = body as Envelope;
	const details = (envelope.Errors ?? []).map((error) => `${error.PropertyName ?? 'Record'}: ${error.Message ?? 'invalid'}`);
	const parts = [envelope.Message, ...details].filter((part): part is string => !!part && part.trim() !== '');
	return [...new Set(parts)].join('; ') || 'the request was not successful';
}

/** Nexudus says a record does not exist with HTTP 404 and the bare JSON string "Not found". */
export function isRecordNotFound(status: number, body: unknown): boolean {
	return status === 404 && typeof body === 'string' && body.trim().replace(/^"|"$/g, '').trim().toLowerCase() === 'not found';
}

function explainStatus(status: number, body: unknown, request: { path: string }): ErrorHint | undefined {
	const failed = envelopeText(body);
	if (failed) return { message: `Nexudus rejected the request: ${failed}` };
	const entity = request.path.split('/').filter(Boolean)[1] ?? 'this entity';
	switch (status) {
		case 401:
			return {
				message: 'Nexudus refused the credentials or the permission (HTTP 401)',
				description: `Either the email or password is wrong, the user has no "API Access" (Users → user → Status tab), or the user lacks the role for ${entity} (e.g. Coworker-List). Nexudus answers all of these with 401.`,
			};
		case 404:
			if (isRecordNotFound(status, body)) return { message: 'The Nexudus record was not found', description: 'Nexudus has no record with this ID. Check the ID.' };
			// n8n 1.x does not hand a plain-text error body to nodes: then the two 404s look alike.
			if (body === undefined) {
				return { message: 'The Nexudus record or endpoint was not found (HTTP 404)', description: 'Check the ID, and the API base URL in the credential (normally https://spaces.nexudus.com/api).' };
			}
			return { message: 'Nexudus has no such endpoint (HTTP 404)', description: 'Check the API base URL in the credential (normally https://spaces.nexudus.com/api) and the path.' };
		case 409:
			return { message: 'Nexudus is rate limiting the requests (HTTP 409)', description: 'The node waited and retried as Nexudus asked. Try again later, or process fewer items per run.' };
		default:
			// Web pages (gateways, proxies) get the kernel's wording; Nexudus' own answers are JSON.
			return !looksLikeHtml(body) && providerText(body) ? { message: `Nexudus returned HTTP ${status}: ${providerText(body)}` } : undefined;
	}
}

/** How Nexudus fails and what the node does about it. */
export const nexudusPolicy: ProviderSpec = {
	displayName: 'Nexudus',
	credentialType: 'nexudusApi',
	apiBase: (credentials) => ({ root: nexudusApiRoot(credentials) }),
	explainStatus,
	bodyError: (answer) => {
		const failed = envelopeText(answer.json);
		return failed ? { message: `Nexudus rejected the request: ${failed}` } : undefined;
	},
	explainUnexpected: () =>
		'Check the API base URL in the credential (normally https://spaces.nexudus.com/api); if it is right, Nexudus or a proxy in front of it had a problem: run it again later.',
	// Nexudus answers 409 (not 429) when a client goes over its request budget.
	isRateLimited: (status) => status === 409,
	// Nexudus' documented budgets: one request per 100 ms and 120 a minute; 60 writes a minute.
	pacing: { minIntervalMs: 100, perMinute: 120, writesPerMinute: 60 },
	secretFields: secretFieldsOf(new NexudusApi()),
};
