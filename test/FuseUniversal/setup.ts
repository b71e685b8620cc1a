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
	store: { insertUser(fields: IDataObject): IDataObject };
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

let admins = 0;
/** An admin account no other test logged in with: the shared login would otherwise hand out a token it already knows. */
export function newAdmin(emulator: FuseEmulator): { loginName: string; password: string } {
	const loginName = `test.admin.${++admins}.${Math.random().toString(36).slice(2, 8)}`;
	const password = `Adm1n-Test-Pass-${admins}!`;
	emulator.store.insertUser({ username: loginName, email: `${loginName}@acme-learning.test`, password, given_name: 'Test', family_name: 'Admin', role: 'admin' });
	return { loginName, password };
}
