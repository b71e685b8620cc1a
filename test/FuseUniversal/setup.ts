import type { IDataObject } from 'n8n-workflow';

import { FuseUniversalApi } from '../../credentials/FuseUniversalApi.credentials';
import { FuseUniversal } from '../../nodes/FuseUniversal/FuseUniversal.node';
import { useEmulator } from '../harness/useEmulator';
import type { EmulatorLike } from '../harness/useEmulator';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startFuse } = require('../emulators/fuse') as { startFuse: (options?: IDataObject) => Promise<FuseEmulator> };

export interface FuseEmulator extends EmulatorLike {
	url: string;
	requests: Array<{ method: string; path: string; query: IDataObject; body: unknown; status?: number; hasAuthToken?: boolean }>;
	counters: Record<string, number>;
	config: IDataObject;
	state: { users: IDataObject[]; [key: string]: unknown };
	setConfig(patch: IDataObject): void;
	expireTokens(user?: string): void;
	resetCounters(): void;
}

export const ADMIN = { loginName: 'api.admin', password: 'Adm1n-Secret-Pass!' };

export function useFuse(emulatorOptions: IDataObject = {}) {
	return useEmulator<FuseEmulator>({
		start: async () => await startFuse(emulatorOptions),
		nodes: [new FuseUniversal()],
		credentialTypes: [new FuseUniversalApi()],
		credentialType: 'fuseUniversalApi',
		credentialData: (emulator) => ({ baseUrl: emulator.url, apiVersion: 'v5.0', ...ADMIN, authToken: '' }),
	});
}
