import type { IDataObject } from 'n8n-workflow';

import { CrmPlatformApi } from '../../credentials/CrmPlatformApi.credentials';
import { CrmPlatformJwtApi } from '../../credentials/CrmPlatformJwtApi.credentials';
import { CrmPlatform } from '../../nodes/CrmPlatform/CrmPlatform.node';
import { useEmulator } from '../harness/useEmulator';
import type { EmulatorLike } from '../harness/useEmulator';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startCrmPlatform } = require('../emulators/crmplatform') as { startCrmPlatform: (options?: IDataObject) => Promise<CrmEmulator> };

export interface CrmEmulator extends EmulatorLike {
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
	tableCounts(): Record<string, number>;
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

/**
 * The emulator's own API (as the demo user), for the records a test needs before it runs the node.
 * The request log is cleared afterwards, so `calls()` shows only the node's requests.
 */
export async function crmApi(emulator: CrmEmulator, method: string, path: string, body?: IDataObject): Promise<IDataObject> {
	const response = await fetch(`${emulator.siteUrl}${path}`, {
		method,
		headers: { Authorization: `Bearer ${emulator.issueToken(1)}`, 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	if (response.status !== 200) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
	emulator.resetLog();
	return JSON.parse(text) as IDataObject;
}

let serial = 0;

/** An email no other test uses. */
export const uniqueEmail = (label: string) => `${label}.${++serial}.${Date.now()}@example.org`;

/** A contact of the calling test's own (an individual unless told otherwise). */
export async function newContact(emulator: CrmEmulator, fields: IDataObject = {}): Promise<IDataObject> {
	return await crmApi(emulator, 'POST', '/crm-plugin/contact', { name: 'Test Person', contact_type: 'individual', first_name: 'Test', last_name: 'Person', email: uniqueEmail('contact'), ...fields });
}
