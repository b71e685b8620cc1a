import type { IDataObject } from 'n8n-workflow';

import { FluentCrmApi } from '../../credentials/FluentCrmApi.credentials';
import { FluentCrm } from '../../nodes/FluentCrm/FluentCrm.node';
import { useEmulator } from '../harness/useEmulator';
import type { EmulatorLike } from '../harness/useEmulator';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startFluentCrm } = require('../emulators/fluentcrm') as { startFluentCrm: (options?: IDataObject) => Promise<FluentEmulator> };

export interface LoggedRequest {
	method: string;
	path: string;
	query: IDataObject;
	headers: IDataObject;
	body: unknown;
	hasAuthorization?: boolean;
}

export interface FluentEmulator extends EmulatorLike {
	url: string;
	siteUrl: string;
	requests: Array<LoggedRequest & { status?: number }>;
	state: { contacts: IDataObject[]; tags: IDataObject[]; lists: IDataObject[]; [key: string]: unknown };
	store: { createTaxonomy(kind: 'tag' | 'list', row: IDataObject): IDataObject; insertContact(columns: IDataObject): IDataObject; attach(contactId: number, kind: 'tag' | 'list', ids: number[]): void };
	config: IDataObject;
	doubleOptinEmailsSent: number;
	destructiveCalls: IDataObject[];
	seed(data: IDataObject): void;
}

export const ADMIN = { username: 'admin', applicationPassword: 'abcd efgh ijkl mnop qrst uvwx' };

/** One FluentCRM emulator + harness per test file; `fluent.run` executes the FluentCRM node through n8n-core. */
export function useFluentCrm(emulatorOptions: IDataObject = {}) {
	return useEmulator<FluentEmulator>({
		start: async () => await startFluentCrm(emulatorOptions),
		nodes: [new FluentCrm()],
		credentialTypes: [new FluentCrmApi()],
		credentialType: 'fluentCrmApi',
		credentialData: (emulator) => ({ siteUrl: emulator.siteUrl, ...ADMIN }),
	});
}

export const byId = (id: number | string) => ({ __rl: true, mode: 'id', value: String(id) });
export const byEmail = (email: string) => ({ __rl: true, mode: 'email', value: email });
