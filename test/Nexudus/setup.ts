import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { NexudusApi } from '../../credentials/NexudusApi.credentials';
import { Nexudus } from '../../nodes/Nexudus/Nexudus.node';
import { pacingClock } from '../../nodes/shared/transport/pacing';
import { retryClock } from '../../nodes/shared/transport/retry';
import { NodeHarness } from '../harness/runNode';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startNexudus } = require('../emulators/nexudus') as { startNexudus: (options?: IDataObject) => Promise<NexudusEmulator> };

export interface NexudusEmulator {
	url: string;
	requests: Array<{ method: string; path: string; query: IDataObject; body: unknown; status?: number }>;
	counters: Record<string, number>;
	config: IDataObject & { rateLimit: IDataObject };
	state: Record<string, IDataObject[]>;
	configure(patch: IDataObject): void;
	resetCounters(): void;
	resetRateLimits(): void;
	resetLog(): void;
	stop(): Promise<void>;
}

export const ADMIN = { email: 'admin@nexudus.test', password: 'Nexudus-Admin-Pass-2025' };

/** Emulator with its rate limits off and the node's own pacing waiting in fake time, unless a test opts in. */
export function useNexudus(emulatorOptions: IDataObject = {}) {
	const context = {} as {
		emulator: NexudusEmulator;
		harness: NodeHarness;
		credentialId: string;
		waits: number[];
		addCredential(overrides?: IDataObject): string;
		run(parameters: INodeParameters, items?: IDataObject[], options?: { continueOnFail?: boolean; credentialId?: string }): ReturnType<NodeHarness['run']>;
		json(parameters: INodeParameters, items?: IDataObject[]): Promise<IDataObject[]>;
		calls(): NexudusEmulator['requests'];
	};
	const realSleep = retryClock.sleep;
	const realNow = pacingClock.now;
	context.waits = [];
	beforeAll(async () => {
		context.emulator = await startNexudus({ rateLimit: 'off', ...emulatorOptions });
		context.harness = new NodeHarness([new Nexudus()], [new NexudusApi()]);
		context.addCredential = (overrides = {}) => context.harness.addCredential('nexudusApi', { baseUrl: `${context.emulator.url}/api`, ...ADMIN, ...overrides });
		context.credentialId = context.addCredential();
		let fakeNow = Date.now();
		pacingClock.now = () => fakeNow;
		retryClock.sleep = async (ms) => {
			context.waits.push(ms);
			fakeNow += ms;
		};
	});
	afterAll(async () => {
		retryClock.sleep = realSleep;
		pacingClock.now = realNow;
		await context.emulator.stop();
	});
	beforeEach(() => {
		context.emulator.resetLog();
		context.emulator.resetCounters();
		context.waits.length = 0;
	});
	context.run = async (parameters, items = [{}], options = {}) =>
		await context.harness.run({ parameters, items, credentials: { nexudusApi: options.credentialId ?? context.credentialId }, continueOnFail: options.continueOnFail });
	context.json = async (parameters, items) => {
		const result = await context.run(parameters, items);
		if (result.error) throw new Error(`${result.error.message} — ${result.error.description ?? ''}`);
		return result.items.map((item) => item.json);
	};
	context.calls = () => context.emulator.requests.filter((request) => !request.path.includes('/__emulator'));
	return context;
}
