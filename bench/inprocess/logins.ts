/**
 * Section 1, our side: 1,000 items through each token-based node, cold / stored token expired /
 * expiry every 200 accepted calls / single-session server, sequential (one execution, our item
 * loop) and parallel (10 executions of 100 items started together, sharing the credential — how
 * items run in parallel for a node whose item loop is sequential, e.g. a queue-mode worker with
 * its default concurrency of 10). Every case gets a fresh emulator instance, so no case starts with
 * a token another case obtained.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { failedItems, harnessFor, host, startInstance, stats, useFakeClock } from './common';
import type { Provider } from './common';

export const SCENARIOS = ['cold', 'storedExpired', 'expiry', 'singleSession'] as const;
export type Scenario = (typeof SCENARIOS)[number];
const SERVER_MODE: Record<Scenario, string> = { cold: 'cold', storedExpired: 'cold', expiry: 'expiry', singleSession: 'singleSession' };

const OPERATIONS: Record<'fuse' | 'crmplatform' | 'faveo', { label: string; parameters: INodeParameters }> = {
	fuse: { label: 'Fuse Universal node', parameters: { resource: 'user', operation: 'getMe' } },
	faveo: { label: 'Faveo Helpdesk node', parameters: { resource: 'ticket', operation: 'get', ticketId: '1' } },
	crmplatform: { label: 'CRM Platform node', parameters: { authentication: 'credentials', resource: 'user', operation: 'getMe' } },
};

export interface LoginRow extends IDataObject {
	client: string;
	provider: string;
	scenario: Scenario;
	mode: string;
	items: number;
	concurrency: number;
	logins: number;
	unauthorized: number;
	expiries: number;
	accepted: number;
	failed: number;
	ms: number;
}

/** Server-side token deaths the client had to live through: the stored dead token, or one per `every` accepted calls. */
export function expiriesFor(scenario: Scenario, accepted: number, every = 200): number {
	if (scenario === 'storedExpired') return 1;
	if (scenario === 'expiry') return Math.max(0, Math.floor((accepted - 1) / every));
	return 0;
}

async function runCase(provider: keyof typeof OPERATIONS, scenario: Scenario, parallel: boolean, items: number, concurrency: number): Promise<LoginRow> {
	const instance = await startInstance(provider, { mode: SERVER_MODE[scenario] });
	try {
		const { run } = harnessFor(provider as Provider, instance);
		const { parameters, label } = OPERATIONS[provider];
		if (scenario === 'storedExpired') {
			const warm = await run(parameters, [{}]);
			if (failedItems(warm, 1) > 0) throw new Error(`${provider} warm-up failed: ${JSON.stringify(warm.error ?? warm.items[0]?.json)}`);
			await host('call', { id: instance.id, fn: 'kill' });
		}
		await host('reset', { id: instance.id });
		const started = Date.now();
		let failed = 0;
		if (parallel) {
			const per = Math.ceil(items / concurrency);
			const batches = Array.from({ length: concurrency }, (_, index) => Math.max(0, Math.min(per, items - index * per)));
			const results = await Promise.all(batches.map(async (count) => ({ count, result: await run(parameters, Array.from({ length: count }, (): IDataObject => ({}))) })));
			failed = results.reduce((sum, { count, result }) => sum + failedItems(result, count), 0);
		} else {
			const result = await run(parameters, Array.from({ length: items }, (): IDataObject => ({})));
			failed = failedItems(result, items);
		}
		const ms = Date.now() - started;
		const counted = await stats(instance.id);
		return {
			client: label,
			provider,
			scenario,
			mode: parallel ? `parallel (${concurrency} executions)` : 'sequential',
			items,
			concurrency: parallel ? concurrency : 1,
			logins: counted.loginRequests,
			unauthorized: counted.unauthorized,
			accepted: counted.accepted,
			expiries: expiriesFor(scenario, counted.accepted),
			failed,
			ms,
		};
	} finally {
		await host('stop', { id: instance.id });
	}
}

export async function run(options: { items?: number; concurrency?: number; providers?: Array<keyof typeof OPERATIONS> }): Promise<IDataObject> {
	const items = options.items ?? 1000;
	const concurrency = options.concurrency ?? 10;
	const clock = useFakeClock();
	const rows: LoginRow[] = [];
	for (const provider of options.providers ?? (['fuse', 'faveo', 'crmplatform'] as const)) {
		for (const scenario of SCENARIOS) {
			for (const parallel of [false, true]) {
				rows.push(await runCase(provider, scenario, parallel, items, concurrency));
			}
		}
	}
	return { rows, pacingWaitedMs: clock.waitedMs() };
}
