import { CrmPlatformApi } from '../../../credentials/CrmPlatformApi.credentials';
import { CrmPlatformJwtApi } from '../../../credentials/CrmPlatformJwtApi.credentials';
import type { Answer } from '../../shared/transport/answer';
import { providerText, secretFieldsOf, tokenFieldOf } from '../../shared/transport/errors';
import type { ApiRequest, ErrorHint, ProviderSpec } from '../../shared/transport/types';
import { aRecord, collectionAt } from '../helpers/collections';
import { crmPlatformLoginIdentity } from './login';
import { crmPlatformApiRoot } from './url';

/**
 * The plugin's answers for a record that does not exist, besides a 404: `entry.notFound` (an update),
 * or a controller reading a property of the missing row ("Cannot read property 'contacttags' of
 * null" for a tag, 'individual' when deleting a contact; newer Node versions word it "Cannot read
 * properties of null (reading '…')").
 */
const MISSING_RECORD = /^entry\.notFound$|^Cannot read propert(y '\w+' of null|ies of null \(reading '\w+'\))$/;

/** Database texts for a field name the table does not have (a filter or sort on an unknown field). */
const UNKNOWN_FIELD = /ER_BAD_FIELD_ERROR|Unknown column|does not exist|no such column/;

function recordName(path: string): { name: string; id?: string } {
	const found = collectionAt(path);
	if (found) return { name: `${found.collection.label.toLowerCase()}${found.id ? ` ${found.id}` : ''}`, id: found.id };
	const id = /\/users\/(\d+)$/.exec(path)?.[1];
	return { name: id ? `user ${id}` : 'record', id };
}

function notFound(request: ApiRequest, status: number): ErrorHint {
	return { message: `CRM Platform ${recordName(request.path).name} was not found (HTTP ${status})`, description: 'Check the ID.' };
}

function permissionAdvice(path: string, method: string): string {
	const collection = path.split('/').filter(Boolean)[1] ?? path;
	return `In the Strapi admin open Settings → Roles & Permissions → the user's role → CRM-PLUGIN and tick the ${method === 'GET' ? 'find/findOne' : 'create/update/delete'} action of "${collection}".`;
}

function explainStatus(status: number, body: unknown, request: ApiRequest): ErrorHint | undefined {
	const said = providerText(body);
	switch (status) {
		case 400:
			if (said && MISSING_RECORD.test(said) && recordName(request.path).id) return notFound(request, status);
			return {
				message: `CRM Platform rejected the request: ${said ?? 'bad request'}`,
				description: said && UNKNOWN_FIELD.test(said) ? 'A field in the filters or the sort does not exist here: use the API’s field names, e.g. updated_at or individual.first_name.' : undefined,
			};
		case 401:
			return {
				message: 'CRM Platform rejected the JWT (HTTP 401)',
				description: 'The token is invalid or expired. With a login credential n8n logs in again by itself; with a pasted JWT, paste a new one.',
			};
		case 403:
			return { message: 'The CRM Platform account is not allowed to do this (HTTP 403)', description: permissionAdvice(request.path, request.method) };
		case 404:
			if (recordName(request.path).id) return notFound(request, status);
			return { message: 'CRM Platform has no such route (HTTP 404)', description: 'Check that the base URL in the credential is the root of the Strapi server and that the crm-plugin is installed there.' };
		default:
			return undefined;
	}
}

/** The plugin refuses a create whose required keys are missing with HTTP 200 and one of these texts. */
const PLAIN_TEXT_REFUSALS = ['Required Parameters are missing', 'Parameters are empty'];

function bodyError(answer: Answer, request: ApiRequest): ErrorHint | undefined {
	if (request.method !== 'POST' && request.method !== 'PUT') return undefined;
	const text = answer.text?.trim();
	if (!text || !PLAIN_TEXT_REFUSALS.includes(text)) return undefined;
	const found = request.method === 'POST' ? collectionAt(request.path) : undefined;
	const creates = found && !found.id ? found.collection : undefined;
	return {
		message: `CRM Platform rejected the request: ${text}`,
		description: creates ? `Creating ${aRecord(creates)} needs: ${creates.requiredOnCreate.join(', ')}.` : undefined,
	};
}

const REFUSED_PATHS = /^\/(crm-plugin\/generateRoutes|auth\/local\/register|auth\/forgot-password|auth\/reset-password)(\/|$)/i;

/** How CRM Platform fails and what the node does about it, with the login credential (username and password). */
export const crmPlatformPolicy: ProviderSpec = {
	displayName: 'CRM Platform',
	credentialType: 'crmPlatformApi',
	apiBase: (credentials) => ({ root: crmPlatformApiRoot(credentials) }),
	loginIdentity: crmPlatformLoginIdentity,
	tokenField: tokenFieldOf(new CrmPlatformApi()),
	explainStatus,
	bodyError,
	explainUnexpected: () =>
		'Check that the base URL in the credential is the root of the Strapi server (the plugin’s routes live under /crm-plugin); if it is, the server or a proxy in front of it had a problem: run it again later.',
	secretFields: secretFieldsOf(new CrmPlatformApi()),
	// Strapi routes paths without regard to case, so neither does this check.
	forbiddenPath: (_method, path) =>
		REFUSED_PATHS.test(path) ? `Refusing to call ${path}: it changes the server's configuration or accounts. Do this in the Strapi admin.` : undefined,
};

/** The same with a pasted JWT: no login of its own, and the token itself is the secret. */
export const crmPlatformJwtPolicy: ProviderSpec = {
	...crmPlatformPolicy,
	credentialType: 'crmPlatformJwtApi',
	loginIdentity: undefined,
	tokenField: undefined,
	secretFields: secretFieldsOf(new CrmPlatformJwtApi()),
};
