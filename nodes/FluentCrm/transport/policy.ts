import { FluentCrmApi } from '../../../credentials/FluentCrmApi.credentials';
import type { Answer } from '../../shared/transport/answer';
import { looksLikeHtml, providerText, secretFieldsOf } from '../../shared/transport/errors';
import type { ErrorHint, ProviderSpec } from '../../shared/transport/types';
import { fluentApiBase } from './url';

const PRO_PERMISSIONS =
	'View Contacts, Manage Contacts, View Reports and Manage Campaigns (fcrm_read_contacts, fcrm_manage_contacts, fcrm_view_dashboard, fcrm_manage_emails)';

const REST_STYLE_ADVICE =
	'Sites without pretty permalinks need REST Style "?rest_route=" in the credential. Also check the WordPress Site URL, including any sub-folder.';

function forbidden(path: string, body: unknown): ErrorHint {
	if (looksLikeHtml(body)) {
		return {
			message: 'A firewall or security plugin on the WordPress site blocked the request (HTTP 403)',
			description: 'The answer was a web page, not FluentCRM: allow the n8n server in the site’s firewall or security plugin.',
		};
	}
	if (path.startsWith('/companies')) {
		return {
			message: 'FluentCRM refused the Companies request (HTTP 403)',
			description: 'Enable the Companies module in FluentCRM → Settings → Experimental Features; FluentCRM answers 403 while it is off, even for administrators.',
		};
	}
	return {
		message: 'The WordPress account has no FluentCRM permission for this request (HTTP 403)',
		description: `On free FluentCRM only administrators may use the API. With FluentCampaign Pro a manager needs at least ${PRO_PERMISSIONS}.`,
	};
}

function notFound(body: unknown): ErrorHint {
	// A web page instead of JSON, or WordPress' own "no route", means the address is not FluentCRM's REST API.
	if (typeof body === 'string' || (body as { code?: string } | undefined)?.code === 'rest_no_route') {
		return {
			message: 'FluentCRM’s REST API was not found at this address (HTTP 404)',
			description: `Check that FluentCRM is installed and active. ${REST_STYLE_ADVICE}`,
		};
	}
	return { message: 'The FluentCRM record was not found', description: 'Check the ID.' };
}

function explainStatus(status: number, body: unknown, request: { path: string }): ErrorHint | undefined {
	const said = providerText(body);
	switch (status) {
		case 401:
			return {
				message: 'WordPress rejected the username or application password (HTTP 401)',
				description:
					'Use an application password (not the login password). WordPress accepts application passwords only over HTTPS or on sites marked local, and some hosts strip the Authorization header (pass HTTP_AUTHORIZATION through in .htaccess).',
			};
		case 403:
			return forbidden(request.path, body);
		case 404:
			return notFound(body);
		case 422:
			return said && /not found/i.test(said)
				? { message: `FluentCRM: ${said}`, description: 'Check the ID or email.' }
				: { message: `FluentCRM rejected the data: ${said ?? 'validation failed'}` };
		case 423:
			return { message: 'FluentCRM reported a database error (HTTP 423)', description: 'This usually means a parameter had an invalid value.' };
		default:
			if (status >= 500 && looksLikeHtml(body)) {
				return {
					message: `FluentCRM crashed while handling the request (HTTP ${status})`,
					description: 'WordPress showed its "critical error" page: check the site’s PHP error log.',
				};
			}
			return undefined;
	}
}

/**
 * A WordPress site that does not route the REST address (plain permalinks, a wrong sub-folder)
 * redirects the request to one of its pages, which answers 200 with HTML or with nothing at all.
 */
function explainUnexpected(answer: Answer): string {
	if (answer.empty || looksLikeHtml(answer.text)) {
		return `WordPress answered with a web page (or nothing) instead of FluentCRM’s API. ${REST_STYLE_ADVICE}`;
	}
	return `The answer was cut off or is not FluentCRM’s: the site or a proxy in front of it had a problem, so run it again later. If it persists: ${REST_STYLE_ADVICE}`;
}

const DESTRUCTIVE_ROUTES = [/^\/setting\/reset_db/i, /^\/setting\/(system|activity)-logs\/reset/i];

/** How FluentCRM fails and what the node does about it. */
export const fluentCrmPolicy: ProviderSpec = {
	displayName: 'FluentCRM',
	credentialType: 'fluentCrmApi',
	apiBase: fluentApiBase,
	explainStatus,
	explainUnexpected,
	secretFields: secretFieldsOf(new FluentCrmApi()),
	ignoreSslField: 'ignoreSslIssues',
	forbiddenPath(_method, path) {
		return DESTRUCTIVE_ROUTES.some((route) => route.test(path))
			? `Refusing to call ${path}: it erases FluentCRM data or logs. Do this in the WordPress admin instead.`
			: undefined;
	},
};
