import type { ErrorHint, ProviderSpec } from '../../shared/transport/types';
import { providerText } from '../../shared/transport/errors';
import { normaliseBaseUrl } from '../../shared/transport/url';

/** Keys the plugin insists on when creating (reference §3.1); it answers their absence with HTTP 200 text. */
export const REQUIRED_ON_CREATE: Record<string, string[]> = {
	contact: ['name', 'contact_type'],
	activities: ['title'],
	activitytypes: ['name'],
	tags: ['name'],
	countries: ['name', 'abbreviation', 'is_active'],
	states: ['name'],
	districts: ['name'],
	villages: ['name'],
};

const collectionOf = (path: string) => path.split('/').filter(Boolean)[1] ?? '';

function permissionAdvice(path: string, method: string): string {
	const collection = collectionOf(path) || path;
	return `In the Strapi admin open Settings → Roles & Permissions → the user's role → CRM-PLUGIN and tick the ${method === 'GET' ? 'find/findOne' : 'create/update/delete'} action of "${collection}".`;
}

function explainStatus(status: number, body: unknown, request: { method: string; path: string }): ErrorHint | undefined {
	const said = providerText(body);
	switch (status) {
		case 400:
			if (said && /entry\.notFound|of null|reading 'contacttags'/.test(said)) {
				return { message: 'The CRM Platform record was not found', description: 'Check the ID.' };
			}
			return { message: `CRM Platform rejected the request: ${said ?? 'bad request'}` };
		case 401:
			return {
				message: 'CRM Platform rejected the JWT (HTTP 401)',
				description: 'The token is invalid or expired. With a login credential n8n logs in again by itself; with a pasted JWT, paste a new one.',
			};
		case 403:
			return { message: 'The CRM Platform account is not allowed to do this (HTTP 403)', description: permissionAdvice(request.path, request.method) };
		case 404:
			return { message: 'The CRM Platform record or route was not found (HTTP 404)', description: 'Check the ID and that the base URL is the Strapi server root.' };
		default:
			return undefined;
	}
}

/** The plugin reports missing keys with HTTP 200 and a plain-text body (reference §5 C4/C5). */
function bodyError(body: unknown, request: { method: string; path: string }): ErrorHint | undefined {
	if (typeof body !== 'string' || request.method === 'GET' && /^\d+$/.test(body.trim())) return undefined;
	const required = REQUIRED_ON_CREATE[collectionOf(request.path)];
	return {
		message: `CRM Platform rejected the request: ${body.trim() || 'empty answer'}`,
		description: required ? `Creating a record here needs: ${required.join(', ')}.` : undefined,
	};
}

export function crmPlatformSpec(credentialType: 'crmPlatformApi' | 'crmPlatformJwtApi'): ProviderSpec {
	return {
		displayName: 'CRM Platform',
		credentialType,
		apiBase: (credentials) => ({ root: normaliseBaseUrl(credentials.baseUrl) }),
		explainStatus,
		bodyError,
		secretFields: ['password', 'jwt'],
		forbiddenPath: (_method, path) =>
			/^\/crm-plugin\/generateRoutes/i.test(path) || /^\/auth\/(local\/register|forgot-password|reset-password)/.test(path)
				? `Refusing to call ${path}: it changes the server's configuration or accounts. Do this in the Strapi admin.`
				: undefined,
	};
}
