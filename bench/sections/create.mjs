// Section 3, in-process side: create FluentCRM contacts through the raw fetch loop, the reference
// client on n8n's request helper and our node, each in its own worker with its own fresh emulator
// instance; every client gets the same warm-up, then `rounds` rounds in rotating order.

import { rotation, startWorker } from '../lib/processes.mjs';

const CLIENTS = ['raw', 'helper', 'ours'];

export async function createSection(host, config, say) {
	say(`3. per-item overhead: create ${config.createItems} FluentCRM contacts × ${config.createRounds} rounds (in-process: raw loop, n8n helper client, our node)`);
	const instances = {};
	const workers = {};
	const rounds = [];
	try {
		for (const client of CLIENTS) {
			instances[client] = await host.rpc('start', { provider: 'fluentcrm' });
			workers[client] = startWorker(host.url, 'create');
			await workers[client].call('prepare', { variant: client, instance: instances[client] });
		}
		for (const client of CLIENTS) await workers[client].call('warmup');
		for (let round = 0; round < config.createRounds; round++) {
			const results = {};
			for (const client of rotation(CLIENTS, round)) {
				await host.rpc('reset', { id: instances[client].id });
				const run = await workers[client].call('run', round, config.createItems);
				const counted = await host.rpc('stats', { id: instances[client].id });
				results[client] = { ms: run.ms, cpuMs: run.cpuMs, failed: run.failed, requests: counted.apiRequests };
			}
			rounds.push(results);
		}
	} finally {
		for (const worker of Object.values(workers)) await worker.stop();
		for (const instance of Object.values(instances)) await host.rpc('stop', { id: instance.id });
	}
	return { items: config.createItems, rounds };
}
