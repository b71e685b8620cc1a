import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { CrmPlatformApi } from '../../credentials/CrmPlatformApi.credentials';
import { CrmPlatformJwtApi } from '../../credentials/CrmPlatformJwtApi.credentials';
import { CrmPlatform } from '../../nodes/CrmPlatform/CrmPlatform.node';
import { NodeHarness } from '../harness/runNode';

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
	const context = {} as {
		emulator: CrmEmulator;
		harness: NodeHarness;
		credentialId: string;
		addCredential(overrides?: IDataObject): string;
		run(parameters: INodeParameters, items?: IDataObject[], options?: { continueOnFail?: boolean; credentialId?: string; jwt?: boolean }): ReturnType<NodeHarness['run']>;
		json(parameters: INodeParameters, items?: IDataObject[]): Promise<IDataObject[]>;
		calls(): CrmEmulator['requests'];
	};
	beforeAll(async () => {
		context.emulator = await startCrmPlatform({ subPath: '/strapi', ...emulatorOptions });
		context.harness = new NodeHarness([new CrmPlatform()], [new CrmPlatformApi(), new CrmPlatformJwtApi()]);
		context.addCredential = (overrides = {}) => context.harness.addCredential('crmPlatformApi', { baseUrl: context.emulator.siteUrl, ...DEMO, jwt: '', ...overrides });
		context.credentialId = context.addCredential();
	});
	afterAll(async () => await context.emulator.stop());
	beforeEach(() => {
		context.emulator.resetLog();
		context.emulator.resetCounters();
	});
	context.run = async (parameters, items = [{}], options = {}) =>
		await context.harness.run({
			parameters: options.jwt ? { authentication: 'jwt', ...parameters } : parameters,
			items,
			credentials: options.jwt ? { crmPlatformJwtApi: options.credentialId ?? '' } : { crmPlatformApi: options.credentialId ?? context.credentialId },
			continueOnFail: options.continueOnFail,
		});
	context.json = async (parameters, items) => {
		const result = await context.run(parameters, items);
		if (result.error) throw new Error(`${result.error.message} — ${result.error.description ?? ''}`);
		return result.items.map((item) => item.json);
	};
	context.calls = () => context.emulator.requests.filter((request) => !request.path.includes('/__emulator'));
	return context;
}
