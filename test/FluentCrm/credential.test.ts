import { FluentCrmApi } from '../../credentials/FluentCrmApi.credentials';
import { ADMIN, byId, useFluentCrm } from './setup';

describe('FluentCRM credential', () => {
	const fluent = useFluentCrm({ subPath: '/blog', seedContacts: 3 });
	const credential = new FluentCrmApi();

	const pingUrl = (overrides: Record<string, unknown>) =>
		String(fluent.harness.resolveExpression(String(credential.test.request.url), { $credentials: { siteUrl: fluent.emulator.siteUrl, restStyle: 'wpJson', ...overrides } }));

	const ping = async (url: string, username: string, password: string) =>
		await fetch(url, { headers: { Authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`, Accept: 'application/json' } });

	it('test request: reaches /reports/ping for both REST styles, trailing slashes and pasted /wp-json', async () => {
		expect(pingUrl({})).toBe(`${fluent.emulator.siteUrl}/wp-json/fluent-crm/v2/reports/ping`);
		expect(pingUrl({ siteUrl: `${fluent.emulator.siteUrl}/wp-json/ ` })).toBe(`${fluent.emulator.siteUrl}/wp-json/fluent-crm/v2/reports/ping`);
		expect(pingUrl({ restStyle: 'restRoute' })).toBe(`${fluent.emulator.siteUrl}/?rest_route=/fluent-crm/v2/reports/ping`);
		for (const url of [pingUrl({}), pingUrl({ restStyle: 'restRoute' })]) {
			const good = await ping(url, ADMIN.username, ADMIN.applicationPassword);
			expect(good.status).toBe(200);
			expect(await good.json()).toMatchObject({ message: 'pong' });
			expect((await ping(url, ADMIN.username, 'wrong wrong wrong wrong')).status).toBe(401);
		}
	});

	it('test request: maps 401, 403 and 404 to advice', () => {
		const rules = (credential.test.rules ?? []) as Array<{ properties: { value: number; message: string } }>;
		expect(Object.fromEntries(rules.map((rule) => [rule.properties.value, rule.properties.message]))).toEqual({
			401: expect.stringContaining('application password'),
			403: expect.stringContaining('only administrators'),
			404: expect.stringContaining('?rest_route='),
		});
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
