import { FluentCrmTrigger } from '../../nodes/FluentCrm/FluentCrmTrigger.node';
import { byId, useFluentCrm } from './setup';

let clock = Date.parse('2026-11-22T10:00:00Z');

describe('FluentCRM Trigger (polling)', () => {
	const fluent = useFluentCrm({ seedContacts: 40, now: () => new Date(clock) });
	const tick = (seconds: number) => (clock += seconds * 1000);
	const trigger = (event: string) =>
		fluent.harness.trigger({ parameters: { event, options: {} }, credentials: { fluentCrmApi: fluent.credentialId } }, new FluentCrmTrigger());

	it('manual mode shows the newest few contacts without touching the cursor', async () => {
		const poller = trigger('contactUpdated');
		const sample = await poller.poll('manual');
		expect(sample?.[0]).toHaveLength(3);
		expect(poller.staticData()).toEqual({});
	});

	it('first activation emits nothing; then exactly the created and updated contacts, once, oldest first', async () => {
		const poller = trigger('contactUpdated');
		expect(await poller.poll()).toBeNull();
		tick(60);
		const [created] = await fluent.json({ resource: 'contact', operation: 'create', email: 'poll.new@example.test', status: 'subscribed' });
		tick(1);
		await fluent.json({ resource: 'contact', operation: 'update', contact: byId(5), updateFields: { city: 'Porto' } });
		await fluent.json({ resource: 'contact', operation: 'update', contact: byId(6), updateFields: { city: 'Braga' } });
		const polled = await poller.poll();
		expect(polled?.[0].map((item) => item.json.id)).toEqual([created.id, 5, 6]);
		expect(await poller.poll()).toBeNull();
		tick(30);
		await fluent.json({ resource: 'contact', operation: 'update', contact: byId(5), updateFields: { city: 'Faro' } });
		expect((await poller.poll())?.[0].map((item) => [item.json.id, item.json.city])).toEqual([[5, 'Faro']]);
		const calls = fluent.calls().filter((request) => request.path.endsWith('/subscribers') && request.method === 'GET');
		expect(calls.every((request) => request.query.sort_by === 'updated_at' && request.query.sort_type === 'DESC')).toBe(true);
	});

	it('"contact created" ignores updates', async () => {
		const poller = trigger('contactCreated');
		await poller.poll();
		tick(60);
		await fluent.json({ resource: 'contact', operation: 'update', contact: byId(7), updateFields: { city: 'Lisbon' } });
		const [created] = await fluent.json({ resource: 'contact', operation: 'create', email: 'poll.created@example.test', status: 'subscribed' });
		expect((await poller.poll())?.[0].map((item) => item.json.id)).toEqual([created.id]);
	});

	it('"Contact Created" emits a contact once, however it changes later; "Created or Updated" emits each change (a field, a tag)', async () => {
		const created = trigger('contactCreated');
		const changed = trigger('contactUpdated');
		expect(await created.poll()).toBeNull();
		expect(await changed.poll()).toBeNull();
		tick(60);
		const [contact] = await fluent.json({ resource: 'contact', operation: 'create', email: 'poll.once@example.test', status: 'subscribed' });
		const ids = (result: Awaited<ReturnType<typeof created.poll>>) => result?.[0].map((item) => item.json.id);
		expect(ids(await created.poll())).toEqual([contact.id]);
		expect(ids(await changed.poll())).toEqual([contact.id]);

		tick(5);
		await fluent.json({ resource: 'contact', operation: 'update', contact: byId(Number(contact.id)), updateFields: { city: 'Coimbra', attach_tags: [1] } });
		expect(await created.poll()).toBeNull();
		const afterUpdate = (await changed.poll())?.[0].map((item) => item.json);
		expect(afterUpdate).toEqual([expect.objectContaining({ id: contact.id, city: 'Coimbra', tags: [expect.objectContaining({ id: 1 })] })]);

		// A tag added within the same second leaves updated_at where it was: still a change.
		await fluent.json({ resource: 'contact', operation: 'addTags', contact: byId(Number(contact.id)), tagIds: [2] });
		expect(await created.poll()).toBeNull();
		expect(ids(await changed.poll())).toEqual([contact.id]);
		expect(await changed.poll()).toBeNull();
	});
});
