#!/usr/bin/env node
// The real-n8n end-to-end tier (`npm run test:e2e`, after `npm run build`).
//
//   node test/e2e/run.mjs [--n8n=2.x|1.x] [--only=<text>]
//   node test/e2e/run.mjs --queue [--only=<text>]   (n8n's queue mode: test/e2e/queue/run.mjs)
//
// Installs n8n if needed (install.mjs), installs dist/ as the community package
// n8n-nodes-crm-bridge into a fresh .e2e/ folder, starts the provider emulators, imports
// credentials and workflows with the CLI, starts one `n8n start`, activates the workflows through
// the REST API (as the editor's toggle does), waits for every webhook, runs the checks, stops n8n,
// runs the checks that read n8n's database (export:credentials), prints one line per check and
// `N passed, M failed`, and always stops n8n and the emulators. Exits non-zero on any failure.
// Logs stay in .e2e/ for inspection.

import fs from 'node:fs';
import path from 'node:path';

import { ensureInstalled, parseLine } from './install.mjs';
import { packageLogCheck, packageNodesCheck } from './lib/checks.mjs';
import { startEmulator } from './lib/emulator.mjs';
import { N8n, PACKAGE_NAME, installPackage, readPackageJson } from './lib/n8n.mjs';
import { ROOT, freePorts, seconds, stopAll, withTimeout } from './lib/util.mjs';
import { providers } from './providers/index.mjs';

const RUN_DIR = path.join(ROOT, '.e2e');
const CHECK_TIMEOUT_MS = 60_000;
/** Activation requests in flight at once (each is a GET + POST /rest/workflows/:id/activate). */
const ACTIVATION_CONCURRENCY = 4;

const say = (message) => process.stdout.write(`[e2e] ${message}\n`);
const indent = (text) => String(text).split('\n').join('\n      ');

function allChecks() {
	const nodeFiles = readPackageJson().n8n.nodes;
	const nodeNames = nodeFiles.map((file) => path.basename(file, '.node.js'));
	return [packageNodesCheck(nodeFiles), ...providers.flatMap((provider) => provider.checks), packageLogCheck(nodeNames)];
}

async function setUp(line, emulators) {
	let phase = Date.now();
	const info = await ensureInstalled(line);
	say(`n8n ${info.n8nVersion} on ${info.node === process.execPath ? `Node ${process.version}` : 'Node 24'} ready (${seconds(phase)} s)`);

	fs.rmSync(RUN_DIR, { recursive: true, force: true });
	fs.mkdirSync(RUN_DIR, { recursive: true });
	const [port, brokerPort] = await freePorts(2);
	const n8n = new N8n(info, { runDir: RUN_DIR, port, brokerPort });
	const target = installPackage(n8n.userFolder);
	say(`package copied to ${path.relative(ROOT, target)}`);

	phase = Date.now();
	for (const provider of providers) {
		for (const spec of provider.emulators) {
			emulators[spec.name] = await startEmulator({ ...spec, logFile: path.join(RUN_DIR, `emulator-${spec.name}.log`) });
			say(`${spec.name} emulator at ${emulators[spec.name].siteUrl}`);
		}
	}
	const prepared = {};
	for (const provider of providers) if (provider.prepare) Object.assign(prepared, await provider.prepare({ emulators }));
	const ctx = { emulators: Object.fromEntries(Object.entries(emulators).map(([name, e]) => [name, { url: e.url, siteUrl: e.siteUrl }])), prepared };
	const credentials = providers.flatMap((provider) => provider.credentials(ctx));
	const workflows = providers.flatMap((provider) => provider.workflows(ctx));
	const credentialsFile = path.join(RUN_DIR, 'credentials.json');
	const workflowsFile = path.join(RUN_DIR, 'workflows.json');
	fs.writeFileSync(credentialsFile, `${JSON.stringify(credentials, null, 2)}\n`);
	fs.writeFileSync(workflowsFile, `${JSON.stringify(workflows, null, 2)}\n`);

	phase = Date.now();
	await n8n.importCredentials(credentialsFile);
	await n8n.importWorkflows(workflowsFile);
	say(`imported ${credentials.length} credentials and ${workflows.length} workflows (${seconds(phase)} s)`);

	phase = Date.now();
	const ready = await n8n.start();
	say(`n8n started on ${n8n.baseUrl}, ready (/healthz/readiness 200, REST API mounted) after ${ready} s`);
	phase = Date.now();
	await n8n.setupOwnerAndLogin();
	say(`owner set up and logged in through the REST API (${seconds(phase)} s)`);
	phase = Date.now();
	const toActivate = workflows.filter((w) => w.meta.activate);
	const queue = [...toActivate];
	const activateNext = async () => {
		for (let workflow = queue.shift(); workflow; workflow = queue.shift()) {
			try {
				await n8n.activate(workflow.id);
			} catch (error) {
				throw new Error(`activating ${workflow.id} (${workflow.name}): ${error.message}\n--- last lines of ${n8n.logFile} ---\n${n8n.logTail(15)}`);
			}
		}
	};
	await Promise.all(Array.from({ length: ACTIVATION_CONCURRENCY }, activateNext));
	say(`activated ${toActivate.length} workflows through the REST API (${seconds(phase)} s); ${workflows.length - toActivate.length} stay inactive until a check activates them`);
	const paths = toActivate.map((w) => w.meta.webhookPath).filter(Boolean);
	const webhooks = await n8n.waitForWebhooks(paths);
	say(`all ${paths.length} webhooks answer (${webhooks} s later)`);
	return { n8n, info, prepared, workflows };
}

