import { getHelpTopics, getPriorities, getStatuses } from '../../nodes/FaveoHelpdesk/methods/loadOptions';
import { useFaveo } from './setup';

describe('Faveo Helpdesk operations', () => {
	const faveo = useFaveo({ seedTickets: 25, seedCustomers: 8 });
	const create = {
		resource: 'ticket',
		operation: 'create',
		email: 'new.requester@example.test',
		first_name: 'Nora',
		subject: 'Printer on fire',
		body: 'The office printer is on fire again.',
		helptopic: 1,
		sla: 1,
		priority: 2,
	};
	let ticketId: number;

	it('dropdowns come from helpdesk/dependency', async () => {
		const context = faveo.harness.loadOptionsContext({ parameters: {}, credentials: { faveoHelpdeskApi: faveo.credentialId } });
		expect((await getHelpTopics.call(context)).map((option) => option.name)).toContain('Support query');
		expect((await getPriorities.call(context)).find((option) => option.name === 'High')?.value).toBe(3);
		expect((await getStatuses.call(context)).map((option) => option.value)).toContain(5);
	});

	it('create returns the full ticket', async () => {
		const [ticket] = await faveo.json(create);
		expect(ticket).toMatchObject({ email: 'new.requester@example.test', title: 'Printer on fire' });
		ticketId = Number(ticket.id);
		expect(faveo.calls().find((request) => request.path.endsWith('/helpdesk/create'))?.body).toMatchObject({ helptopic: 1, sla: 1, priority: 2 });
	});

	it('create with too short a subject: the 422 field errors are shown', async () => {
		const result = await faveo.run({ ...create, subject: 'Hi' });
		expect(result.error?.message).toContain('Faveo rejected the data: subject:');
	});

	it('get, and a missing ticket sent as HTTP 200 error is an error', async () => {
		expect((await faveo.json({ resource: 'ticket', operation: 'get', ticketId: String(ticketId) }))[0].id).toBe(ticketId);
		const missing = await faveo.run({ resource: 'ticket', operation: 'get', ticketId: '99999' });
		expect(missing.error?.message).toContain('ticket_id: The selected ticket id is invalid.');
	});

	it('get many pages through v1 lists (10 per page) and honours the limit', async () => {
		const all = await faveo.json({ resource: 'ticket', operation: 'getAll', view: 'all', returnAll: true });
		expect(all.length).toBe(faveo.emulator.state.tickets.length);
		expect(new Set(all.map((ticket) => ticket.id)).size).toBe(all.length);
		expect(faveo.calls().filter((request) => request.path.endsWith('/helpdesk/tickets')).length).toBe(Math.ceil(all.length / 10));
		expect(await faveo.json({ resource: 'ticket', operation: 'getAll', view: 'inbox', returnAll: false, limit: 12 })).toHaveLength(12);
		const filtered = await faveo.json({ resource: 'ticket', operation: 'getAll', view: 'inbox', returnAll: true, listOptions: { useFilteredList: true, sortBy: 'id', order: 'asc' } });
		expect(filtered.length).toBeGreaterThan(0);
		expect(faveo.calls().at(-1)?.query).toMatchObject({ show: 'inbox', 'sort-by': 'id', order: 'asc', records_per_page: '499' });
	});

	it('reply, internal note and threads (JSON sent as text/html)', async () => {
		await faveo.json({ resource: 'ticket', operation: 'reply', ticketId: String(ticketId), replyContent: 'We are on our way with a fire extinguisher.' });
		await faveo.json({ resource: 'ticket', operation: 'addNote', ticketId: String(ticketId), note: 'Called facilities.' });
		const threads = await faveo.json({ resource: 'ticket', operation: 'getThreads', ticketId: String(ticketId) });
		expect(threads.map((thread) => thread.body)).toEqual(expect.arrayContaining(['We are on our way with a fire extinguisher.', 'Called facilities.']));
	});

	it('search returns unique ticket ids', async () => {
		const found = await faveo.json({ resource: 'ticket', operation: 'search', search: 'fire extinguisher' });
		expect(found).toContainEqual({ ticket_id: ticketId });
		expect(new Set(found.map((row) => row.ticket_id)).size).toBe(found.length);
	});

	it('edit changes only the given field and keeps the status', async () => {
		const before = (await faveo.json({ resource: 'ticket', operation: 'get', ticketId: String(ticketId) }))[0];
		const [after] = await faveo.json({ resource: 'ticket', operation: 'edit', ticketId: String(ticketId), updateFields: { ticket_priority: 4 } });
		expect(after).toMatchObject({ priority_id: 4, status: before.status, title: before.title });
		expect(faveo.emulator.counters.statusBlanked).toBe(0);
	});

	it('assign by agent email; an unknown agent (HTTP 200 error) fails', async () => {
		const [assigned] = await faveo.json({ resource: 'ticket', operation: 'assign', ticketId: String(ticketId), agentEmail: 'amelia.hart@example.com' });
		expect(assigned.id).toBe(ticketId);
		const unknown = await faveo.run({ resource: 'ticket', operation: 'assign', ticketId: String(ticketId), agentEmail: 'nobody@example.test' });
		expect(unknown.error?.message).toContain('Faveo Helpdesk reported an error');
	});

	it('collaborators: add, list, remove, search', async () => {
		await faveo.json({ resource: 'collaborator', operation: 'add', ticketId: String(ticketId), email: 'helper@example.test' });
		const list = await faveo.json({ resource: 'collaborator', operation: 'getForTicket', ticketId: String(ticketId) });
		expect(list.map((entry) => entry.email)).toContain('helper@example.test');
		expect(await faveo.json({ resource: 'collaborator', operation: 'remove', ticketId: String(ticketId), email: 'helper@example.test' })).toEqual([{ ticket_id: ticketId, email: 'helper@example.test', removed: true }]);
		expect(faveo.calls().find((request) => request.path.endsWith('/collaborator/remove'))?.body).toMatchObject({ ticketid: ticketId });
		const again = await faveo.run({ resource: 'collaborator', operation: 'remove', ticketId: String(ticketId), email: 'helper@example.test' });
		expect(again.error?.message).toContain('is not a collaborator');
		expect((await faveo.json({ resource: 'collaborator', operation: 'search', search: 'helper' })).length).toBeGreaterThan(0);
	});

	it('customers: register, get, search; agents and teams', async () => {
		const [customer] = await faveo.json({ resource: 'customer', operation: 'create', username: 'walter.white', first_name: 'Walter', additionalFields: { email: 'walter@example.test' } });
		expect(customer).toMatchObject({ email: 'walter@example.test' });
		expect((await faveo.json({ resource: 'customer', operation: 'get', customerId: String(customer.id) }))[0].id).toBe(customer.id);
		expect((await faveo.json({ resource: 'customer', operation: 'search', search: 'walter' })).map((row) => row.id)).toContain(customer.id);
		const admin = await faveo.run({ resource: 'customer', operation: 'get', customerId: '1' });
		expect(admin.error?.message).toBe('Faveo customer 1 was not found');
		expect((await faveo.json({ resource: 'agent', operation: 'getAll' })).length).toBeGreaterThan(1);
		expect((await faveo.json({ resource: 'team', operation: 'getAll' })).length).toBeGreaterThan(0);
	});

	it('move to trash, refuse to trash twice, then delete permanently', async () => {
		expect(await faveo.json({ resource: 'ticket', operation: 'moveToTrash', ticketId: String(ticketId) })).toEqual([{ ticket_id: ticketId, trashed: true }]);
		const twice = await faveo.run({ resource: 'ticket', operation: 'moveToTrash', ticketId: String(ticketId) });
		expect(twice.error?.message).toBe(`Ticket ${ticketId} is already in the trash`);
		expect(faveo.emulator.counters.ticketsHardDeleted).toBe(0);
		expect(await faveo.json({ resource: 'ticket', operation: 'deletePermanently', ticketId: String(ticketId) })).toEqual([{ ticket_id: ticketId, deleted: true }]);
		expect(faveo.emulator.state.tickets.some((ticket) => ticket.id === ticketId)).toBe(false);
	});

	it('API request reaches api/v1 and api/v2 but refuses helpdesk/api_key', async () => {
		const [inbox] = await faveo.json({ resource: 'apiRequest', operation: 'send', method: 'GET', path: '/v1/helpdesk/priority' });
		expect(inbox).toHaveProperty('result');
		const refused = await faveo.run({ resource: 'apiRequest', operation: 'send', method: 'GET', path: '/v1/helpdesk/api_key' });
		expect(refused.error?.message).toContain('regenerates the site’s API key');
		expect(faveo.emulator.counters.apiKeyRegenerations).toBe(0);
	});
});

describe('Faveo customer find or create', () => {
	const faveo = useFaveo({ seedCustomers: 4 });
	const upsert = { resource: 'customer', operation: 'upsert', email: 'Sync.Person@example.test', username: 'sync.person', first_name: 'Sync' };

	it('registers a new email once, then finds it (any case) instead of registering again', async () => {
		const [created] = await faveo.json(upsert);
		expect(created).toMatchObject({ email: 'Sync.Person@example.test', action_type: 'created' });
		const [found] = await faveo.json({ ...upsert, email: 'sync.person@EXAMPLE.test' });
		expect(found).toMatchObject({ id: created.id, action_type: 'found' });
		expect(faveo.calls().filter((request) => request.path.endsWith('/helpdesk/register'))).toHaveLength(1);
	});
});
