import type { ICredentialDataDecryptedObject, IHttpRequestHelper } from 'n8n-workflow';

import { providerText } from '../../shared/transport/errors';
import { loginForToken } from '../../shared/transport/login';
import { fuseApiRoot } from './url';

/** Whose session this is: the same for the login and for the node's requests. */
export const fuseLoginIdentity = (credentials: ICredentialDataDecryptedObject) => [fuseApiRoot(credentials), credentials.loginName, credentials.password];

/** Fuse's words when it refuses the login; undefined when the answer is not a refusal. */
function refusal(status: number, json: unknown): string | undefined {
	const answer = (json ?? {}) as { success?: unknown; password_change_required?: boolean; terms_and_conditions_accepted?: boolean };
	if (answer.password_change_required) return 'the account must change its password in Fuse first';
	if (answer.terms_and_conditions_accepted === false) return 'the account must accept the terms and conditions in Fuse first';
	const said = providerText(json);
	if ([400, 401, 403, 422].includes(status) || answer.success === false) return `login name or password rejected (HTTP ${status}${said ? `: ${said}` : ''})`;
	return undefined;
}

/** `POST /session` → `auth_tokens.user_authentication_token.authentication_token`, JSON or form body. */
export async function fuseLogin(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<string> {
	const fields = { login_name: credentials.loginName, password: credentials.password };
	const asForm = credentials.loginFormat === 'form';
	return await loginForToken(this.helpers, {
		providerName: 'Fuse Universal',
		identity: fuseLoginIdentity(credentials),
		currentToken: credentials.authToken,
		request: {
			method: 'POST',
			url: `${fuseApiRoot(credentials)}/session`,
			body: asForm ? new URLSearchParams(fields as Record<string, string>).toString() : fields,
			headers: asForm ? { 'Content-Type': 'application/x-www-form-urlencoded' } : undefined,
		},
		readToken: (json) => (json as { auth_tokens?: { user_authentication_token?: { authentication_token?: unknown } } })?.auth_tokens?.user_authentication_token?.authentication_token,
		refusal,
		urlHint: 'check the instance URL and the API version in the credential',
		secrets: [credentials.password],
	});
}
