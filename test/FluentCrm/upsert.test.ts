/**
 * Contact → Create or Update. FluentCRM's own upsert (POST with __force_update) stores the status it
 * is sent, so an unsubscribed contact would be re-subscribed: the node keeps an existing contact's
 * status unless the user asks to change it.
 */
import type { IDataObject } from 'n8n-workflow';

import { useFluentCrm } from './setup';

const API = '/wp-json/fluent-crm/v2';

describe('FluentCRM contact Create or Update', () => {
	const fluent = useFluentCrm({ seedContacts: 5 });
	const upsert = (email: string, extra: IDataObject = {}) => ({ resource: 'contact', operation: 'upsert', email, status: 'subscribed', ...extra });
	const seed = (email: string, status: string) => fluent.emulator.store.insertContact({ email, status, first_name: 'Seeded' });
	const stored = (email: string) => fluent.emulator.state.contacts.filter((contact) => String(contact.email).toLowerCase() === email.toLowerCase());
	const writes = () => fluent.calls().filter((request) => request.method !== 'GET');

	it('an unsubscribed contact stays unsubscribed; its fields, tags and custom fields are still updated', async () => {
		const existing = seed('opted.out@example.test', 'unsubscribed');
		const [contact] = await fluent.json(
			upsert('opted.out@example.test', { additionalFields: { first_name: 'Olga', tags: [2] }, customFields: { field: [{ slug: 'company_size', value: '11-50' }] } }),
		);
		expect(contact).toMatchObject({ id: existing.id, status: 'unsubscribed', first_name: 'Olga', action_type: 'updated' });
		expect((contact.tags as IDataObject[]).map((tag) => Number(tag.id))).toContain(2);
		expect(stored('opted.out@example.test')).toEqual([expect.objectContaining({ status: 'unsubscribed', first_name: 'Olga' })]);
		expect(fluent.calls().map((request) => `${request.method} ${request.path}`)).toEqual([`GET ${API}/subscribers/0`, `PUT ${API}/subscribers/${existing.id}`]);
		expect(fluent.calls()[0].query).toEqual({ get_by_email: 'opted.out@example.test' });
		expect(writes()[0].body).toEqual({
			email: 'opted.out@example.test',
			status: 'unsubscribed',
			first_name: 'Olga',
			attach_tags: [2],
			custom_values: { company_size: '11-50' },
		});
	});

	it('"Change Status of Existing Contacts" changes it on purpose', async () => {
		const existing = seed('opt.back.in@example.test', 'unsubscribed');
		const [contact] = await fluent.json(upsert('opt.back.in@example.test', { changeExistingStatus: true }));
		expect(contact).toMatchObject({ id: existing.id, status: 'subscribed', action_type: 'updated' });
		expect(stored('opt.back.in@example.test')[0].status).toBe('subscribed');
	});

	it('a new contact gets the chosen status and no double opt-in email unless asked for', async () => {
		const [contact] = await fluent.json(upsert('brand.new@example.test', { status: 'pending', additionalFields: { first_name: 'Bran' } }));
		expect(contact).toMatchObject({ email: 'brand.new@example.test', status: 'pending', first_name: 'Bran', action_type: 'created' });
		expect(fluent.calls().map((request) => [request.method, request.status])).toEqual([
			['GET', 422],
			['POST', 200],
		]);
		expect(writes()[0].body).toEqual({ email: 'brand.new@example.test', status: 'pending', first_name: 'Bran', double_optin: false });
		expect(fluent.emulator.doubleOptinEmailsSent).toBe(0);
	});

	it('an existing pending contact stays pending without another double opt-in email', async () => {
		const existing = seed('waiting@example.test', 'pending');
		const [contact] = await fluent.json(upsert('waiting@example.test', { additionalFields: { city: 'Graz' } }));
		expect(contact).toMatchObject({ id: existing.id, status: 'pending', city: 'Graz', action_type: 'updated' });
		expect(fluent.emulator.doubleOptinEmailsSent).toBe(0);
	});

	it('matches the email case-insensitively and never creates a duplicate', async () => {
		const existing = seed('mixed.case@example.test', 'subscribed');
		const [first] = await fluent.json(upsert('Mixed.Case@Example.TEST', { additionalFields: { city: 'Oslo' } }));
		const [second] = await fluent.json(upsert('mixed.case@example.test', { additionalFields: { city: 'Bergen' } }));
		expect([first.id, second.id]).toEqual([existing.id, existing.id]);
		expect([first.action_type, second.action_type]).toEqual(['updated', 'updated']);
		expect(stored('mixed.case@example.test')).toEqual([expect.objectContaining({ email: 'mixed.case@example.test', city: 'Bergen' })]);
	});

	it('creates, then updates the same email; a birth date stored before survives', async () => {
		const [created] = await fluent.json(upsert('sync@example.test', { additionalFields: { first_name: 'First', date_of_birth: '1990-05-01' } }));
		const [updated] = await fluent.json(upsert('sync@example.test', { additionalFields: { first_name: 'Second' } }));
		expect(created.action_type).toBe('created');
		expect(updated).toMatchObject({ id: created.id, first_name: 'Second', date_of_birth: '1990-05-01', action_type: 'updated' });
		expect(stored('sync@example.test')).toHaveLength(1);
		expect(writes().every((request) => !('__force_update' in (request.body as IDataObject)))).toBe(true);
	});

	it('refuses tag names instead of letting FluentCRM create tags, before any request', async () => {
		const result = await fluent.run(upsert('named.tags@example.test', { additionalFields: { tags: 'VIP Customer' } }));
		expect(result.error?.message).toBe('"VIP Customer" is not a tag ID');
		expect(fluent.calls()).toHaveLength(0);
	});
});
