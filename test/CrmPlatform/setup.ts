import type { IDataObject } from 'n8n-workflow';

import { CrmPlatformApi } from '../../credentials/CrmPlatformApi.credentials';
import { CrmPlatformJwtApi } from '../../credentials/CrmPlatformJwtApi.credentials';
import { CrmPlatform } from '../../nodes/CrmPlatform/CrmPlatform.node';
import { useEmulator } from '../harness/useEmulator';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startCrmPlatform } = require('../emulators/crmplatform') as { startCrmPlatform: (options?: IDataObject) => Promise<CrmEmulator> };

export interface CrmEmulator {
	url: string;
	siteUrl: string;
	requests: Array<{ method: string; path: string; query: IDataObject; body: unknown; status?: number; hasAuthorization?: boolean }>;
	counters: Record<string, number>;
	config: IDataObject;
	state: { tables: Record<string, IDataObject[]> };
	issueToken(userId: number): string;
	expireTokens(userId?: number): void;
	advanceClock(seconds: number): void;
	resetCounters(): void;
	resetLog(): void;
	stop(): Promise<void>;
}

export const DEMO = { identifier: 'demo', password: 'demo123' };

export function useCrmPlatform(emulatorOptions: IDataObject = {}) {
	return useEmulator<CrmEmulator>({
		start: async () => await startCrmPlatform({ subPath: '/strapi', ...emulatorOptions }),
		nodes: [new CrmPlatform()],
		credentialTypes: [new CrmPlatformApi(), new CrmPlatformJwtApi()],
		credentialType: 'crmPlatformApi',
		credentialData: (emulator) => ({ baseUrl: emulator.siteUrl, ...DEMO, jwt: '' }),
	});
}

/** Run options that pick the pasted-JWT credential. */
export const withJwt = (credentialId: string) => ({ credentialId, credentialType: 'crmPlatformJwtApi', parameters: { authentication: 'jwt' } });
