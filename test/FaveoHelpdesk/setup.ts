import type { IDataObject } from 'n8n-workflow';

import { FaveoHelpdeskApi } from '../../credentials/FaveoHelpdeskApi.credentials';
import { FaveoHelpdesk } from '../../nodes/FaveoHelpdesk/FaveoHelpdesk.node';
import { useEmulator } from '../harness/useEmulator';
import type { EmulatorLike } from '../harness/useEmulator';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startFaveo } = require('../emulators/faveo') as { startFaveo: (options?: IDataObject) => Promise<FaveoEmulator> };

export interface FaveoStore {
	findTicket(id: unknown): IDataObject | undefined;
	createTicket(columns: IDataObject): IDataObject;
	addThread(columns: IDataObject): IDataObject;
	threadsOf(ticketId: unknown): IDataObject[];
	findUserByEmail(email: string): IDataObject | undefined;
	createUser(input: IDataObject): IDataObject;
}

export interface FaveoEmulator extends EmulatorLike {
	url: string;
	siteUrl: string;
	requests: Array<{ method: string; path: string; query: IDataObject; body: unknown; status?: number; hasAuthorization?: boolean }>;
	counters: Record<string, number> & { tokenFrom: Record<string, number>; trapCalls: Record<string, number> };
	config: IDataObject;
	state: IDataObject & { tickets: IDataObject[]; logins: IDataObject[]; settings: IDataObject; trapCalls: IDataObject[] };
	store: FaveoStore;
	setConfig(patch: IDataObject): void;
	expireAllTokens(userId?: number): number;
	advanceClock(seconds: number): number;
	resetThrottle(): void;
	resetCounters(): void;
}

export const ADMIN = { username: 'demoadmin', password: 'demopass' };
export const API_KEY = 'Zq8sYv2LmT4nRb7KcW1pXe9dHf3gJu6A';

export function useFaveo(emulatorOptions: IDataObject = {}) {
	return useEmulator<FaveoEmulator>({
		start: async () => await startFaveo({ subPath: '/faveo/public', rateLimit: 0, apiKey: API_KEY, ...emulatorOptions }),
		nodes: [new FaveoHelpdesk()],
		credentialTypes: [new FaveoHelpdeskApi()],
		credentialType: 'faveoHelpdeskApi',
		credentialData: (emulator) => ({ baseUrl: emulator.siteUrl, ...ADMIN, token: '' }),
	});
}

/** A ticket of its own for one test, written straight into the emulator's store: its id. */
export function seedTicket(emulator: FaveoEmulator, subject = `Seeded ticket ${Math.random().toString(36).slice(2, 8)}`, columns: IDataObject = {}): number {
	const requester = emulator.store.findUserByEmail('seeded.requester@example.test') ?? emulator.store.createUser({ user_name: 'seeded.requester@example.test', email: 'seeded.requester@example.test', first_name: 'Seeded', role: 'user' });
	const ticket = emulator.store.createTicket({ user_id: requester.id, dept_id: 1, help_topic_id: 1, sla: 1, priority_id: 2, status: 1, ...columns });
	emulator.store.addThread({ ticket_id: ticket.id, user_id: requester.id, poster: 'client', title: subject, body: `<p>${subject}: the details.</p>` });
	return Number(ticket.id);
}

let agents = 0;
/** A staff account no other test logged in with, so its logins start cold (the shared login remembers tokens and failures). */
export function newAgent(emulator: FaveoEmulator): { username: string; password: string } {
	agents += 1;
	const username = `test.agent${agents}.${Math.random().toString(36).slice(2, 8)}`;
	const password = `Agent-pass-${agents}`;
	emulator.store.createUser({ user_name: username, email: `${username}@example.test`, first_name: 'Test', last_name: `Agent ${agents}`, role: 'agent', primary_dpt: 1, password });
	return { username, password };
}
