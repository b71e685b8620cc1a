import { FaveoHelpdeskTrigger } from '../../nodes/FaveoHelpdesk/FaveoHelpdeskTrigger.node';
import { API_KEY, useFaveo } from './setup';

describe('Faveo Helpdesk Trigger (polling)', () => {
	const faveo = useFaveo({ seedTickets: 25 });
	let count = 0;
	const create = () => ({
		resource: 'ticket',
		operation: 'create',
		email: 'trigger@example.test',
		first_name: 'Tina',
		subject: `New laptop please ${++count}`,
		body: 'My laptop stopped working today.',
		helptopic: 1,
		sla: 1,
		priority: 2,
	});
	const poller = (event: string, credentialId = faveo.credentialId) =>
		faveo.harness.trigger({ parameters: { event, options: {} }, credentials: { faveoHelpdeskApi: credentialId } }, new FaveoHelpdeskTrigger());
	const ids = (polled: Awaited<ReturnType<ReturnType<typeof poller>['poll']>>) => polled?.[0].map((item) => item.json.id) ?? [];

	it.each(['ticketCreated', 'ticketUpdated'])('%s: first poll silent, then each new ticket once', async (event) => {
		const trigger = poller(event);
		expect(await trigger.poll()).toBeNull();
		faveo.emulator.advanceClock(120);
		const [ticket] = await faveo.json(create());
		expect(ids(await trigger.poll())).toEqual([ticket.id]);
		expect(await trigger.poll()).toBeNull();
	});

	it('Ticket Created: a ticket that is answered and edited after it was emitted is not emitted again', async () => {
		const trigger = poller('ticketCreated');
		await trigger.poll();
		faveo.emulator.advanceClock(120);
		const [ticket] = await faveo.json(create());
		expect(ids(await trigger.poll())).toEqual([ticket.id]);
		faveo.emulator.advanceClock(60);
		await faveo.json({ resource: 'ticket', operation: 'reply', ticketId: String(ticket.id), replyContent: 'A new one is on its way.' });
		await faveo.json({ resource: 'ticket', operation: 'edit', ticketId: String(ticket.id), updateFields: { ticket_priority: 4 } });
		expect(faveo.emulator.store.findTicket(ticket.id)?.updated_at).not.toBe(ticket.updated_at);
		expect(await trigger.poll()).toBeNull();
	});

	it('Ticket Created or Updated: the same ticket is emitted again when it is answered', async () => {
		const trigger = poller('ticketUpdated');
		await trigger.poll();
		faveo.emulator.advanceClock(120);
		const [ticket] = await faveo.json(create());
		expect(ids(await trigger.poll())).toEqual([ticket.id]);
		faveo.emulator.advanceClock(60);
		await faveo.json({ resource: 'ticket', operation: 'reply', ticketId: String(ticket.id), replyContent: 'A new one is on its way.' });
		const again = await trigger.poll();
		expect(ids(again)).toEqual([ticket.id]);
		expect(again?.[0][0].json.updated_at).not.toBe(ticket.updated_at);
	});

	it('Ticket Created or Updated fires with an API key in the credential: the v2 list never gets the key', async () => {
		const credentialId = faveo.addCredential({ apiKey: API_KEY, keyInGetQueries: true });
		const trigger = poller('ticketUpdated', credentialId);
		await trigger.poll();
		faveo.emulator.advanceClock(120);
		const [ticket] = await faveo.json(create());
		expect(ids(await trigger.poll())).toEqual([ticket.id]);
		const lists = faveo.calls().filter((request) => request.path.endsWith('/api/v2/helpdesk/tickets'));
		expect(lists.length).toBeGreaterThan(0);
		expect(lists.every((request) => !('api_key' in request.query))).toBe(true);
	});

	it('a broken list page stops the poll with an error instead of "no new tickets"', async () => {
		const trigger = poller('ticketCreated');
		await trigger.poll();
		faveo.emulator.injectFault({ status: 200, kind: 'html', match: '/helpdesk/tickets?' });
		await expect(trigger.poll()).rejects.toThrow('Faveo Helpdesk answered with something that is not the expected JSON');
	});
});
