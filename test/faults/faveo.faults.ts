import type { IDataObject } from 'n8n-workflow';

import { FaveoHelpdeskApi } from '../../credentials/FaveoHelpdeskApi.credentials';
import { FaveoHelpdesk } from '../../nodes/FaveoHelpdesk/FaveoHelpdesk.node';
import type { FaveoEmulator } from '../FaveoHelpdesk/setup';
import { ADMIN, seedTicket } from '../FaveoHelpdesk/setup';
import { runMatrix } from './matrix';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startFaveo } = require('../emulators/faveo') as { startFaveo: (options?: object) => Promise<FaveoEmulator> };

const all = { returnAll: true };
const firstTicket = async (emulator: FaveoEmulator) => ({ ticketId: String(emulator.state.tickets[0].id) });
const users = (emulator: FaveoEmulator) => emulator.state.users as IDataObject[];
const firstCustomer = (emulator: FaveoEmulator) => users(emulator).find((user) => user.role === 'user')!;

/** A ticket that already has a collaborator, for Remove and Get for Ticket. */
async function ticketWithCollaborator(emulator: FaveoEmulator) {
	const ticketId = seedTicket(emulator, 'Matrix collaborator ticket');
	const collaborator = emulator.store.createUser({ user_name: 'matrix.cc@example.test', email: 'matrix.cc@example.test', first_name: 'Matrix', role: 'user' });
	(emulator.state.collaborators as IDataObject[]).push({ id: 9000, ticket_id: ticketId, user_id: collaborator.id, role: 'ccc' });
	return { ticketId: String(ticketId), email: 'matrix.cc@example.test' };
}

describe('Faveo Helpdesk fault matrix', () => {
	runMatrix<FaveoEmulator>({
		provider: 'FaveoHelpdesk',
		displayName: 'Faveo Helpdesk',
		node: new FaveoHelpdesk(),
		credentialTypes: [new FaveoHelpdeskApi()],
		credentialType: 'faveoHelpdeskApi',
		credentialData: (emulator) => ({ baseUrl: emulator.siteUrl, ...ADMIN, token: '' }),
		startListing: async () => await startFaveo({ subPath: '/faveo/public', rateLimit: 0, seedTickets: 25, seedCustomers: 6 }),
		startSmall: async () => await startFaveo({ subPath: '/faveo/public', rateLimit: 0, seedTickets: 3, seedCustomers: 3 }),
		loginRoutes: ['POST /api/v1/authenticate'],
		snapshot: (emulator) => ({ tickets: emulator.state.tickets, threads: emulator.state.threads, collaborators: emulator.state.collaborators, users: users(emulator).map((user) => ({ ...user, password: undefined })) }),
		fixtures: {
			'ticket.addNote': { parameters: { note: 'Matrix note' }, prepare: firstTicket },
			'ticket.assign': { parameters: { agentEmail: 'amelia.hart@example.com' }, prepare: firstTicket },
			'ticket.create': { parameters: { email: 'matrix.requester@example.test', first_name: 'Matrix', subject: 'Matrix ticket subject', body: 'A body of more than ten characters.', helptopic: 1, sla: 1, priority: 2 } },
			'ticket.deletePermanently': { parameters: {}, prepare: firstTicket },
			'ticket.edit': { parameters: { updateFields: { subject: 'Matrix edited subject' } }, prepare: firstTicket },
			'ticket.get': { parameters: {}, prepare: firstTicket },
			'ticket.getAll': { parameters: { ...all, view: 'all', listOptions: {} } },
			'ticket.getThreads': { parameters: {}, prepare: firstTicket },
			'ticket.moveToTrash': { parameters: {}, prepare: firstTicket },
			'ticket.reply': { parameters: { replyContent: 'Matrix reply text' }, prepare: firstTicket },
			'ticket.search': { parameters: { search: 'a' } },
			'customer.create': { parameters: { username: 'matrix.customer', first_name: 'Matrix', additionalFields: { email: 'matrix.customer@example.test' } } },
			'customer.findOrCreate': { parameters: { email: 'matrix.customer@example.test', username: 'matrix.customer', first_name: 'Matrix' } },
			'customer.get': { parameters: {}, prepare: async (emulator) => ({ customerId: String(firstCustomer(emulator).id) }) },
			'customer.search': { parameters: {}, prepare: async (emulator) => ({ search: String(firstCustomer(emulator).email) }) },
			'agent.getAll': { parameters: {} },
			'team.getAll': { parameters: {} },
			'collaborator.add': { parameters: { email: 'matrix.new.cc@example.test' }, prepare: firstTicket },
			'collaborator.getForTicket': { parameters: {}, prepare: ticketWithCollaborator },
			'collaborator.remove': { parameters: {}, prepare: ticketWithCollaborator },
			'collaborator.search': { parameters: { search: 'a' } },
			'apiRequest.send': { parameters: { method: 'GET', path: '/v1/helpdesk/inbox', returnAllPages: true } },
		},
	});
});
