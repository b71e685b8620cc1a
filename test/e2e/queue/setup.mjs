// Brings up one queue-mode run in its own folder: n8n (install cache), Postgres and Redis (apt-get
// when missing), emulators, credentials and workflows imported into Postgres, main + workers ready,
// webhook workflows activated. `stopQueueRun` ends all of it; the state object is filled as things
// start, so a failed or interrupted start is stopped too.

import fs from 'node:fs';
import path from 'node:path';

import { ensureInstalled } from '../install.mjs';
import { startEmulator } from '../lib/emulator.mjs';
import { freePorts, seconds, stopAll } from '../lib/util.mjs';
import { QueueCluster, WORKER_CONCURRENCY } from './cluster.mjs';
import { ensureServices, startPostgres, startRedis } from './services.mjs';

export const WORKERS = ['worker-1', 'worker-2'];
const ACTIVATION_CONCURRENCY = 4;

/**
 * emulators: [{ name, script, args }]; credentials(emulators, prepared) and workflows(prepared) build
 * the import files; prepare(emulators) runs before them. `state` receives { postgres, redis,
 * emulators, cluster } as they start; `timings` the seconds of each phase.
 */
export async function startQueueRun({ runDir, emulators: specs, prepare, credentials, workflows, state, timings = {}, say }) {
	let phase = Date.now();
	const info = await ensureInstalled('2.x');
	timings.n8nInstall = Number(seconds(phase));
	fs.rmSync(runDir, { recursive: true, force: true });
	fs.mkdirSync(runDir, { recursive: true });

	phase = Date.now();
	const services = await ensureServices({ logFile: path.join(runDir, 'apt-get.log'), say });
	timings.aptInstall = services.installSeconds;
	const [postgresPort, redisPort] = await freePorts(2);
	const [postgres, redis] = await Promise.all([
		startPostgres({ binDir: services.postgresBin, runDir, port: postgresPort, say }).then((db) => (state.postgres = db)),
		startRedis({ redisServer: services.redisServer, runDir, port: redisPort }).then((server) => (state.redis = server)),
	]);
	timings.servicesReady = Number(seconds(phase));
	say(`Postgres (${services.postgresBin}) on ${postgres.host}:${postgres.port} ready in ${postgres.readySeconds} s, Redis on ${redis.host}:${redis.port} in ${redis.readySeconds} s`);

	phase = Date.now();
	state.emulators ??= {};
	await Promise.all(
		specs.map(async (spec) => {
			state.emulators[spec.name] = await startEmulator({ ...spec, logFile: path.join(runDir, `emulator-${spec.name}.log`) });
		}),
	);
	const prepared = (await prepare?.(state.emulators)) ?? {};
	say(`${specs.length} emulators started (${seconds(phase)} s)`);

	const cluster = new QueueCluster({ info, runDir, postgres, redis });
	state.cluster = cluster;
	const main = await cluster.createMain();
	const credentialList = credentials(state.emulators, prepared);
	const workflowList = workflows(prepared);
	const credentialsFile = path.join(runDir, 'credentials.json');
	const workflowsFile = path.join(runDir, 'workflows.json');
	fs.writeFileSync(credentialsFile, `${JSON.stringify(credentialList, null, 2)}\n`);
	fs.writeFileSync(workflowsFile, `${JSON.stringify(workflowList, null, 2)}\n`);
	phase = Date.now();
	await main.importCredentials(credentialsFile);
	await main.importWorkflows(workflowsFile);
	timings.imports = Number(seconds(phase));
	say(`imported ${credentialList.length} credentials and ${workflowList.length} workflows into Postgres (${timings.imports} s)`);

	phase = Date.now();
	const [mainReady, ...workersReady] = await Promise.all([cluster.startMain(), ...WORKERS.map((name) => cluster.startWorker(name))]);
	timings.clusterReady = Number(seconds(phase));
	say(`main ready after ${mainReady} s on ${main.baseUrl}; ${WORKERS.map((name, i) => `${name} ready after ${workersReady[i]} s`).join(', ')} (concurrency ${WORKER_CONCURRENCY})`);

	phase = Date.now();
	await main.setupOwnerAndLogin();
	const toActivate = workflowList.filter((workflow) => workflow.meta.activate);
	const queue = [...toActivate];
	const activateNext = async () => {
		for (let workflow = queue.shift(); workflow; workflow = queue.shift()) await main.activate(workflow.id);
	};
	await Promise.all(Array.from({ length: ACTIVATION_CONCURRENCY }, activateNext));
	await main.waitForWebhooks(toActivate.map((workflow) => workflow.meta.webhookPath));
	timings.activation = Number(seconds(phase));
	say(`owner set up, ${toActivate.length} webhook workflows activated and answering (${timings.activation} s)`);
	return { cluster, emulators: state.emulators };
}

export async function stopQueueRun(state, say) {
	await state.cluster?.stop().catch((error) => say(`stopping n8n: ${error.message}`));
	await Promise.all(Object.values(state.emulators ?? {}).map((emulator) => emulator.stop().catch(() => undefined)));
	await state.redis?.stop().catch((error) => say(`stopping Redis: ${error.message}`));
	await state.postgres?.stop().catch((error) => say(`stopping Postgres: ${error.message}`));
	await stopAll();
}

/** Ctrl-C, SIGTERM or SIGHUP stop the run once, then exit 130. */
export function stopOnSignals(state, say) {
	let stopping = false;
	const onSignal = (signal) => {
		if (stopping) return;
		stopping = true;
		say(`${signal}: stopping n8n, Postgres, Redis and the emulators`);
		stopQueueRun(state, say).finally(() => process.exit(130));
	};
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, onSignal);
}
