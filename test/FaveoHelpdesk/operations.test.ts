import { getHelpTopics, getPriorities, getStatuses } from '../../nodes/FaveoHelpdesk/methods/loadOptions';
import { seedTicket, useFaveo } from './setup';

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
const ticket = (operation: string, id: number, extra: object = {}) => ({ resource: 'ticket', operation, ticketId: String(id), ...extra });

describe('Faveo Helpdesk operations', () => {
	const faveo = useFaveo({ seedTickets: 25, seedCustomers: 8 });

	it('dropdowns come from helpdesk/dependency', async () => {
		const context = faveo.harness.loadOptionsContext({ parameters: {}, credentials: { faveoHelpdeskApi: faveo.credentialId } });
		expect((await getHelpTopics.call(context)).map((option) => option.name)).toContain('Support query');
		expect((await getPriorities.call(context)).find((option) => option.name === 'High')?.value).toBe(3);
		expect((await getStatuses.call(context)).map((option) => option.value)).toContain(5);
	});

	it('create returns the full ticket', async () => {
		const [created] = await faveo.json(create);
		expect(created).toMatchObject({ email: 'new.requester@example.test', title: 'Printer on fire' });
		expect(faveo.emulator.store.findTicket(created.id)).toBeDefined();
		expect(faveo.calls().find((request) => request.path.endsWith('/helpdesk/create'))?.body).toMatchObject({ helptopic: 1, sla: 1, priority: 2 });
	});

	it('create with too short a subject: the 422 field errors are shown', async () => {
		const result = await faveo.run({ ...create, subject: 'Hi' });
		expect(result.error?.message).toContain('Faveo rejected the data: subject:');
	});

	it('get, and a ticket Faveo does not have is "not found"', async () => {
		const id = seedTicket(faveo.emulator);
		expect((await faveo.json(ticket('get', id)))[0].id).toBe(id);
		const missing = await faveo.run(ticket('get', 99999));
		expect(missing.error?.message).toBe('Faveo ticket 99999 was not found');
		expect(missing.error?.description).toContain('ticket_id: The selected ticket id is invalid.');
	});

	it('a ticket ID that is not a positive whole number is refused before any request', async () => {
		const result = await faveo.run(ticket('get', 0, { ticketId: 'AAAA-0000-0001' }));
		expect(result.error?.message).toBe('"AAAA-0000-0001" is not a valid Faveo ticket ID');
		expect(faveo.calls()).toHaveLength(0);
	});

	it('get many pages through v1 lists (10 per page, no page size sent) and honours the limit', async () => {
		const all = await faveo.json({ resource: 'ticket', operation: 'getAll', view: 'all', returnAll: true });
		expect(all.length).toBe(faveo.emulator.state.tickets.length);
		expect(new Set(all.map((row) => row.id)).size).toBe(all.length);
		const pages = faveo.calls().filter((request) => request.path.endsWith('/helpdesk/tickets'));
		expect(pages).toHaveLength(Math.ceil(all.length / 10));
		expect(pages.map((request) => request.query)).toEqual(pages.map((_, index) => ({ page: String(index + 1) })));
		expect(await faveo.json({ resource: 'ticket', operation: 'getAll', view: 'all', returnAll: false, limit: 12 })).toHaveLength(12);
	});

	it('get many with the filtered (v2) list sends the one v2 query and reads every page', async () => {
		const open = faveo.emulator.state.tickets.filter((row) => row.status === 1).length;
		const filtered = await faveo.json({ resource: 'ticket', operation: 'getAll', view: 'inbox', returnAll: true, listOptions: { useFilteredList: true, sortBy: 'id', order: 'asc' } });
		expect(filtered).toHaveLength(open);
		expect(filtered.map((row) => row.id)).toEqual([...filtered.map((row) => row.id)].sort((a, b) => Number(a) - Number(b)));
		expect(faveo.calls().at(-1)?.query).toEqual({ api: '1', show: 'inbox', departments: 'All', 'sort-by': 'id', order: 'asc', page: '1', records_per_page: '499' });
	});

	it('reply, internal note and threads (JSON sent as text/html)', async () => {
		const id = seedTicket(faveo.emulator);
		await faveo.json(ticket('reply', id, { replyContent: 'We are on our way with a fire extinguisher.' }));
		await faveo.json(ticket('addNote', id, { note: 'Called facilities.' }));
		const threads = await faveo.json(ticket('getThreads', id));
		expect(threads.map((thread) => thread.body)).toEqual(expect.arrayContaining(['We are on our way with a fire extinguisher.', 'Called facilities.']));
	});

	it('search returns each matching ticket once', async () => {
		const id = seedTicket(faveo.emulator, 'Search target: the blue kettle');
		faveo.emulator.store.addThread({ ticket_id: id, user_id: 1, poster: 'support', body: 'The blue kettle is on its way.' });
		const found = await faveo.json({ resource: 'ticket', operation: 'search', search: 'blue kettle' });
		expect(found).toEqual([{ ticket_id: id }]);
	});

	it('edit changes only the given field and keeps the status', async () => {
		const id = seedTicket(faveo.emulator, 'Edit target ticket', { status: 2 });
		const [after] = await faveo.json(ticket('edit', id, { updateFields: { ticket_priority: 4 } }));
		expect(after).toMatchObject({ priority_id: 4, status: 2, title: 'Edit target ticket' });
		expect(faveo.emulator.counters.statusBlanked).toBe(0);
	});

	it('assign by agent email; an unknown agent (HTTP 200 error) fails', async () => {
		const id = seedTicket(faveo.emulator);
		const [assigned] = await faveo.json(ticket('assign', id, { agentEmail: 'amelia.hart@example.com' }));
		expect(assigned).toMatchObject({ id, assignee: { email: 'amelia.hart@example.com' } });
		const unknown = await faveo.run(ticket('assign', id, { agentEmail: 'nobody@example.test' }));
		expect(unknown.error?.message).toBe('Faveo Helpdesk reported an error: No agent not found');
	});

	it('collaborators: add, list, remove (with "ticketid"), remove again is not found, search', async () => {
		const id = seedTicket(faveo.emulator);
		const collaborator = (operation: string, extra: object = {}) => ({ resource: 'collaborator', operation, ticketId: String(id), ...extra });
		await faveo.json(collaborator('add', { email: 'helper@example.test' }));
		expect((await faveo.json(collaborator('getForTicket'))).map((entry) => entry.email)).toEqual(['helper@example.test']);
		expect(await faveo.json(collaborator('remove', { email: 'helper@example.test' }))).toEqual([{ ticket_id: id, email: 'helper@example.test', removed: true }]);
		expect(faveo.calls().find((request) => request.path.endsWith('/collaborator/remove'))?.body).toMatchObject({ ticketid: id });
		const again = await faveo.run(collaborator('remove', { email: 'helper@example.test' }));
		expect(again.error?.message).toBe(`helper@example.test is not a collaborator on ticket ${id}`);
		expect((await faveo.json({ resource: 'collaborator', operation: 'search', search: 'helper' })).map((user) => user.email)).toContain('helper@example.test');
	});

	it('customers: register, get, search; an admin is not a customer', async () => {
		const [customer] = await faveo.json({ resource: 'customer', operation: 'create', username: 'walter.white', first_name: 'Walter', additionalFields: { email: 'walter@example.test' } });
		expect(customer).toMatchObject({ email: 'walter@example.test', user_name: 'walter.white' });
		expect((await faveo.json({ resource: 'customer', operation: 'get', customerId: String(customer.id) }))[0].id).toBe(customer.id);
		expect((await faveo.json({ resource: 'customer', operation: 'search', search: 'walter' })).map((row) => row.id)).toEqual([customer.id]);
		const admin = await faveo.run({ resource: 'customer', operation: 'get', customerId: '1' });
		expect(admin.error?.message).toBe('Faveo customer 1 was not found');
	});

	it('agents and teams', async () => {
		expect((await faveo.json({ resource: 'agent', operation: 'getAll' })).map((agent) => agent.user_name)).toEqual(expect.arrayContaining(['demoadmin', 'amelia.hart']));
		expect((await faveo.json({ resource: 'team', operation: 'getAll' })).map((team) => team.name)).toContain('Level 1 Support');
	});

	it('move to trash, refuse to trash twice, then delete permanently', async () => {
		const id = seedTicket(faveo.emulator);
		expect(await faveo.json(ticket('moveToTrash', id))).toEqual([{ ticket_id: id, trashed: true }]);
		const twice = await faveo.run(ticket('moveToTrash', id));
		expect(twice.error?.message).toBe(`Ticket ${id} is already in the trash`);
		expect(faveo.emulator.counters.ticketsHardDeleted).toBe(0);
		expect(await faveo.json(ticket('deletePermanently', id))).toEqual([{ ticket_id: id, deleted: true }]);
		expect(faveo.emulator.store.findTicket(id)).toBeUndefined();
	});

	it('delete permanently trashes first when the ticket is not in the trash yet', async () => {
		const id = seedTicket(faveo.emulator);
		expect(await faveo.json(ticket('deletePermanently', id))).toEqual([{ ticket_id: id, deleted: true }]);
		expect(faveo.calls().filter((request) => request.path.endsWith('/helpdesk/delete'))).toHaveLength(2);
		expect(faveo.emulator.store.findTicket(id)).toBeUndefined();
	});

	it('API Request reaches api/v1, and follows v1 and v2 paging with "Return All Pages"', async () => {
		const [priorities] = await faveo.json({ resource: 'apiRequest', operation: 'send', method: 'GET', path: '/v1/helpdesk/priority' });
		expect(priorities.result).toEqual(expect.arrayContaining([{ name: 'High', id: 3 }]));
		const v1 = await faveo.json({ resource: 'apiRequest', operation: 'send', method: 'GET', path: '/v1/helpdesk/tickets', returnAllPages: true });
		expect(v1).toHaveLength(faveo.emulator.state.tickets.length);
		const v2 = await faveo.json({ resource: 'apiRequest', operation: 'send', method: 'GET', path: '/v2/helpdesk/tickets?api=1&show=inbox&departments=All', returnAllPages: true });
		expect(v2).toHaveLength(faveo.emulator.state.tickets.filter((row) => row.status === 1).length);
	});
});

