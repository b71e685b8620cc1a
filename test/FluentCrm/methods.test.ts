import { getCustomFields, getLists, getTags } from '../../nodes/FluentCrm/methods/loadOptions';
import { searchContacts } from '../../nodes/FluentCrm/methods/listSearch';
import { useFluentCrm } from './setup';

describe('FluentCRM dropdowns and list search', () => {
	const fluent = useFluentCrm({ seedContacts: 120 });
	const context = () => fluent.harness.loadOptionsContext({ parameters: {}, credentials: { fluentCrmApi: fluent.credentialId } });

	it('tags, lists and custom fields come back as options with numeric ids / slugs', async () => {
		const tags = await getTags.call(context());
		expect(tags.length).toBe(fluent.emulator.state.tags.length);
		expect(tags.every((option) => typeof option.value === 'number')).toBe(true);
		expect((await getLists.call(context())).map((option) => option.name)).toEqual(
			fluent.emulator.state.lists.map((list) => String(list.title)).sort((a, b) => a.localeCompare(b)),
		);
		expect((await getCustomFields.call(context())).map((option) => option.value)).toContain('company_size');
	});

	it('contact search pages with a token and filters by the typed text', async () => {
		const first = await searchContacts.call(context());
		expect(first.results).toHaveLength(50);
		expect(first.paginationToken).toBe('2');
		const third = await searchContacts.call(context(), undefined, '3');
		expect(third.results).toHaveLength(20);
		expect(third.paginationToken).toBeUndefined();
		const someone = fluent.emulator.state.contacts[0];
		const found = await searchContacts.call(context(), String(someone.email));
		expect(found.results.map((result) => result.value)).toContain(String(someone.id));
		expect(found.results[0].name).toContain('<');
	});

	it('surfaces API errors instead of an empty dropdown', async () => {
		const wrong = fluent.addCredential({ applicationPassword: 'nope nope nope nope' });
		const ctx = fluent.harness.loadOptionsContext({ parameters: {}, credentials: { fluentCrmApi: wrong } });
		await expect(getTags.call(ctx)).rejects.toThrow('WordPress rejected the username or application password (HTTP 401)');
	});
});
