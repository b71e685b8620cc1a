import type { ICredentialDataDecryptedObject, IHttpRequestHelper } from 'n8n-workflow';

import { providerText } from '../../shared/transport/errors';
import { loginForToken } from '../../shared/transport/login';
import { normaliseBaseUrl } from '../../shared/transport/url';

function explainFailure(status: number | undefined, body: unknown): string {
	const said = providerText(body);
	if (status === 400 && said) {
		return said === 'Identifier or password invalid.'
			? 'identifier or password invalid. Use a users-permissions account of the Strapi app (not an admin-panel login).'
			: said;
	}
	if (status === 404 || status === 405) return `no Strapi login at ${'/auth/local'} (HTTP ${status}): check the base URL`;
	if (status === undefined) return 'the server answered without a JWT: check the base URL points at the Strapi server';
	return `HTTP ${status}${said ? `: ${said}` : ''}`;
}

/** `POST /auth/local` → `{ jwt }` (reference §2.1), shared by concurrent callers. */
export async function crmPlatformLogin(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<string> {
	const baseUrl = normaliseBaseUrl(credentials.baseUrl);
	return await loginForToken(this.helpers, {
		providerName: 'CRM Platform',
		identity: [baseUrl, credentials.identifier, credentials.password],
		currentToken: credentials.jwt,
		request: { method: 'POST', url: `${baseUrl}/auth/local`, body: { identifier: credentials.identifier, password: credentials.password } },
		readToken: (body) => (body as { jwt?: unknown } | undefined)?.jwt,
		explainFailure,
		secrets: [credentials.password],
	});
}
