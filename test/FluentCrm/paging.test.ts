import { PAGE_SIZE } from '../../nodes/FluentCrm/transport';
import { useFluentCrm } from './setup';

describe('FluentCRM paging over 1,200 contacts', () => {
	const fluent = useFluentCrm({ seedContacts: 1200 });

	it('Return All fetches every contact once in ⌈1200 / 500⌉ pages', async () => {
		expect(PAGE_SIZE).toBe(500);
		const contacts = await fluent.json({ resource: 'contact', operation: 'getAll', returnAll: true });
		expect(contacts).toHaveLength(1200);
		expect(new Set(contacts.map((contact) => contact.id)).size).toBe(1200);
		const pages = fluent.calls();
		expect(pages.map((request) => request.query.page)).toEqual(['1', '2', '3']);
		expect(pages.every((request) => request.query.per_page === '500')).toBe(true);
	});

	it('Limit stops early and keeps filters on every page (FluentCRM’s next_page_url would drop them)', async () => {
		const contacts = await fluent.json({ resource: 'contact', operation: 'getAll', returnAll: false, limit: 250, filters: { statuses: ['subscribed', 'pending'] } });
		expect(contacts).toHaveLength(Math.min(250, fluent.emulator.state.contacts.filter((contact) => ['subscribed', 'pending'].includes(String(contact.status))).length));
		const pages = fluent.calls();
		expect(pages.length).toBeLessThanOrEqual(3);
		expect(pages.every((request) => JSON.stringify(request.query['statuses[]']) === '["subscribed","pending"]')).toBe(true);
	});
});
