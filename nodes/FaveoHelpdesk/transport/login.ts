import type { ICredentialDataDecryptedObject, IHttpRequestHelper, IHttpRequestOptions } from 'n8n-workflow';

import { providerText } from '../../shared/transport/errors';
import { loginForToken } from '../../shared/transport/login';
import { normaliseBaseUrl } from '../../shared/transport/url';

export const faveoApiRoot = (credentials: ICredentialDataDecryptedObject) => `${normaliseBaseUrl(credentials.baseUrl)}/api`;

function explainFailure(status: number | undefined, body: unknown): string {
	const answer = (body ?? {}) as { error?: unknown; result?: unknown };
	if (answer.error === 'invalid_credentials') return 'username or password invalid (or the account is inactive)';
	if (answer.result === 'wrong api key') return 'the API key is wrong (Admin → API shows the current key)';
	if (answer.result === 'please enable api') return 'the API is disabled: enable it under Admin → API';
	if (status === 404) return 'no Faveo API at this base URL (HTTP 404): include any sub-path such as /public';
	const said = providerText(body);
	return status === undefined ? `Faveo answered without a token${said ? `: ${said}` : ''}` : `HTTP ${status}${said ? `: ${said}` : ''}`;
}

/**
 * `POST api/v1/authenticate` with the credentials in the JSON body, never the URL. Faveo answers a bad
 * login with HTTP 200 (reference §2.1), so "no token in the answer" is the failure signal.
 */
export async function faveoLogin(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<string> {
	const root = faveoApiRoot(credentials);
	const body: Record<string, unknown> = { username: credentials.username, password: credentials.password };
	if (credentials.apiKey) body.api_key = credentials.apiKey;
	const request: IHttpRequestOptions = { method: 'POST', url: `${root}/v1/authenticate`, body };
	return await loginForToken(this.helpers, {
		providerName: 'Faveo Helpdesk',
		identity: [root, credentials.username, credentials.password],
		// A token Faveo refused without a 401 arrives as `expiredToken` next to an emptied `token`.
		currentToken: credentials.token || credentials.expiredToken,
		request,
		readToken: (answer) => (answer as { token?: unknown } | undefined)?.token,
		explainFailure,
		secrets: [credentials.password, credentials.apiKey],
	});
}
