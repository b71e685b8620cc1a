// Sections 2 and 4: "return all" through our node, a raw fetch loop and the reference client on
// n8n's request helper, each in its own worker process. Every client gets exactly the same
// treatment: WARMUP_PASSES passes on the smallest table, then for each N (smallest first) a first
// pass — not timed; its peak RSS is the memory a return-all of N needs before the heap ever held N
// records — and `rounds[N]` timed rounds in which every client runs once, in rotating order.

import { rotation, startWorker } from '../lib/processes.mjs';

export const PAGING_CLIENTS = ['raw', 'helper', 'ours'];
export const PAGING_PROVIDERS = ['fluentcrm', 'crmplatform', 'nexudus'];
export const WARMUP_PASSES = 5;

async function pagingProvider(host, provider, instances, rounds) {
	const workers = Object.fromEntries(PAGING_CLIENTS.map((client) => [client, startWorker(host.url, 'paging')]));
	const sizes = [];
	try {
		for (const client of PAGING_CLIENTS) await workers[client].call('prepare', { provider, variant: client, instances });
		for (const client of PAGING_CLIENTS) await workers[client].call('warmup', WARMUP_PASSES);
		for (const { n } of [...instances].sort((a, b) => a.n - b.n)) {
			const size = { n, rounds: [], first: {}, peak: {} };
			for (const client of PAGING_CLIENTS) size.peak[client] = await workers[client].call('firstPass', n);
			for (let round = 0; round < (rounds[n] ?? 1); round++) {
				const results = {};
				for (const client of rotation(PAGING_CLIENTS, round)) {
					const run = await workers[client].call('run', n, round === 0 && client === 'raw');
					results[client] = { ms: run.ms, cpuMs: run.cpuMs, serverMs: run.serverMs, retainedHeap: run.retainedHeap };
					if (round === 0) size.first[client] = { requests: run.requests };
					if (run.outputBytes !== undefined) size.outputBytes = run.outputBytes;
					if (run.pageSize !== undefined) size.pageSize = run.pageSize;
				}
				size.rounds.push(results);
			}
			sizes.push(size);
		}
	} finally {
		for (const worker of Object.values(workers)) await worker.stop();
	}
	return { provider, sizes };
}

export async function pagingSection(host, config, say) {
	const fastPaths = await host.rpc('selfcheck');
	say(`2/4. paging: server fast paths answer byte-identically: ${Object.entries(fastPaths).map(([p, r]) => `${p} ${r.identical ? 'yes' : 'NO'}`).join(', ')}`);
	const out = { fastPaths, providers: {} };
	for (const provider of PAGING_PROVIDERS) {
		const instances = [];
		for (const n of config.paging) {
			const seed = provider === 'nexudus' ? { coworkers: n } : { contacts: n, withoutLinks: true };
			const instance = await host.rpc('start', { provider, seed });
			instances.push({ n, instance, seedMs: instance.seedMs });
		}
		say(`   ${provider}: seeded ${instances.map((i) => `${i.n / 1000}k in ${(i.seedMs / 1000).toFixed(1)} s`).join(', ')}`);
		try {
			out.providers[provider] = await pagingProvider(host, provider, instances, config.rounds);
		} finally {
			for (const { instance } of instances) await host.rpc('stop', { id: instance.id });
		}
	}
	return out;
}
