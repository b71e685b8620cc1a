import type { IDataObject } from 'n8n-workflow';

import { NexudusApi } from '../../credentials/NexudusApi.credentials';
import { Nexudus } from '../../nodes/Nexudus/Nexudus.node';
import type { NexudusEmulator } from '../Nexudus/setup';
import { ADMIN } from '../Nexudus/setup';
import { runMatrix } from './matrix';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startNexudus } = require('../emulators/nexudus') as { startNexudus: (options?: object) => Promise<NexudusEmulator> };

const all = { returnAll: true };
const first = (table: string) => async (emulator: NexudusEmulator) => ({ id: String((emulator.state[table] as IDataObject[])[0].Id) });
const business = async (emulator: NexudusEmulator) => ({ BusinessId: Number(emulator.state.businesses[0].Id) });

describe('Nexudus fault matrix', () => {
	runMatrix<NexudusEmulator>({
		provider: 'Nexudus',
		displayName: 'Nexudus',
		node: new Nexudus(),
		credentialTypes: [new NexudusApi()],
		credentialType: 'nexudusApi',
		credentialData: (emulator) => ({ baseUrl: `${emulator.url}/api`, ...ADMIN }),
		startListing: async () => await startNexudus({ rateLimit: 'off', seedCoworkers: 1203, seedBookings: 1203, seedCheckins: 1203, seedInvoices: 1203, seedTeams: 1203, seedResources: 1203, seedProducts: 1203, seedWebhooks: 1203 }),
		startSmall: async () => await startNexudus({ rateLimit: 'off', seedCoworkers: 5, seedBookings: 3, seedCheckins: 3, seedInvoices: 3, seedWebhooks: 2, allowCoworkerDelete: true }),
		loginRoutes: [],
		snapshot: (emulator) => ['coworkers', 'teams', 'bookings', 'resources', 'products', 'webhooks'].map((table) => emulator.state[table]),
		fixtures: {
			'coworker.create': { parameters: { FullName: 'Matrix Person', Email: 'matrix.person@example.test', CountryId: 1, SimpleTimeZoneId: 1 } },
			'coworker.upsert': { parameters: { FullName: 'Matrix Person', Email: 'matrix.person@example.test', CountryId: 1, SimpleTimeZoneId: 1 } },
			'coworker.delete': { parameters: {}, prepare: first('coworkers') },
			'coworker.get': { parameters: {}, prepare: first('coworkers') },
			'coworker.getAll': { parameters: all },
			'coworker.update': { parameters: { updateFields: { Notes: 'Matrix' } }, prepare: first('coworkers') },
			'team.create': { parameters: { Name: 'Matrix Team' }, prepare: business },
			'team.delete': { parameters: {}, prepare: first('teams') },
			'team.get': { parameters: {}, prepare: first('teams') },
			'team.getAll': { parameters: all },
			'team.update': { parameters: { updateFields: { Description: 'Matrix' } }, prepare: first('teams') },
			'booking.create': { parameters: {}, prepare: async (emulator) => ({ ResourceId: Number(emulator.state.resources[0].Id), FromTime: '2031-03-01T09:00:00Z', ToTime: '2031-03-01T10:00:00Z' }) },
			'booking.delete': { parameters: {}, prepare: first('bookings') },
			'booking.get': { parameters: {}, prepare: first('bookings') },
			'booking.getAll': { parameters: all },
			'booking.update': { parameters: { updateFields: { Notes: 'Matrix' } }, prepare: first('bookings') },
			'resource.create': { parameters: { Name: 'Matrix Room' }, prepare: business },
			'resource.delete': { parameters: {}, prepare: first('resources') },
			'resource.get': { parameters: {}, prepare: first('resources') },
			'resource.getAll': { parameters: all },
			'resource.update': { parameters: { updateFields: { Description: 'Matrix' } }, prepare: first('resources') },
			'product.create': { parameters: { Name: 'Matrix Product', Price: 5 }, prepare: business },
			'product.delete': { parameters: {}, prepare: first('products') },
			'product.get': { parameters: {}, prepare: first('products') },
			'product.getAll': { parameters: all },
			'product.update': { parameters: { updateFields: { Description: 'Matrix' } }, prepare: first('products') },
			'invoice.get': { parameters: {}, prepare: first('coworkerinvoices') },
			'invoice.getAll': { parameters: all },
			'checkin.get': { parameters: {}, prepare: first('checkins') },
			'checkin.getAll': { parameters: all },
			'webhook.create': { parameters: { Name: 'Matrix Hook', Action: 3, URL: 'https://n8n.example/webhook/matrix' }, prepare: business },
			'webhook.delete': { parameters: {}, prepare: first('webhooks') },
			'webhook.getAll': { parameters: all },
			'apiRequest.send': { parameters: { method: 'GET', path: '/spaces/coworkers', returnAllPages: true } },
		},
	});
});