describe('Faveo customer Find or Create', () => {
	const faveo = useFaveo({ seedCustomers: 4 });
	const findOrCreate = (email: string, username: string) => ({ resource: 'customer', operation: 'findOrCreate', email, username, first_name: 'Sync' });

	it('registers a new email, with action_type "created"', async () => {
		const [created] = await faveo.json(findOrCreate('New.Person@example.test', 'new.person'));
		expect(created).toMatchObject({ email: 'New.Person@example.test', user_name: 'new.person', action_type: 'created' });
		expect(faveo.calls().filter((request) => request.path.endsWith('/helpdesk/register'))).toHaveLength(1);
	});

	it('finds an existing customer in any letter case and returns it as it is, with action_type "found"', async () => {
		const existing = faveo.emulator.store.createUser({ user_name: 'known.person', email: 'Known.Person@example.test', first_name: 'Known', role: 'user' });
		const [found] = await faveo.json(findOrCreate('known.person@EXAMPLE.test', 'someone.else'));
		expect(found).toMatchObject({ id: existing.id, user_name: 'known.person', first_name: 'Known', action_type: 'found' });
		expect(faveo.calls().filter((request) => request.path.endsWith('/helpdesk/register'))).toHaveLength(0);
	});

	it('a search match that only contains the email is not taken for it', async () => {
		faveo.emulator.store.createUser({ user_name: 'long.name', email: 'xsam@example.test', first_name: 'Long', role: 'user' });
		const [created] = await faveo.json(findOrCreate('sam@example.test', 'sam.short'));
		expect(created).toMatchObject({ email: 'sam@example.test', action_type: 'created' });
	});
});
