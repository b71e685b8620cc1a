import { FaveoHelpdeskTrigger } from '../../nodes/FaveoHelpdesk/FaveoHelpdeskTrigger.node';
import { useFaveo } from './setup';

describe('Faveo Helpdesk Trigger (polling)', () => {
	const faveo = useFaveo({ seedTickets: 25 });
	const create = { resource: 'ticket', operation: 'create', email: 'trigger@example.test', first_name: 'Tina', subject: 'New laptop please', body: 'My laptop stopped working today.', helptopic: 1, sla: 1, priority: 2 };

	it.each(['ticketCreated', 'ticketUpdated'])('%s: first poll silent, then each new ticket once', async (event) => {
		const poller = faveo.harness.trigger({ parameters: { event, options: {} }, credentials: { faveoHelpdeskApi: faveo.credentialId } }, new FaveoHelpdeskTrigger());
		expect(await poller.poll()).toBeNull();
		(faveo.emulator as unknown as { advanceClock(s: number): void }).advanceClock(120);
		const [ticket] = await faveo.json(create);
		expect((await poller.poll())?.[0].map((item) => item.json.id)).toEqual([ticket.id]);
		expect(await poller.poll()).toBeNull();
	});
});
