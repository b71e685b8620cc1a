import type { IDataObject } from 'n8n-workflow';

import { FaveoHelpdeskApi } from '../../credentials/FaveoHelpdeskApi.credentials';
import { FaveoHelpdesk } from '../../nodes/FaveoHelpdesk/FaveoHelpdesk.node';
import { useEmulator } from '../harness/useEmulator';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startFaveo } = require('../emulators/faveo') as { startFaveo: (options?: IDataObject) => Promise<FaveoEmulator> };

export interface FaveoEmulator {
	url: string;
	siteUrl: string;
	requests: Array<{ method: string; path: string; query: IDataObject; body: unknown; status?: number }>;
	counters: Record<string, number>;
	config: IDataObject;
	state: IDataObject & { tickets: IDataObject[]; logins: IDataObject[] };
	setConfig(patch: IDataObject): void;
	expireAllTokens(userId?: number): void;
	resetCounters(): void;
	resetLog(): void;
	stop(): Promise<void>;
}

export const ADMIN = { username: 'demoadmin', password: 'demopass' };

export function useFaveo(emulatorOptions: IDataObject = {}) {
	return useEmulator<FaveoEmulator>({
		start: async () => await startFaveo({ subPath: '/faveo/public', rateLimit: 0, ...emulatorOptions }),
		nodes: [new FaveoHelpdesk()],
		credentialTypes: [new FaveoHelpdeskApi()],
		credentialType: 'faveoHelpdeskApi',
		credentialData: (emulator) => ({ baseUrl: emulator.siteUrl, ...ADMIN, token: '' }),
	});
}
