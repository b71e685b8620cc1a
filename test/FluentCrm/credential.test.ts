import { FluentCrmApi } from '../../credentials/FluentCrmApi.credentials';
import { fluentApiBase } from '../../nodes/FluentCrm/transport/url';
import { testCredential } from './credentialTester';
import { ADMIN, byId, useFluentCrm } from './setup';

describe('FluentCRM credential', () => {
	const fluent = useFluentCrm({ subPath: '/blog', seedContacts: 3 });
	const credential = new FluentCrmApi();

	const pingUrl = (overrides: Record<string, unknown>) =>
		String(fluent.harness.resolveExpression(String(credential.test.request.url), { $credentials: { siteUrl: fluent.emulator.siteUrl, restStyle: 'wpJson', ...overrides } }));
	const test = async (overrides: Record<string, unknown> = {}) => await testCredential(credential, { siteUrl: fluent.emulator.siteUrl, ...ADMIN, ...overrides });
	const REST_STYLE = 'switch REST Style to "?rest_route="';

	it('Test URL: /reports/ping for both REST styles, built like every node request (trailing slashes, a pasted /wp-json or API URL)', () => {
		const site = fluent.emulator.siteUrl;
		for (const siteUrl of [site, `${site}/`, ` ${site}/wp-json/ `, `${site}/wp-json/fluent-crm/v2/`, `${site}/WP-JSON`]) {
			expect(pingUrl({ siteUrl })).toBe(`${site}/wp-json/fluent-crm/v2/reports/ping`);
			expect(pingUrl({ siteUrl, restStyle: 'restRoute' })).toBe(`${site}/?rest_route=/fluent-crm/v2/reports/ping`);
			expect(`${fluentApiBase({ siteUrl }).root}/reports/ping`).toBe(pingUrl({ siteUrl }));
		}
	});

	it('Test passes with FluentCRM’s "pong" for both REST styles', async () => {
		expect(await test()).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(await test({ restStyle: 'restRoute' })).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(fluent.calls().map((request) => [request.path, request.query, request.status])).toEqual([
			['/blog/wp-json/fluent-crm/v2/reports/ping', {}, 200],
			['/blog/', { rest_route: '/fluent-crm/v2/reports/ping' }, 200],
		]);
	});

	it('Test fails with advice for a wrong password (401), an account without FluentCRM access (403) and a site without FluentCRM (404)', async () => {
		const wrong = await test({ applicationPassword: 'wrong wrong wrong wrong' });
		expect(wrong).toMatchObject({ status: 'Error', statusCode: 401, message: expect.stringContaining('application password') });
		const editor = await test({ username: 'editor', applicationPassword: 'zyxw vuts rqpo nmlk jihg fedc' });
		expect(editor).toMatchObject({ status: 'Error', statusCode: 403, message: expect.stringContaining('only administrators') });
		const outside = await test({ siteUrl: fluent.emulator.url });
		expect(outside).toMatchObject({ status: 'Error', statusCode: 404, message: expect.stringContaining(REST_STYLE) });
	});

	it('Test fails on a site without pretty permalinks (its redirect to a page) and says to switch REST style; ?rest_route= passes there', async () => {
		fluent.emulator.config.plainPermalinks = true;
		try {
			const redirected = await test();
			// The Test follows the redirect to the site's page, which is not FluentCRM's answer.
			expect(redirected).toMatchObject({ status: 'Error' });
			expect(redirected.message).toContain(REST_STYLE);
			expect(redirected.message).toContain('WordPress Site URL');
			expect(await test({ restStyle: 'restRoute' })).toMatchObject({ status: 'OK' });
		} finally {
			fluent.emulator.config.plainPermalinks = false;
		}
	});

	it('Test fails for a wrong sub-folder (WordPress redirects it to a post page)', async () => {
		const result = await test({ siteUrl: `${fluent.emulator.siteUrl}/shop` });
		expect(result).toMatchObject({ status: 'Error', message: expect.stringContaining(REST_STYLE) });
		expect(fluent.calls()[0].path).toBe('/blog/shop/wp-json/fluent-crm/v2/reports/ping');
	});

	it.each([
		['a web page', { status: 200, kind: 'html' as const }],
		['an empty body', { status: 200, kind: 'empty' as const }],
		['JSON that is not the ping’s', { status: 200, body: { name: 'Some WordPress site', namespaces: ['wp/v2'] } }],
	])('Test fails when the ping is answered 200 with %s, and says what to check', async (_name, fault) => {
		fluent.emulator.injectFault({ ...fault, match: '/reports/ping' });
		const result = await test();
		expect(result.status).toBe('Error');
		expect(result.message).toContain('not with FluentCRM’s API');
		expect(result.message).toContain(REST_STYLE);
	});

	it('sends HTTP Basic in the header, never the password in a URL; spaces in the password are fine', async () => {
		const noSpaces = fluent.addCredential({ applicationPassword: ADMIN.applicationPassword.replace(/ /g, '') });
		for (const credentialId of [fluent.credentialId, noSpaces]) {
			const result = await fluent.harness.run({ parameters: { resource: 'contact', operation: 'get', contact: byId(1) }, credentials: { fluentCrmApi: credentialId } });
			expect(result.error).toBeUndefined();
		}
		for (const request of fluent.calls()) {
			expect(request.hasAuthorization).toBe(true);
			expect(JSON.stringify(request.query)).not.toMatch(/abcd|_wp_http_referer/);
		}
	});

	it('works on sites without pretty permalinks (?rest_route=)', async () => {
		const restRoute = fluent.addCredential({ restStyle: 'restRoute' });
		const result = await fluent.harness.run({ parameters: { resource: 'contact', operation: 'get', contact: byId(2) }, credentials: { fluentCrmApi: restRoute } });
		expect(result.items[0].json.id).toBe(2);
		expect(fluent.calls()[0]).toMatchObject({ path: '/blog/', query: { rest_route: '/fluent-crm/v2/subscribers/2' } });
	});

	it('401: wrong application password → actionable message without the password', async () => {
		const wrong = fluent.addCredential({ applicationPassword: 'wxyz wxyz wxyz wxyz wxyz wxyz' });
		const result = await fluent.harness.run({ parameters: { resource: 'contact', operation: 'get', contact: byId(1) }, credentials: { fluentCrmApi: wrong } });
		expect(result.error?.message).toBe('WordPress rejected the username or application password (HTTP 401)');
		expect(result.error?.description).toContain('application password (not the login password)');
		expect(JSON.stringify(result.error)).not.toContain('wxyz');
	});

	it('403: an account without FluentCRM permission is told which permissions it needs', async () => {
		const editor = fluent.addCredential({ username: 'editor', applicationPassword: 'zyxw vuts rqpo nmlk jihg fedc' });
		const result = await fluent.harness.run({ parameters: { resource: 'contact', operation: 'get', contact: byId(1) }, credentials: { fluentCrmApi: editor } });
		expect(result.error?.message).toBe('The WordPress account has no FluentCRM permission for this request (HTTP 403)');
		expect(result.error?.description).toContain('only administrators');
		expect(result.error?.description).toContain('Manage Contacts');
	});

	it('403 on companies while the module is off says to enable it', async () => {
		const result = await fluent.run({ resource: 'company', operation: 'getAll', returnAll: true });
		expect(result.error?.message).toBe('FluentCRM refused the Companies request (HTTP 403)');
		expect(result.error?.description).toContain('Enable the Companies module');
	});

	it('404 rest_no_route: wrong site URL or FluentCRM inactive, suggests ?rest_route=', async () => {
		const wrongSite = fluent.addCredential({ siteUrl: fluent.emulator.url });
		const result = await fluent.harness.run({ parameters: { resource: 'contact', operation: 'get', contact: byId(1) }, credentials: { fluentCrmApi: wrongSite } });
		expect(result.error?.httpCode).toBe('404');
		expect(result.error?.message).toBe('FluentCRM’s REST API was not found at this address (HTTP 404)');
		const apiMissing = await fluent.run({ resource: 'apiRequest', operation: 'send', method: 'GET', path: '/no-such-route' });
		expect(apiMissing.error?.message).toBe('FluentCRM’s REST API was not found at this address (HTTP 404)');
		expect(apiMissing.error?.description).toContain('REST Style "?rest_route="');
	});
});
