import { FuseUniversalApi } from '../../../credentials/FuseUniversalApi.credentials';
import { providerText, secretFieldsOf, tokenFieldOf } from '../../shared/transport/errors';
import type { ErrorHint, ProviderSpec } from '../../shared/transport/types';
import { fuseLoginIdentity } from './login';
import { fuseApiRoot } from './url';

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

/** How Fuse Universal fails and what the node does about it. */
export const fusePolicy: ProviderSpec = {
	displayName: 'Fuse Universal',
	credentialType: 'fuseUniversalApi',
	apiBase: (credentials) => ({ root: fuseApiRoot(credentials) }),
	loginIdentity: fuseLoginIdentity,
	tokenField: tokenFieldOf(new FuseUniversalApi()),
	explainStatus,
	// Fuse's error envelope carries `success: false`, and Fuse may send it with a 2xx status too.
	bodyError: (answer) =>
		(answer.json as { success?: unknown } | undefined)?.success === false
			? { message: `Fuse Universal rejected the request: ${providerText(answer.json) ?? 'unsuccessful'}` }
			: undefined,
	explainUnexpected: () => 'Check the instance URL and the API version in the credential; if they are right, Fuse or a proxy in front of it had a problem: run it again later.',
	secretFields: secretFieldsOf(new FuseUniversalApi()),
	forbiddenPath: (method, path) =>
		method !== 'GET' && /^\/session\b/i.test(path) ? 'Refusing to call /session: the credential logs in by itself.' : undefined,
};
