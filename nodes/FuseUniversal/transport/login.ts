import type { ICredentialDataDecryptedObject, IHttpRequestHelper } from 'n8n-workflow';

import { providerText } from '../../shared/transport/errors';
import { loginForToken } from '../../shared/transport/login';
import { normaliseBaseUrl } from '../../shared/transport/url';

export function fuseApiRoot(credentials: ICredentialDataDecryptedObject): string {
	const version = String(credentials.apiVersion || 'v5.0').trim().replace(/^\/+|\/+$/g, '');
	return `${normaliseBaseUrl(credentials.baseUrl)}/api/${version}`;
}

function explainFailure(status: number | undefined, body: unknown): string {
	const said = providerText(body);
	const flags = body as { password_change_required?: boolean; terms_and_conditions_accepted?: boolean } | undefined;
	if (flags?.password_change_required) return 'the account must change its password in Fuse first';
	if (flags?.terms_and_conditions_accepted === false) return 'the account must accept the terms and conditions in Fuse first';
	if (status === undefined) return `no authentication token in the answer${said ? ` (${said})` : ''}: check the instance URL and API version`;
	if (status === 404) return 'no Fuse API at this address (HTTP 404): check the instance URL and API version';
	return `login name or password rejected (HTTP ${status}${said ? `: ${said}` : ''})`;
}

/** `POST /api/<version>/session` → `auth_tokens.user_authentication_token.authentication_token` (reference §2.1). */
export async function fuseLogin(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<string> {
	const root = fuseApiRoot(credentials);
	const fields = { login_name: credentials.loginName, password: credentials.password };
	const asForm = credentials.loginFormat === 'form';
	return await loginForToken(this.helpers, {
		providerName: 'Fuse Universal',
		identity: [root, credentials.loginName, credentials.password],
		currentToken: credentials.authToken,
		request: {
			method: 'POST',
			url: `${root}/session`,
			body: asForm ? new URLSearchParams(fields as Record<string, string>).toString() : fields,
			headers: asForm ? { 'Content-Type': 'application/x-www-form-urlencoded' } : undefined,
			json: !asForm,
		},
		readToken: (body) => {
			const parsed = typeof body === 'string' ? safeJson(body) : body;
			return (parsed as { auth_tokens?: { user_authentication_token?: { authentication_token?: unknown } } })?.auth_tokens?.user_authentication_token?.authentication_token;
		},
		explainFailure,
		secrets: [credentials.password],
	});
}

function safeJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}