async function main() {
	const argv = process.argv.slice(2);
	const line = parseLine(argv);
	const only = argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
	const started = Date.now();
	const emulators = {};
	let n8n;
	let passed = 0;
	let failed = 0;
	const checks = allChecks().filter((check) => !only || check.name.toLowerCase().includes(only.toLowerCase()) || check.name.startsWith('n8n loaded') || check.name.startsWith('every node'));

	const stopEverything = async () => {
		if (n8n) await n8n.stop().catch((error) => say(`stopping n8n: ${error.message}`));
		await Promise.all(Object.values(emulators).map((e) => e.stop().catch(() => undefined)));
		await stopAll();
	};
	// Ctrl-C reaches this process twice (from the terminal and forwarded by npm): stop once, and keep
	// the handlers so the second signal does not end the process halfway through stopping.
	let stopping = false;
	const onSignal = (signal) => {
		if (stopping) return;
		stopping = true;
		say(`${signal}: stopping n8n and emulators`);
		stopEverything().finally(() => process.exit(130));
	};
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, onSignal);

	try {
		let setup;
		try {
			setup = await setUp(line, emulators);
			n8n = setup.n8n;
		} catch (error) {
			process.stdout.write(`SETUP FAILED: ${indent(error.message)}\n`);
			for (const check of checks) process.stdout.write(`FAIL  ${check.name} — not run (setup failed)\n`);
			failed = checks.length;
			return;
		}
		const live = checks.filter((check) => !check.afterStop);
		const afterStop = checks.filter((check) => check.afterStop);
		say(`running ${live.length} checks against ${PACKAGE_NAME} in n8n ${setup.info.n8nVersion}`);
		const t = { n8n, emulators, info: setup.info, prepared: setup.prepared, workflows: setup.workflows };
		const runCheck = async (check) => {
			const checkStarted = Date.now();
			try {
				const detail = await withTimeout(Promise.resolve().then(() => check.run(t)), check.timeoutMs ?? CHECK_TIMEOUT_MS, check.name);
				passed += 1;
				process.stdout.write(`PASS  ${check.name} (${seconds(checkStarted)} s)${detail ? ` — ${indent(detail)}` : ''}\n`);
			} catch (error) {
				failed += 1;
				process.stdout.write(`FAIL  ${check.name} (${seconds(checkStarted)} s) — ${indent(error.message)}\n`);
			}
		};
		const liveStarted = Date.now();
		for (const check of live) await runCheck(check);
		say(`${live.length} checks took ${seconds(liveStarted)} s`);
		if (afterStop.length) {
			const phase = Date.now();
			await n8n.stop();
			try {
				t.exported = await n8n.exportCredentials();
				say(`n8n stopped; export:credentials --all --decrypted read ${Object.keys(t.exported).length} credentials (${seconds(phase)} s)`);
			} catch (error) {
				t.exported = {};
				say(`export:credentials failed: ${error.message}`);
			}
			for (const check of afterStop) await runCheck(check);
		}
	} finally {
		const stopping = Date.now();
		await stopEverything();
		say(`stopped n8n and emulators (${seconds(stopping)} s); total ${seconds(started)} s; logs in ${path.relative(ROOT, RUN_DIR)}/`);
		process.stdout.write(`${passed} passed, ${failed} failed\n`);
		process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
	}
}

const argv = process.argv.slice(2);
const tier = argv.includes('--queue') ? import('./queue/run.mjs').then((queue) => queue.runQueueTier(argv)) : main();
tier.catch(async (error) => {
	process.stdout.write(`e2e runner crashed: ${error.stack}\n`);
	await stopAll();
	process.stdout.write('0 passed, 1 failed\n');
	process.exit(1);
});
