import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { normaliseBaseUrl } from '../../shared/transport/url';

/** The API root, e.g. https://help.example.com/public/api: used by the node, the login and the credential Test. */
export const faveoApiRoot = (credentials: ICredentialDataDecryptedObject): string => `${normaliseBaseUrl(credentials.baseUrl)}/api`;

/** The same root as an n8n expression, for the credential's Test request. */
export const faveoApiRootExpression = '={{$credentials.baseUrl.trim().replace(/\\/+$/, "")}}/api';
