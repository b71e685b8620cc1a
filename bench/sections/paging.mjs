// Sections 2 and 4: "return all" through our node, a raw fetch loop and the reference client on
// n8n's request helper, each in its own worker process. Every client gets exactly the same
// treatment: WARMUP_PASSES passes on the smallest table, then for each N one untimed pass and
// `rounds[N]` measured rounds in which every client runs once, in rotating order. Peak memory at the
// largest N is taken apart, in a fresh worker per client (the same warm-up on the smallest table,
// then the one measured run): after the untimed pass a heap already has room and barely grows.

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
			for (const client of PAGING_CLIENTS) await workers[client].call('untimedPass', n);
			const size = { n, rounds: [], first: {} };
			for (let round = 0; round < (rounds[n] ?? 1); round++) {
				const results = {};
				for (const client of rotation(PAGING_CLIENTS, round)) {
					const run = await workers[client].call('run', n, false, round === 0 && client === 'raw');
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
	return { provider, sizes, peak: await peakMemory(host, provider, instances) };
}

/** Peak RSS growth of one "return all" at the largest N, each client in a fresh worker. */
async function peakMemory(host, provider, instances) {
	const sorted = [...instances].sort((a, b) => a.n - b.n);
	const [smallest, largest] = [sorted[0], sorted[sorted.length - 1]];
	const peak = { n: largest.n };
	for (const client of PAGING_CLIENTS) {
		const worker = startWorker(host.url, 'paging');
		try {
			await worker.call('prepare', { provider, variant: client, instances: [smallest, largest] });
			await worker.call('warmup', WARMUP_PASSES);
			const run = await worker.call('run', largest.n, true, false);
			peak[client] = { peakRssDelta: run.peakRssDelta, rssMethod: run.rssMethod };
		} finally {
			await worker.stop();
		}
	}
	return peak;
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
