/**
 * The fault matrix: every operation of a node (read from its description, not from a hand list),
 * first without faults (the baseline), then under each fault at each position that matters. Each
 * case must end in exactly one of two ways: the baseline's data (after a bounded retry), or a clear
 * error naming the provider and the problem. Anything else — other data, fewer records, a "not
 * found" or a password message for a server fault — is a silent or misleading outcome.
 */
import fs from 'fs';
import path from 'path';
import type { ICredentialType, IDataObject, INodeParameters, INodeProperties, INodeType } from 'n8n-workflow';

import { pacingClock } from '../../nodes/shared/transport/pacing';
import { requestTimeout, retryClock } from '../../nodes/shared/transport/retry';
import { NodeHarness } from '../harness/runNode';
import type { RunResult } from '../harness/runNode';
import type { EmulatorLike, Fault } from '../harness/useEmulator';

export const FAULTS: Record<string, Fault> = {
	'malformed JSON 200': { status: 200, kind: 'malformed' },
	'HTML 200': { status: 200, kind: 'html' },
	'empty 200': { status: 200, kind: 'empty' },
	'HTML 502 once': { status: 502, kind: 'html' },
	'HTML 502 always': { status: 502, kind: 'html', times: 'always' },
	'connection reset': { kind: 'reset' },
	'slow past timeout': { delayMs: 1_500 },
};
/** The request timeout while a slow answer is armed: a third of its delay. */
const TIMEOUT_MS = 500;
/** Otherwise a timeout that no answer of a busy machine reaches, so load changes only the time. */
const CASE_TIMEOUT_MS = 30_000;

/** How to run one operation: its parameters and, where it needs them, records made beforehand. */
export interface OperationFixture<E extends EmulatorLike = EmulatorLike> {
	parameters: INodeParameters;
	/**
	 * A fault whose answer is exactly the provider's documented answer for a missing record (FluentCRM
	 * answers an unknown list with an empty 200): no client can tell them apart, so "not found" is right there.
	 */
	sameAsNotFound?: string;
	/** Runs before the operation on a fresh emulator (e.g. puts a ticket in the trash); returns extra parameters. */
	prepare?(emulator: E): Promise<INodeParameters | void>;
}

export interface ProviderMatrix<E extends EmulatorLike> {
	provider: string;
	/** Words every clear error must contain (the provider's display name). */
	displayName: string;
	node: INodeType;
	credentialTypes: ICredentialType[];
	credentialType: string;
	credentialData(emulator: E): IDataObject;
	/** An emulator big enough for three pages of every list. */
	startListing(): Promise<E>;
	/** A small emulator, started afresh for every case of an operation that writes. */
	startSmall(): Promise<E>;
	/** Requests that are logins: never faulted here (login faults have tests of their own). */
	loginRoutes: string[];
	/** The provider's records as the emulator holds them: after a write reported as done, they must match the baseline's. */
	snapshot(emulator: E): unknown;
	fixtures: Record<string, OperationFixture<E>>;
	/** Extra node parameters every run needs (e.g. an authentication choice). */
	common?: INodeParameters;
}

export type Outcome = 'data' | 'error' | 'documented' | 'silent' | 'misleading';

export interface CaseResult {
	operation: string;
	fault: string;
	position: string;
	outcome: Outcome;
	detail: string;
}

/** Every resource.operation the node offers, from its description. */
export function operationsOf(node: INodeType): string[] {
	const selectors = node.description.properties.filter((property: INodeProperties) => property.name === 'operation');
	return selectors.flatMap((selector) =>
		((selector.displayOptions?.show?.resource as string[]) ?? []).flatMap((resource) => (selector.options ?? []).map((option) => `${resource}.${String((option as { value: string }).value)}`)),
	);
}

const TIME = /^\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)?$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const LOOPBACK = /http:\/\/127\.0\.0\.1:\d+/g;

/** Output without the values that differ between two identical runs (clock readings, fresh GUIDs, the emulator's port). */
function stable(value: unknown): unknown {
	if (typeof value === 'string') return TIME.test(value) ? '<time>' : GUID.test(value) ? '<guid>' : value.replace(LOOPBACK, '<emulator>');
	if (Array.isArray(value)) return value.map(stable);
	if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, stable(entry)]));
	return value;
}

const MISLEADING = /not found|was not found|password|credential|rejected the (jwt|token)|log ?in failed|access denied|permission/i;

function classify(result: RunResult, baseline: unknown, displayName: string): { outcome: Outcome; detail: string } {
	if (result.error) {
		const text = `${result.error.message} ${result.error.description ?? ''}`;
		if (MISLEADING.test(result.error.message)) return { outcome: 'misleading', detail: result.error.message };
		if (!text.includes(displayName)) return { outcome: 'misleading', detail: `does not name ${displayName}: ${result.error.message}` };
		return { outcome: 'error', detail: result.error.message };
	}
	const output = stable(result.items.map((item) => item.json));
	if (JSON.stringify(output) === JSON.stringify(baseline)) return { outcome: 'data', detail: `${result.items.length} item(s)` };
	const got = result.items.length;
	const wanted = (baseline as unknown[]).length;
	return { outcome: 'silent', detail: got !== wanted ? `success with ${got} of ${wanted} items` : `success with different data: ${JSON.stringify(output).slice(0, 160)}` };
}

interface Position {
	name: string;
	/** 1-based index among the operation's non-login requests. */
	request: number;
}

