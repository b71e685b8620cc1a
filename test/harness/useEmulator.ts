/**
 * One emulator + one harness per test file, with the helpers every provider's tests use:
 * `run` a node through n8n-core, `json` for the items of a run that must succeed, `calls` for the
 * requests the emulator saw since the last test (control routes left out).
 */
import type { ICredentialDataDecryptedObject, ICredentialType, IDataObject, INodeParameters, INodeType } from 'n8n-workflow';

import { NodeHarness } from './runNode';

/** A fault the emulator answers with instead of its own answer (see test/emulators/common.js). */
export interface Fault {
	status?: number;
	kind?: 'json' | 'html' | 'malformed' | 'empty' | 'reset';
	body?: unknown;
	headers?: IDataObject;
	delayMs?: number;
	match?: string;
	method?: string;
	exclude?: string | string[];
	skip?: number;
	times?: number | 'always';
}

export interface EmulatorLike {
	requests: Array<{ method: string; path: string; query: IDataObject; body: unknown; status?: number }>;
	faults: { next: Fault[] };
	injectFault(fault: Fault): void;
	resetLog(): void;
	resetCounters?(): void;
	stop(): Promise<void>;
}

export interface RunOptions {
	continueOnFail?: boolean;
	credentialId?: string;
	/** Use a credential of this type instead of the default one. */
	credentialType?: string;
	/** Extra node parameters merged under the test's own (e.g. an authentication choice). */
	parameters?: INodeParameters;
}

export interface ProviderSetup<E extends EmulatorLike> {
	start(): Promise<E>;
	nodes: INodeType[];
	credentialTypes: ICredentialType[];
	credentialType: string;
	credentialData(emulator: E): IDataObject;
}

export function useEmulator<E extends EmulatorLike>(setup: ProviderSetup<E>) {
	const context = {} as {
		emulator: E;
		harness: NodeHarness;
		credentialId: string;
		addCredential(overrides?: IDataObject): string;
		run(parameters: INodeParameters, items?: IDataObject[], options?: RunOptions): ReturnType<NodeHarness['run']>;
		json(parameters: INodeParameters, items?: IDataObject[]): Promise<IDataObject[]>;
		calls(): E['requests'];
	};
	beforeAll(async () => {
		context.emulator = await setup.start();
		context.harness = new NodeHarness(setup.nodes, setup.credentialTypes);
		context.addCredential = (overrides = {}) =>
			context.harness.addCredential(setup.credentialType, { ...setup.credentialData(context.emulator), ...overrides } as ICredentialDataDecryptedObject);
		context.credentialId = context.addCredential();
	});
	afterAll(async () => await context.emulator.stop());
	beforeEach(() => {
		context.emulator.faults.next.length = 0;
		context.emulator.resetLog();
		context.emulator.resetCounters?.();
	});
	context.run = async (parameters, items = [{}], options = {}) =>
		await context.harness.run({
			parameters: { ...options.parameters, ...parameters },
			items,
			credentials: { [options.credentialType ?? setup.credentialType]: options.credentialId ?? context.credentialId },
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
