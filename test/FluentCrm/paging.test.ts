import { useFluentCrm } from './setup';

describe('FluentCRM paging over 1,000 contacts', () => {
	const fluent = useFluentCrm({ seedContacts: 1000 });

	it('Return All fetches every contact once in ⌈1000 / 100⌉ pages', async () => {
		const contacts = await fluent.json({ resource: 'contact', operation: 'getAll', returnAll: true });
		expect(contacts).toHaveLength(1000);
		expect(new Set(contacts.map((contact) => contact.id)).size).toBe(1000);
		const pages = fluent.calls();
		expect(pages).toHaveLength(10);
		expect(pages.map((request) => request.query.page)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
		expect(pages.every((request) => request.query.per_page === '100')).toBe(true);
	});

	it('Limit stops early and keeps filters on every page (FluentCRM’s next_page_url would drop them)', async () => {
		const contacts = await fluent.json({ resource: 'contact', operation: 'getAll', returnAll: false, limit: 250, filters: { statuses: ['subscribed', 'pending'] } });
		expect(contacts).toHaveLength(Math.min(250, fluent.emulator.state.contacts.filter((contact) => ['subscribed', 'pending'].includes(String(contact.status))).length));
		const pages = fluent.calls();
		expect(pages.length).toBeLessThanOrEqual(3);
		expect(pages.every((request) => JSON.stringify(request.query['statuses[]']) === '["subscribed","pending"]')).toBe(true);
	});
});
