import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { FuseUniversalApi } from '../../credentials/FuseUniversalApi.credentials';
import { FuseUniversal } from '../../nodes/FuseUniversal/FuseUniversal.node';
import { NodeHarness } from '../harness/runNode';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startFuse } = require('../emulators/fuse') as { startFuse: (options?: IDataObject) => Promise<FuseEmulator> };

export interface FuseEmulator {
	url: string;
	requests: Array<{ method: string; path: string; query: IDataObject; body: unknown; status?: number; hasAuthToken?: boolean }>;
	counters: Record<string, number>;
	config: IDataObject;
	state: { users: IDataObject[]; [key: string]: unknown };
	setConfig(patch: IDataObject): void;
	expireTokens(user?: string): void;
	resetCounters(): void;
	resetLog(): void;
	stop(): Promise<void>;
}

export const ADMIN = { loginName: 'api.admin', password: 'Adm1n-Secret-Pass!' };

export function useFuse(emulatorOptions: IDataObject = {}) {
	const context = {} as {
		emulator: FuseEmulator;
		harness: NodeHarness;
		credentialId: string;
		addCredential(overrides?: IDataObject): string;
		run(parameters: INodeParameters, items?: IDataObject[], options?: { continueOnFail?: boolean; credentialId?: string }): ReturnType<NodeHarness['run']>;
		json(parameters: INodeParameters, items?: IDataObject[]): Promise<IDataObject[]>;
		calls(): FuseEmulator['requests'];
	};
	beforeAll(async () => {
		context.emulator = await startFuse(emulatorOptions);
		context.harness = new NodeHarness([new FuseUniversal()], [new FuseUniversalApi()]);
		context.addCredential = (overrides = {}) =>
			context.harness.addCredential('fuseUniversalApi', { baseUrl: context.emulator.url, apiVersion: 'v5.0', ...ADMIN, authToken: '', ...overrides });
		context.credentialId = context.addCredential();
	});
	afterAll(async () => await context.emulator.stop());
	beforeEach(() => {
		context.emulator.resetLog();
		context.emulator.resetCounters();
	});
	context.run = async (parameters, items = [{}], options = {}) =>
		await context.harness.run({ parameters, items, credentials: { fuseUniversalApi: options.credentialId ?? context.credentialId }, continueOnFail: options.continueOnFail });
	context.json = async (parameters, items) => {
		const result = await context.run(parameters, items);
		if (result.error) throw new Error(`${result.error.message} — ${result.error.description ?? ''}`);
		return result.items.map((item) => item.json);
	};
	context.calls = () => context.emulator.requests.filter((request) => !request.path.startsWith('/__emulator'));
	return context;
}
