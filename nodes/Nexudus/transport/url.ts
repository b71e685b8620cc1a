import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { normaliseBaseUrl } from '../../shared/transport/url';

/** One host serves every Nexudus account; the credentials choose the account. */
const DEFAULT_API_ROOT = 'https://spaces.nexudus.com/api';

/** The API root, e.g. https://spaces.nexudus.com/api: used by the node, the trigger and the credential. */
export function nexudusApiRoot(credentials: ICredentialDataDecryptedObject): string {
	return normaliseBaseUrl(String(credentials.baseUrl ?? '').trim() || DEFAULT_API_ROOT);
}

/** The same root as an n8n expression, for the credential's Test request. */
export const nexudusApiRootExpression = `={{(String($credentials.baseUrl || "").trim() || "${DEFAULT_API_ROOT}").replace(/\\/+$/, "")}}`;
