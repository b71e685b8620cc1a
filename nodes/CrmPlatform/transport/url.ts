import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { normaliseBaseUrl } from '../../shared/transport/url';

/**
 * The Strapi server root (plugin routes under /crm-plugin, logins under /auth, users under /users):
 * used by the node, the login and the credentials' Test alike.
 */
export function crmPlatformApiRoot(credentials: ICredentialDataDecryptedObject): string {
	return normaliseBaseUrl(credentials.baseUrl);
}

/** The same root as an n8n expression, for the credentials' Test request. */
export const crmPlatformApiRootExpression = '={{$credentials.baseUrl.trim().replace(/\\/+$/, "")}}';
