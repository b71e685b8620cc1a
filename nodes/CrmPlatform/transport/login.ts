import type { ICredentialDataDecryptedObject, IHttpRequestHelper } from 'n8n-workflow';

import { providerText } from '../../shared/transport/errors';
import { loginForToken } from '../../shared/transport/login';
import { crmPlatformApiRoot } from './url';

/** Whose session this is: the same for the login and for the node's requests. */
export const crmPlatformLoginIdentity = (credentials: ICredentialDataDecryptedObject) => [crmPlatformApiRoot(credentials), credentials.identifier, credentials.password];

const ADMIN_PANEL_HINT = 'Use a users-permissions account of the Strapi app (not an admin-panel login).';

/**
 * Strapi's words when it refuses the login: HTTP 400 with its Boom envelope
 * (`message: [{ messages: [{ id: "Auth.form.error.invalid", message }] }]`) for a wrong
 * identifier or password, a blocked or unconfirmed account. Anything else is not a refusal.
 */
function refusal(status: number, json: unknown): string | undefined {
	if (status !== 400) return undefined;
	const said = providerText(json);
	if (!said) return undefined;
	return said === 'Identifier or password invalid.' ? `identifier or password invalid. ${ADMIN_PANEL_HINT}` : said;
}

/** `POST /auth/local` → `{ jwt }`, shared by concurrent callers. */
export async function crmPlatformLogin(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<string> {
	return await loginForToken(this.helpers, {
		providerName: 'CRM Platform',
		identity: crmPlatformLoginIdentity(credentials),
		currentToken: credentials.jwt,
		request: { method: 'POST', url: `${crmPlatformApiRoot(credentials)}/auth/local`, body: { identifier: credentials.identifier, password: credentials.password } },
		readToken: (json) => (json as { jwt?: unknown } | undefined)?.jwt,
		refusal,
		urlHint: 'check that the base URL in the credential is the root of the Strapi server',
		secrets: [credentials.password],
	});
}
