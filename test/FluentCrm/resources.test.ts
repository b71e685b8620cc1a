import { useFluentCrm } from './setup';

describe('FluentCRM campaigns, custom fields and webhooks', () => {
	const fluent = useFluentCrm();

	it('campaign get many searches with searchBy; get returns one; a missing one fails clearly', async () => {
		const all = await fluent.json({ resource: 'campaign', operation: 'getAll', returnAll: true });
		expect(all.length).toBeGreaterThan(0);
		const title = String(all[0].title);
		const found = await fluent.json({ resource: 'campaign', operation: 'getAll', returnAll: true, filters: { search: title } });
		expect(fluent.calls().at(-1)?.query).toMatchObject({ searchBy: title });
		expect(fluent.calls().at(-1)?.query).not.toHaveProperty('search');
		expect(found.map((campaign) => campaign.id)).toContain(all[0].id);
		const [one] = await fluent.json({ resource: 'campaign', operation: 'get', campaignId: String(all[0].id) });
		expect(one.id).toBe(all[0].id);
		const missing = await fluent.run({ resource: 'campaign', operation: 'get', campaignId: '9999' });
		expect(missing.error?.httpCode).toBe('404');
	});

	it('custom fields: lists the definitions and never writes them', async () => {
		const fields = await fluent.json({ resource: 'customField', operation: 'getAll' });
		expect(fields.map((field) => field.slug)).toContain('company_size');
		expect(fluent.calls().every((request) => request.method === 'GET')).toBe(true);
	});

	it('webhooks: create (ids only), list flattened, delete, and a missing id fails', async () => {
		const [created] = await fluent.json({ resource: 'webhook', operation: 'create', name: 'From n8n', status: 'subscribed', additionalFields: { tags: [1], lists: [2] } });
		expect(fluent.calls()[0].body).toEqual({ name: 'From n8n', status: 'subscribed', tags: [1], lists: [2] });
		expect(created).toMatchObject({ name: 'From n8n', status: 'subscribed' });
		expect(String(created.url)).toContain('fluentcrm=1');
		const all = await fluent.json({ resource: 'webhook', operation: 'getAll' });
		expect(all.find((webhook) => webhook.id === created.id)).toMatchObject({ name: 'From n8n', key: expect.any(String) });
		expect(await fluent.json({ resource: 'webhook', operation: 'delete', webhookId: String(created.id) })).toEqual([{ id: created.id, deleted: true }]);
		const again = await fluent.run({ resource: 'webhook', operation: 'delete', webhookId: String(created.id) });
		expect(again.error?.message).toBe(`FluentCRM webhook ${String(created.id)} was not found`);
	});
});

describe('FluentCRM companies (module on)', () => {
	const fluent = useFluentCrm({ companiesModule: true });

	it('create, get, get many, update keeping the name, delete', async () => {
		const [company] = await fluent.json({ resource: 'company', operation: 'create', name: 'Acme Ltd', additionalFields: { industry: 'Tools', email: 'hello@acme.test' } });
		expect(company).toMatchObject({ name: 'Acme Ltd', industry: 'Tools' });
		const id = String(company.id);
		expect((await fluent.json({ resource: 'company', operation: 'get', companyId: id }))[0].name).toBe('Acme Ltd');
		expect((await fluent.json({ resource: 'company', operation: 'getAll', returnAll: true })).map((row) => String(row.id))).toContain(id);
		const [updated] = await fluent.json({ resource: 'company', operation: 'update', companyId: id, updateFields: { industry: 'Robots' } });
		expect(updated).toMatchObject({ name: 'Acme Ltd', industry: 'Robots', email: 'hello@acme.test' });
		expect(await fluent.json({ resource: 'company', operation: 'delete', companyId: id })).toEqual([{ id: company.id, deleted: true }]);
		expect((await fluent.run({ resource: 'company', operation: 'get', companyId: id })).error).toBeDefined();
	});
});
