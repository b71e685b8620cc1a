import type { ErrorHint, ProviderSpec } from '../../shared/transport/types';
import { providerText } from '../../shared/transport/errors';
import { normaliseBaseUrl } from '../../shared/transport/url';

interface Envelope {
	WasSuccessful?: boolean;
	Message?: string;
	Errors?: Array<{ PropertyName?: string; Message?: string }> | null;
}

/** `Message` plus each `PropertyName: Message` of a failed action envelope (reference §5). */
export function envelopeText(body: unknown): string | undefined {
	const envelope = body as Envelope | undefined;
	if (!envelope || typeof envelope !== 'object' || envelope.WasSuccessful !== false) return undefined;
	const details = (envelope.Errors ?? []).map((error) => `${error.PropertyName ?? 'Record'}: ${error.Message ?? 'invalid'}`);
	const parts = [envelope.Message, ...details].filter((part): part is string => !!part && part.trim() !== '');
	return [...new Set(parts)].join('; ') || 'the request was not successful';
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
			return { message: 'The Nexudus record was not found', description: 'Check the ID.' };
		case 409:
			return { message: 'Nexudus is rate limiting the requests (HTTP 409)', description: 'The node waited and retried as Nexudus asked. Try again later, or process fewer items per run.' };
		default:
			return providerText(body) ? { message: `Nexudus returned HTTP ${status}: ${providerText(body)}` } : undefined;
	}
}

export const nexudusSpec: ProviderSpec = {
	displayName: 'Nexudus',
	credentialType: 'nexudusApi',
	apiBase: (credentials) => ({ root: normaliseBaseUrl(credentials.baseUrl || 'https://spaces.nexudus.com/api') }),
	explainStatus,
	bodyError: (body) => {
		const failed = envelopeText(body);
		return failed ? { message: `Nexudus rejected the request: ${failed}` } : undefined;
	},
	// 409 is Nexudus' rate-limit reply (kept for legacy reasons instead of 429).
	isRateLimited: (status) => status === 409,
	// Documented budgets (reference §6): 1 per 100 ms, 120 per minute; writes 60 per minute.
	pacing: { minIntervalMs: 100, perMinute: 120, writesPerMinute: 60 },
	secretFields: ['password'],
};
