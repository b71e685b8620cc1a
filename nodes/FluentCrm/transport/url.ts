import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { ApiBase } from '../../shared/transport/types';
import { normaliseBaseUrl } from '../../shared/transport/url';

const NAMESPACE = '/fluent-crm/v2';

/** A REST address pasted instead of the site address (…/wp-json or …/wp-json/fluent-crm/v2). */
const PASTED_REST_PATH = /\/wp-json(\/.*)?$/i;

/** The WordPress site address, with any sub-folder: https://example.com/blog. */
export function fluentSiteUrl(credentials: ICredentialDataDecryptedObject): string {
	return normaliseBaseUrl(credentials.siteUrl).replace(PASTED_REST_PATH, '').replace(/\/+$/, '');
}

/**
 * FluentCRM's API root. Sites without pretty permalinks only answer the REST API through
 * `?rest_route=`; with /wp-json they redirect to a web page instead.
 */
export function fluentApiBase(credentials: ICredentialDataDecryptedObject): ApiBase {
	const site = fluentSiteUrl(credentials);
	const root = `${site}/wp-json${NAMESPACE}`;
	return credentials.restStyle === 'restRoute' ? { root, restRoute: { siteUrl: site, prefix: NAMESPACE } } : { root };
}

/** The credential Test's URL (FluentCRM's `reports/ping`), built as fluentApiBase builds every other URL. */
export const fluentPingUrlExpression =
	`={{ $credentials.siteUrl.trim().replace(/\\/+$/, '').replace(${String(PASTED_REST_PATH)}, '').replace(/\\/+$/, '')` +
	` + ($credentials.restStyle === 'restRoute' ? '/?rest_route=' : '/wp-json') + '${NAMESPACE}/reports/ping' }}`;
