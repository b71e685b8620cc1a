#!/usr/bin/env node
// Logins per token expiry in queue mode (main + 2 workers), our node against n8n's HTTP Request
// node with the same credential type: a burst of concurrent executions on a cold credential, the
// token killed `expiries` times during it. Prints one JSON object; progress goes to stderr.
//
//   node test/e2e/queue/logins-per-expiry.mjs [--provider=fuse|crm] [--executions=100] [--items=10] [--expiries=2] [--run-dir=<dir>]
//
// Needs `npm run build` first. Runs in its own folder (.e2e-queue-logins/ by default), so it never
// meets the e2e tiers. From another script, run it as a child process and read its stdout (SIGTERM
// stops it and everything it started), or call `measureLoginsPerExpiry(options)`.

import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { ROOT } from '../lib/util.mjs';
import { burstWorkflow, runBurst } from './burst.mjs';
import { FLAVOURS } from './flavours.mjs';
import { WORKERS, startQueueRun, stopOnSignals, stopQueueRun } from './setup.mjs';

/** The authenticated "who am I" URL the HTTP Request node calls, per provider. */
const ME_URL = { fuse: (e) => `${e.url}/api/v5.0/users/me`, crm: (e) => `${e.siteUrl}/users/me` };
const CLIENTS = ['ours', 'httpRequestNode'];

function clientWorkflow(flavour, client, emulators) {
	const credential = { id: `qlogins${client}`.padEnd(17, '0').slice(0, 17), name: `${flavour.label} (${client})`, type: flavour.credentialType };
	const reference = { [credential.type]: { id: credential.id, name: credential.name } };
	const node =
		client === 'ours'
			? { type: flavour.node.type, typeVersion: 1, parameters: flavour.node.parameters, credentials: reference }
			: {
					type: 'n8n-nodes-base.httpRequest',
					typeVersion: 4.2,
					parameters: { method: 'GET', url: ME_URL[flavour.key](emulators[client]), authentication: 'predefinedCredentialType', nodeCredentialType: credential.type, options: {} },
					credentials: reference,
				};
	const itemOk = client === 'ours' ? flavour.itemOk : 'item.json.error === undefined';
	return { credential, workflow: burstWorkflow({ id: `qLogins${client}`.slice(0, 21), name: `logins per expiry: ${client}`, path: `queue-logins-${client}`, node, itemOk }) };
}

export async function measureLoginsPerExpiry({ provider = 'fuse', executions = 100, items = 10, expiries = 2, runDir = path.join(ROOT, '.e2e-queue-logins'), handleSignals = false, say = (m) => process.stderr.write(`[logins per expiry] ${m}\n`) } = {}) {
	const flavour = FLAVOURS.find((candidate) => candidate.key === provider);
	if (!flavour || !ME_URL[provider]) throw new Error(`--provider=${provider}: use ${Object.keys(ME_URL).join(' or ')}`);
	const state = { emulators: {} };
	if (handleSignals) stopOnSignals(state, say);
	try {
		const t = await startQueueRun({
			runDir,
			emulators: CLIENTS.map((client) => ({ name: client, ...flavour.emulator })),
			credentials: (emulators) => CLIENTS.map((client) => ({ ...clientWorkflow(flavour, client, emulators).credential, data: flavour.credentialData(emulators[client]) })),
			workflows: () => CLIENTS.map((client) => clientWorkflow(flavour, client, state.emulators).workflow),
			state,
			say,
		});
		const figures = { provider: flavour.label, n8n: t.cluster.info.n8nVersion, workers: WORKERS.length, executions, itemsPerExecution: items, expiries, minimumLoginsPerExpiry: 1, perProcessBound: WORKERS.length };
		for (const client of CLIENTS) {
			const emulator = t.emulators[client];
			const { workflow } = clientWorkflow(flavour, client, t.emulators);
			const before = await flavour.counters(emulator);
			const killedAt = [];
			const thresholds = Array.from({ length: expiries }, (_, k) => Math.floor(((k + 1) * executions) / (expiries + 1)));
			const burst = await runBurst({
				cluster: t.cluster,
				workflowId: workflow.id,
				path: workflow.meta.webhookPath,
				executions,
				items,
				onProgress: async (finished) => {
					while (killedAt.length < expiries && finished >= thresholds[killedAt.length]) {
						await flavour.kill(emulator);
						killedAt.push(finished);
					}
				},
			});
			const after = await flavour.counters(emulator);
			const logins = after.logins - before.logins;
			// The cold start counts as one expiry: the credential has no token yet.
			figures[client] = { logins, loginsPerExpiry: Number((logins / (expiries + 1)).toFixed(2)), refusedTokens: after.refused - before.refused, failedItems: burst.failedItems, executionsPerWorker: burst.workers, killedAtFinished: killedAt, wallSeconds: burst.wallSeconds };
			say(`${client}: ${JSON.stringify(figures[client])}`);
		}
		return figures;
	} finally {
		await stopQueueRun(state, say);
	}
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	// stdout carries the JSON alone: the install step's progress lines go to stderr.
	const writeResult = process.stdout.write.bind(process.stdout);
	process.stdout.write = process.stderr.write.bind(process.stderr);
	const option = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
	measureLoginsPerExpiry({
		provider: option('provider', 'fuse'),
		executions: Number(option('executions', 100)),
		items: Number(option('items', 10)),
		expiries: Number(option('expiries', 2)),
		runDir: path.resolve(option('run-dir', path.join(ROOT, '.e2e-queue-logins'))),
		handleSignals: true,
	}).then(
		(figures) => writeResult(`${JSON.stringify(figures, null, 2)}\n`),
		(error) => {
			process.stderr.write(`[logins per expiry] failed: ${error.stack}\n`);
			process.exitCode = 1;
		},
	);
}
