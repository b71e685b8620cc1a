import { CrmPlatformTrigger } from '../../nodes/CrmPlatform/CrmPlatformTrigger.node';
import { useCrmPlatform } from './setup';

describe('CRM Platform Trigger (polling)', () => {
	const crm = useCrmPlatform({ seedContacts: 150 });
	const trigger = (event: string) => crm.harness.trigger({ parameters: { event, options: {} }, credentials: { crmPlatformApi: crm.credentialId } }, new CrmPlatformTrigger());

	it('emits created and updated contacts exactly once, sorted by updated_at then id', async () => {
		const poller = trigger('contactUpdated');
		expect(await poller.poll()).toBeNull();
		crm.emulator.advanceClock(60);
		const [created] = await crm.json({ resource: 'contact', operation: 'create', name: 'Polly Poll', contact_type: 'individual' });
		crm.emulator.advanceClock(1);
		await crm.json({ resource: 'contact', operation: 'update', id: '7', updateFields: { phone: '123' } });
		expect((await poller.poll())?.[0].map((item) => item.json.id)).toEqual([created.id, 7]);
		expect(await poller.poll()).toBeNull();
		const listCalls = crm.calls().filter((request) => request.method === 'GET' && request.path.endsWith('/crm-plugin/contact'));
		expect(listCalls.every((request) => request.query._sort === 'updated_at:DESC,id:DESC')).toBe(true);
	});

	it('"since" emits history from that time on the first activation', async () => {
		crm.emulator.advanceClock(600);
		const poller = crm.harness.trigger({ parameters: { event: 'activityCreated', options: { since: '2000-01-01T00:00:00Z' } }, credentials: { crmPlatformApi: crm.credentialId } }, new CrmPlatformTrigger());
		const first = await poller.poll();
		expect(first?.[0].length).toBe(crm.emulator.state.tables.activity.length);
	});
});
