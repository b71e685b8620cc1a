import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { FaveoHelpdeskApi } from '../../credentials/FaveoHelpdeskApi.credentials';
import { FaveoHelpdesk } from '../../nodes/FaveoHelpdesk/FaveoHelpdesk.node';
import { NodeHarness } from '../harness/runNode';

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
	const context = {} as {
		emulator: FaveoEmulator;
		harness: NodeHarness;
		credentialId: string;
		addCredential(overrides?: IDataObject): string;
		run(parameters: INodeParameters, items?: IDataObject[], options?: { continueOnFail?: boolean; credentialId?: string }): ReturnType<NodeHarness['run']>;
		json(parameters: INodeParameters, items?: IDataObject[]): Promise<IDataObject[]>;
		calls(): FaveoEmulator['requests'];
	};
	beforeAll(async () => {
		context.emulator = await startFaveo({ subPath: '/faveo/public', rateLimit: 0, ...emulatorOptions });
		context.harness = new NodeHarness([new FaveoHelpdesk()], [new FaveoHelpdeskApi()]);
		context.addCredential = (overrides = {}) =>
			context.harness.addCredential('faveoHelpdeskApi', { baseUrl: context.emulator.siteUrl, ...ADMIN, token: '', ...overrides });
		context.credentialId = context.addCredential();
	});
	afterAll(async () => await context.emulator.stop());
	beforeEach(() => {
		context.emulator.resetLog();
		context.emulator.resetCounters();
	});
	context.run = async (parameters, items = [{}], options = {}) =>
		await context.harness.run({ parameters, items, credentials: { faveoHelpdeskApi: options.credentialId ?? context.credentialId }, continueOnFail: options.continueOnFail });
	context.json = async (parameters, items) => {
		const result = await context.run(parameters, items);
		if (result.error) throw new Error(`${result.error.message} — ${result.error.description ?? ''}`);
		return result.items.map((item) => item.json);
	};
	context.calls = () => context.emulator.requests.filter((request) => !request.path.includes('/__emulator'));
	return context;
}
