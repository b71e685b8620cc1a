import type { INodeParameters } from 'n8n-workflow';

import { CrmPlatformTrigger } from '../../nodes/CrmPlatform/CrmPlatformTrigger.node';
import { crmApi, newContact, useCrmPlatform } from './setup';

describe('CRM Platform Trigger (polling)', () => {
	const crm = useCrmPlatform({ seedContacts: 150 });
	const trigger = (event: string, options: INodeParameters = {}) =>
		crm.harness.trigger({ parameters: { event, options }, credentials: { crmPlatformApi: crm.credentialId } }, new CrmPlatformTrigger());
	const emittedIds = async (poller: ReturnType<typeof trigger>) => ((await poller.poll()) ?? [[]])[0].map((item) => item.json.id);
	/** A poller that has taken its first look (which emits nothing), a minute before the test's changes. */
	const started = async (event: string) => {
		const poller = trigger(event);
		expect(await poller.poll()).toBeNull();
		crm.emulator.advanceClock(60);
		return poller;
	};
	const linkTag = async (contactId: unknown) => {
		const tag = await crmApi(crm.emulator, 'POST', '/crm-plugin/tags', { name: `Tag for ${String(contactId)}` });
		await crmApi(crm.emulator, 'POST', '/crm-plugin/contacttags', { contact: Number(contactId), tag: tag.id });
	};

	it('Contact Created or Updated: created and updated contacts exactly once, oldest change first, newest-first paging', async () => {
		const poller = await started('contactUpdated');
		const created = await newContact(crm.emulator);
		const other = await newContact(crm.emulator);
		crm.emulator.advanceClock(1);
		await crmApi(crm.emulator, 'PUT', `/crm-plugin/contact/${String(other.id)}`, { phone: '123' });
		expect(await emittedIds(poller)).toEqual([created.id, other.id]);
		expect(await poller.poll()).toBeNull();
		const lists = crm.calls().filter((request) => request.method === 'GET' && request.path.endsWith('/crm-plugin/contact'));
		expect(lists.length).toBeGreaterThan(0);
		expect(lists.every((request) => request.query._sort === 'updated_at:DESC,id:DESC')).toBe(true);
	});

	it('Contact Created: emits a new contact once, and not again when it is updated or tagged later', async () => {
		const poller = await started('contactCreated');
		const created = await newContact(crm.emulator);
		expect(await emittedIds(poller)).toEqual([created.id]);
		crm.emulator.advanceClock(5);
		await crmApi(crm.emulator, 'PUT', `/crm-plugin/contact/${String(created.id)}`, { phone: '555' });
		await linkTag(created.id);
		expect(await poller.poll()).toBeNull();
	});

	it('Contact Created or Updated: a tag linked to a contact is emitted as an update although updated_at did not move', async () => {
		const poller = await started('contactUpdated');
		const created = await newContact(crm.emulator);
		expect(await emittedIds(poller)).toEqual([created.id]);
		crm.emulator.advanceClock(5);
		await linkTag(created.id);
		const [again] = (await poller.poll())![0];
		expect(again.json).toMatchObject({ id: created.id, updated_at: created.updated_at, contacttags: [expect.any(Object)] });
		expect(await poller.poll()).toBeNull();
	});

	it('Activity Created: keyed on the id alone, an edited activity is not emitted again', async () => {
		const poller = await started('activityCreated');
		const activity = await crmApi(crm.emulator, 'POST', '/crm-plugin/activities', { title: 'Poll me' });
		expect(await emittedIds(poller)).toEqual([activity.id]);
		crm.emulator.advanceClock(5);
		await crmApi(crm.emulator, 'PUT', `/crm-plugin/activities/${String(activity.id)}`, { title: 'Polled' });
		expect(await poller.poll()).toBeNull();
		const updates = await started('activityUpdated');
		await crmApi(crm.emulator, 'PUT', `/crm-plugin/activities/${String(activity.id)}`, { title: 'Polled again' });
		expect(await emittedIds(updates)).toEqual([activity.id]);
	});

	it('"since" emits history from that time on the first activation', async () => {
		const poller = trigger('activityCreated', { since: '2000-01-01T00:00:00Z' });
		const first = await poller.poll();
		expect(first?.[0].length).toBe(crm.emulator.state.tables.activity.length);
	});

	it('a broken page is an error, never "no changes"', async () => {
		const poller = await started('contactUpdated');
		await newContact(crm.emulator);
		crm.emulator.injectFault({ status: 200, kind: 'html', match: '/crm-plugin/contact?' });
		await expect(poller.poll()).rejects.toThrow('CRM Platform answered with something that is not the expected JSON');
		expect((await poller.poll())?.[0]).toHaveLength(1);
	});
});
