import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { FluentCrmApi } from '../../credentials/FluentCrmApi.credentials';
import { FluentCrm } from '../../nodes/FluentCrm/FluentCrm.node';
import { NodeHarness } from '../harness/runNode';

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

export interface FluentEmulator {
	url: string;
	siteUrl: string;
	requests: LoggedRequest[];
	state: { contacts: IDataObject[]; tags: IDataObject[]; lists: IDataObject[]; [key: string]: unknown };
	config: IDataObject;
	doubleOptinEmailsSent: number;
	destructiveCalls: IDataObject[];
	seed(data: IDataObject): void;
	resetLog(): void;
	stop(): Promise<void>;
}

export const ADMIN = { username: 'admin', applicationPassword: 'abcd efgh ijkl mnop qrst uvwx' };

/** One emulator + harness per test file; `fluent.run` executes the FluentCRM node through n8n-core. */
export function useFluentCrm(emulatorOptions: IDataObject = {}, credentialOverrides: IDataObject = {}) {
	const context = {} as {
		emulator: FluentEmulator;
		harness: NodeHarness;
		credentialId: string;
		run(parameters: INodeParameters, items?: IDataObject[], continueOnFail?: boolean): ReturnType<NodeHarness['run']>;
		json(parameters: INodeParameters, items?: IDataObject[]): Promise<IDataObject[]>;
		addCredential(overrides: IDataObject): string;
		/** Requests the emulator saw since the last reset, without the noise of paths. */
		calls(): LoggedRequest[];
	};
	beforeAll(async () => {
		context.emulator = await startFluentCrm(emulatorOptions);
		context.harness = new NodeHarness([new FluentCrm()], [new FluentCrmApi()]);
		context.addCredential = (overrides) =>
			context.harness.addCredential('fluentCrmApi', { siteUrl: context.emulator.siteUrl, ...ADMIN, ...overrides });
		context.credentialId = context.addCredential(credentialOverrides);
	});
	afterAll(async () => await context.emulator.stop());
	beforeEach(() => context.emulator.resetLog());
	context.run = async (parameters, items = [{}], continueOnFail = false) =>
		await context.harness.run({ parameters, items, credentials: { fluentCrmApi: context.credentialId }, continueOnFail });
	context.json = async (parameters, items) => {
		const result = await context.run(parameters, items);
		if (result.error) throw new Error(`${result.error.message} — ${result.error.description ?? ''}`);
		return result.items.map((item) => item.json);
	};
	context.calls = () => context.emulator.requests.filter((request) => !request.path.startsWith('/__emulator'));
	return context;
}

export const byId = (id: number | string) => ({ __rl: true, mode: 'id', value: String(id) });
export const byEmail = (email: string) => ({ __rl: true, mode: 'email', value: email });
