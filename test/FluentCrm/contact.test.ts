import { byEmail, byId, useFluentCrm } from './setup';

const API = '/wp-json/fluent-crm/v2';

describe('FluentCRM contact operations', () => {
	const fluent = useFluentCrm({ seedContacts: 30 });

	it('create: sends the email, status, columns, tag/list ids and custom values; outputs the contact', async () => {
		const [contact] = await fluent.json({
			resource: 'contact',
			operation: 'create',
			email: 'new.person@example.test',
			status: 'subscribed',
			additionalFields: { first_name: 'New', last_name: 'Person', tags: [1, 2], lists: ['1'] },
			customFields: { field: [{ slug: 'company_size', value: '11-50' }] },
		});
		const [request] = fluent.calls();
		expect(request.method).toBe('POST');
		expect(request.path).toBe(`${API}/subscribers`);
		expect(request.body).toMatchObject({ email: 'new.person@example.test', status: 'subscribed', first_name: 'New', tags: [1, 2], lists: [1], double_optin: false, custom_values: { company_size: '11-50' } });
		expect(contact).toMatchObject({ email: 'new.person@example.test', first_name: 'New', full_name: 'New Person', action_type: 'created' });
		expect(contact).not.toHaveProperty('__bench');
		expect(fluent.emulator.doubleOptinEmailsSent).toBe(0);
	});

	it('create: a duplicate email (in any case) is a clear validation error', async () => {
		fluent.emulator.store.insertContact({ email: 'taken.person@example.test', status: 'subscribed' });
		const result = await fluent.run({ resource: 'contact', operation: 'create', email: 'TAKEN.PERSON@example.test', status: 'subscribed' });
		expect(result.error?.message).toBe('FluentCRM rejected the data: email: Provided email already assigned to another subscriber.');
		expect(result.error?.httpCode).toBe('422');
	});

	it('create: refuses unknown statuses and tag names instead of letting FluentCRM guess', async () => {
		const bogus = await fluent.run({ resource: 'contact', operation: 'create', email: 'a@example.test', status: 'bogus' });
		expect(bogus.error?.message).toBe('"bogus" is not a FluentCRM contact status');
		const named = await fluent.run({ resource: 'contact', operation: 'create', email: 'b@example.test', status: 'subscribed', additionalFields: { tags: 'VIP Customer' } });
		expect(named.error?.message).toBe('"VIP Customer" is not a tag ID');
		expect(fluent.calls()).toHaveLength(0);
	});

	it('get: by ID and by email; a missing contact is a not-found error', async () => {
		const [byIdResult] = await fluent.json({ resource: 'contact', operation: 'get', contact: byId(3) });
		expect(byIdResult.id).toBe(3);
		expect(byIdResult).toHaveProperty('tags');
		const [byEmailResult] = await fluent.json({ resource: 'contact', operation: 'get', contact: byEmail(String(byIdResult.email).toUpperCase()) });
		expect(byEmailResult.id).toBe(3);
		expect(fluent.calls().at(-1)?.query).toEqual({ get_by_email: String(byIdResult.email).toUpperCase() });
		const missing = await fluent.run({ resource: 'contact', operation: 'get', contact: byId(99999) });
		expect(missing.error?.message).toBe('FluentCRM: Subscriber not found');
	});

	it('get many: passes filters, sort and a page size, and returns the records themselves', async () => {
		const items = await fluent.json({
			resource: 'contact',
			operation: 'getAll',
			returnAll: false,
			limit: 5,
			filters: { statuses: ['subscribed'], tags: [1], search: '', sort_by: 'id', sort_type: 'ASC' },
		});
		const [request] = fluent.calls();
		expect(request.query).toMatchObject({ page: '1', per_page: '5', 'statuses[]': 'subscribed', 'tags[]': '1', sort_by: 'id', sort_type: 'ASC' });
		const state = fluent.emulator.state as unknown as { contacts: Array<{ id: number; status: string }>; pivots: Array<{ subscriber_id: number; kind: string; object_id: number }> };
		const tagged = (id: number) => state.pivots.some((pivot) => pivot.subscriber_id === id && pivot.kind === 'tag' && pivot.object_id === 1);
		const expected = state.contacts.filter((contact) => contact.status === 'subscribed' && tagged(contact.id)).map((contact) => contact.id).sort((a, b) => a - b).slice(0, 5);
		expect(expected).toHaveLength(5);
		expect(items.map((contact) => contact.id)).toEqual(expected);
	});

	it('update: sends only the changed fields plus tag/list changes; untouched fields survive', async () => {
		const before = fluent.emulator.state.contacts.find((contact) => contact.id === 4)!;
		const [contact] = await fluent.json({
			resource: 'contact',
			operation: 'update',
			contact: byId(4),
			updateFields: { city: 'Lisbon', attach_tags: [2], detach_lists: [] },
		});
		const put = fluent.calls().find((request) => request.method === 'PUT');
		expect(put).toMatchObject({ path: `${API}/subscribers/4`, body: { email: before.email, city: 'Lisbon', attach_tags: [2] } });
		expect(Object.keys(put!.body as object).sort()).toEqual(['attach_tags', 'city', 'email']);
		expect(contact).toMatchObject({ id: 4, city: 'Lisbon', email: before.email, first_name: before.first_name });
	});

	it('update: a stored birth date survives an update that does not touch it', async () => {
		await fluent.json({ resource: 'contact', operation: 'update', contact: byId(8), updateFields: { date_of_birth: '1990-05-01' } });
		const [contact] = await fluent.json({ resource: 'contact', operation: 'update', contact: byId(8), updateFields: { phone: '+351 1' } });
		expect(contact).toMatchObject({ phone: '+351 1', date_of_birth: '1990-05-01' });
	});

	it('update: a missing contact is a not-found error', async () => {
		const result = await fluent.run({ resource: 'contact', operation: 'update', contact: byId(99999), updateFields: { city: 'X' } });
		expect(result.error?.message).toBe('FluentCRM: Subscriber not found');
		expect(fluent.calls().some((request) => request.method === 'PUT')).toBe(false);
	});

	it('add/remove tags and lists by ID', async () => {
		const [tagged] = await fluent.json({ resource: 'contact', operation: 'addTags', contact: byId(5), tagIds: [1, 3] });
		expect((tagged.tags as Array<{ id: number }>).map((tag) => Number(tag.id))).toEqual(expect.arrayContaining([1, 3]));
		const [untagged] = await fluent.json({ resource: 'contact', operation: 'removeTags', contact: byId(5), tagIds: [1] });
		expect((untagged.tags as Array<{ id: number }>).map((tag) => Number(tag.id))).not.toContain(1);
		const [listed] = await fluent.json({ resource: 'contact', operation: 'addToLists', contact: byId(5), listIds: [2] });
		expect((listed.lists as Array<{ id: number }>).map((list) => Number(list.id))).toContain(2);
		const [unlisted] = await fluent.json({ resource: 'contact', operation: 'removeFromLists', contact: byId(5), listIds: '2' });
		expect((unlisted.lists as Array<{ id: number }>).map((list) => Number(list.id))).not.toContain(2);
		const email = fluent.emulator.state.contacts.find((contact) => contact.id === 5)!.email;
		const puts = fluent.calls().filter((request) => request.method === 'PUT');
		expect(puts.map((request) => request.body)).toEqual([
			{ email, attach_tags: [1, 3] },
			{ email, detach_tags: [1] },
			{ email, attach_lists: [2] },
			{ email, detach_lists: [2] },
		]);
	});

	it('notes: adds a note in the wrapper FluentCRM needs and reads notes back', async () => {
		const [note] = await fluent.json({ resource: 'contact', operation: 'addNote', contact: byId(6), title: 'Call', description: '<p>Talked</p>', noteType: 'call' });
		expect(fluent.calls()[0].body).toEqual({ note: { title: 'Call', description: '<p>Talked</p>', type: 'call' } });
		expect(note).toMatchObject({ subscriber_id: 6, title: 'Call', type: 'call' });
		const notes = await fluent.json({ resource: 'contact', operation: 'getNotes', contact: byId(6), returnAll: true });
		expect(notes.map((entry) => entry.id)).toContain(note.id);
	});

	it('delete: removes the contact; deleting again is a not-found error', async () => {
		const [deleted] = await fluent.json({ resource: 'contact', operation: 'delete', contact: byId(7) });
		expect(deleted).toEqual({ id: 7, deleted: true });
		expect(fluent.emulator.state.contacts.some((contact) => contact.id === 7)).toBe(false);
		const again = await fluent.run({ resource: 'contact', operation: 'delete', contact: byId(7) });
		expect(again.error?.httpCode).toBe('404');
	});
});
