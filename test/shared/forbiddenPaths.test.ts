/**
 * The API Request operation never reaches an endpoint a provider's policy refuses, however the path
 * is spelled: servers decode the path (and match routes ignoring case) before they route it, so the
 * check runs on the one canonical form the kernel sends.
 */
import type { IHttpRequestMethods } from 'n8n-workflow';

import { crmPlatformPolicy } from '../../nodes/CrmPlatform/transport/policy';
import { faveoPolicy } from '../../nodes/FaveoHelpdesk/transport/policy';
import { fluentCrmPolicy } from '../../nodes/FluentCrm/transport/policy';
import { fusePolicy } from '../../nodes/FuseUniversal/transport/policy';
import { nexudusPolicy } from '../../nodes/Nexudus/transport/policy';
import { resolveApiPath } from '../../nodes/shared/transport/apiPath';
import type { ProviderSpec } from '../../nodes/shared/transport/types';

const base = { root: 'https://api.example.test/root' };

/** Ways to write one path that all reach the same route. */
function spellings(path: string): string[] {
	const middle = path.slice(1).split('/');
	const last = middle.pop() as string;
	const hex = (char: string) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
	const encodeFirstLetter = (segment: string) => segment.replace(/[a-z]/, hex);
	const joined = (segments: string[]) => `/${segments.join('/')}`;
	const all = [
		path,
		path.toUpperCase(),
		`${path}/`,
		`//${path.slice(1)}`.replace(/^\/\//, '/'),
		path.replace(/\//g, '//'),
		joined([...middle, encodeFirstLetter(last)]),
		joined([...middle, encodeFirstLetter(last).replace('%', '%25')]),
		joined([...middle, last.replace(/[_-]/, hex)]),
		joined([...middle, [...last].map(hex).join('')]),
		path.replace(/\/(?=[^/]*$)/, '%2F'),
		`${path}?x=1`,
		`${base.root}${path}`,
		`/a/..${path}`.replace('/a/..', ''),
	];
	return [...new Set(all)];
}

const FORBIDDEN: Array<[string, ProviderSpec, IHttpRequestMethods, string[]]> = [
	['FluentCRM', fluentCrmPolicy, 'POST', ['/setting/reset_db', '/setting/system-logs/reset', '/setting/activity-logs/reset']],
	['Faveo Helpdesk', faveoPolicy, 'GET', ['/v1/helpdesk/api_key', '/v1/database-config', '/v1/system-config', '/v1/helpdesk/url', '/v1/helpdesk/check-url']],
	['CRM Platform', crmPlatformPolicy, 'GET', ['/crm-plugin/generateRoutes', '/auth/local/register', '/auth/forgot-password', '/auth/reset-password']],
	['Fuse Universal', fusePolicy, 'POST', ['/session']],
];

describe.each(FORBIDDEN)('%s: refused endpoints stay refused in every spelling', (_name, policy, method, paths) => {
	it.each(paths)('%s', (path) => {
		for (const spelling of spellings(path)) {
			const resolved = resolveApiPath(base, spelling);
			const refusal = 'refused' in resolved ? resolved.refused : policy.forbiddenPath?.(method, resolved.decodedPath);
			expect({ spelling, refused: Boolean(refusal) }).toEqual({ spelling, refused: true });
		}
	});
});

it('Nexudus refuses no endpoint, but its paths are canonical like every provider’s', () => {
	expect(nexudusPolicy.forbiddenPath).toBeUndefined();
	expect(resolveApiPath(base, '/spaces//%63oworkers/')).toMatchObject({ path: '/spaces/coworkers/', decodedPath: '/spaces/coworkers/' });
});

it('ordinary paths of each provider pass', () => {
	for (const [policy, path] of [[fluentCrmPolicy, '/subscribers'], [faveoPolicy, '/v1/helpdesk/inbox'], [crmPlatformPolicy, '/crm-plugin/contact'], [fusePolicy, '/users/me']] as const) {
		const resolved = resolveApiPath(base, path);
		expect('refused' in resolved ? resolved.refused : policy.forbiddenPath?.('GET', resolved.decodedPath)).toBeUndefined();
	}
});
