import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { normaliseBaseUrl } from '../../shared/transport/url';

const DEFAULT_VERSION = 'v5.0';

/** The API root, e.g. https://acme.fuseuniversal.com/api/v5.0: used by the node and the login. */
export function fuseApiRoot(credentials: ICredentialDataDecryptedObject): string {
	const version = String(credentials.apiVersion || DEFAULT_VERSION).trim().replace(/^\/+|\/+$/g, '');
	return `${normaliseBaseUrl(credentials.baseUrl)}/api/${version}`;
}

/** The same root as an n8n expression, for the credential's Test request. */
export const fuseApiRootExpression = `={{$credentials.baseUrl.trim().replace(/\\/+$/, "")}}/api/{{String($credentials.apiVersion || "${DEFAULT_VERSION}").trim().replace(/^\\/+|\\/+$/g, "")}}`;