/** Where to put the fault: the first request; the first write; page 2 of a list of 3+ pages. */
function positionsOf(requests: Array<{ method: string; path: string }>): Position[] {
	const positions: Position[] = [{ name: 'first request', request: 1 }];
	const write = requests.findIndex((request) => request.method !== 'GET');
	if (write > 0) positions.push({ name: 'the write', request: write + 1 });
	const counts = new Map<string, number[]>();
	requests.forEach((request, index) => counts.set(`${request.method} ${request.path}`, [...(counts.get(`${request.method} ${request.path}`) ?? []), index]));
	const pages = [...counts.values()].find((indexes) => indexes.length >= 3);
	if (pages) positions.push({ name: 'page 2 of 3+', request: pages[1] + 1 });
	return positions;
}

export function runMatrix<E extends EmulatorLike>(matrix: ProviderMatrix<E>) {
	const results: CaseResult[] = [];
	const operations = operationsOf(matrix.node);
	const realSleep = retryClock.sleep;
	const realNow = pacingClock.now;
	const realTimeout = requestTimeout.ms;
	let listing: E;
	let clock = Date.now();

	beforeAll(async () => {
		retryClock.sleep = async (ms) => {
			clock += ms;
		};
		pacingClock.now = () => clock;
		listing = await matrix.startListing();
	});
	afterAll(async () => {
		retryClock.sleep = realSleep;
		pacingClock.now = realNow;
		requestTimeout.ms = realTimeout;
		await listing.stop();
		const folder = path.join(__dirname, 'results');
		fs.mkdirSync(folder, { recursive: true });
		fs.writeFileSync(path.join(folder, `${matrix.provider}.json`), `${JSON.stringify(results, null, 1)}\n`);
	});

	const isLogin = (request: { method: string; path: string }) =>
		matrix.loginRoutes.some((route) => {
			const [method, suffix] = route.split(' ');
			return request.method === method && request.path.endsWith(suffix);
		});

	async function runOnce(emulator: E, operation: string, fixture: OperationFixture<E>, fault?: Fault) {
		const outcome = await execute(emulator, operation, fixture, fault);
		return { ...outcome, state: JSON.stringify(stable(matrix.snapshot(emulator))) };
	}

	async function execute(emulator: E, operation: string, fixture: OperationFixture<E>, fault?: Fault) {
		const harness = new NodeHarness([matrix.node], matrix.credentialTypes);
		const credentialId = harness.addCredential(matrix.credentialType, matrix.credentialData(emulator) as never);
		const extra = (await fixture.prepare?.(emulator)) ?? {};
		emulator.faults.next.length = 0;
		emulator.resetLog();
		requestTimeout.ms = fault?.delayMs ? TIMEOUT_MS : CASE_TIMEOUT_MS;
		if (fault) emulator.injectFault({ ...fault, exclude: matrix.loginRoutes });
		const [resource, name] = operation.split('.');
		const result = await harness.run({
			parameters: { ...matrix.common, resource, operation: name, ...fixture.parameters, ...extra },
			credentials: { [matrix.credentialType]: credentialId },
		});
		emulator.faults.next.length = 0;
		const requests = emulator.requests.filter((request) => !request.path.includes('/__emulator') && !isLogin(request));
		return { result, requests };
	}

	it('has a fixture for every operation the node offers', () => {
		expect(operations.filter((operation) => !matrix.fixtures[operation])).toEqual([]);
	});

	describe.each(operations)('%s', (operation) => {
		it('ends in its data or a clear error under every fault', async () => {
			const fixture = matrix.fixtures[operation];
			if (!fixture) return;
			const probe = await matrix.startSmall();
			const base = await runOnce(probe, operation, fixture).finally(async () => await probe.stop());
			const writes = base.requests.some((request) => request.method !== 'GET');
			// The baseline of a list runs on the big emulator (three pages); writes start afresh every time.
			const fresh = async () => (writes ? await matrix.startSmall() : listing);
			const baselineEmulator = await fresh();
			const baseline = await runOnce(baselineEmulator, operation, fixture);
			if (writes) await baselineEmulator.stop();
			expect({ operation, baselineError: baseline.result.error?.message }).toEqual({ operation, baselineError: undefined });
			const expected = stable(baseline.result.items.map((item) => item.json));
			for (const position of positionsOf(baseline.requests)) {
				for (const [faultName, fault] of Object.entries(FAULTS)) {
					const emulator = await fresh();
					try {
						const { result, state } = await runOnce(emulator, operation, fixture, { ...fault, skip: position.request - 1 });
						const judged = classify(result, expected, matrix.displayName);
						if (judged.outcome === 'misleading' && fixture.sameAsNotFound === faultName && position.request === 1 && /not found/i.test(judged.detail)) {
							Object.assign(judged, { outcome: 'documented', detail: `the provider's own not-found answer: ${judged.detail}` });
						}
						if (judged.outcome === 'data' && state !== baseline.state) {
							Object.assign(judged, { outcome: 'silent', detail: 'reported success, but the server holds other data than after the fault-free run' });
						}
						results.push({ operation, fault: faultName, position: position.name, ...judged });
					} finally {
						if (writes) await emulator.stop();
					}
				}
			}
			const bad = results.filter((entry) => entry.operation === operation && (entry.outcome === 'silent' || entry.outcome === 'misleading'));
			expect(bad).toEqual([]);
		});
	});

	return results;
}
