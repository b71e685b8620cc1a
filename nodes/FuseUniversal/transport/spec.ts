import type { ErrorHint, ProviderSpec } from '../../shared/transport/types';
import { providerText } from '../../shared/transport/errors';
import { fuseApiRoot } from './login';

function explainStatus(status: number, body: unknown, request: { path: string }): ErrorHint | undefined {
	const said = providerText(body);
	const manage = request.path.startsWith('/manage');
	switch (status) {
		case 401:
			return {
				message: manage ? 'Fuse refused the request (HTTP 401): the account may not be an admin' : 'Fuse refused the token even after logging in again (HTTP 401)',
				description: 'Managing users needs an admin account. A deactivated account or a changed password also ends its session.',
			};
		case 403:
			return { message: 'The Fuse account is not allowed to do this (HTTP 403)', description: manage ? 'Managing users needs an admin account.' : undefined };
		case 404:
			return { message: 'The Fuse record or endpoint was not found (HTTP 404)', description: 'Check the ID, and that this endpoint exists in the API version set in the credential.' };
		case 422:
			return { message: `Fuse rejected the data: ${said ?? 'validation failed'}` };
		default:
			return undefined;
	}
}

export const fuseSpec: ProviderSpec = {
	displayName: 'Fuse Universal',
	credentialType: 'fuseUniversalApi',
	apiBase: (credentials) => ({ root: fuseApiRoot(credentials) }),
	explainStatus,
	// The error envelope carries `success: false`; Fuse may use it on 2xx answers too (reference §5).
	bodyError: (body) =>
		body && typeof body === 'object' && (body as { success?: unknown }).success === false
			? { message: `Fuse Universal rejected the request: ${providerText(body) ?? 'unsuccessful'}` }
			: undefined,
	secretFields: ['password', 'authToken'],
	forbiddenPath: (method, path) =>
		method !== 'GET' && /^\/session\b/.test(path) ? 'Refusing to call /session: the credential logs in by itself.' : undefined,
};
