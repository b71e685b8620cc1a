// The queue-mode e2e tier (`npm run test:e2e -- --queue`): n8n 2.40.7 as main + 2 workers
// (EXECUTIONS_MODE=queue) on one Postgres and one Redis, the package installed in every process's
// user folder, executions started through n8n's Webhook node and run by the workers. Installs
// postgresql and redis-server with apt-get when missing. Everything lives in .e2e-queue/ (logs,
// databases, results.json) and is stopped at the end, also on failure and Ctrl-C.
//
//   node test/e2e/run.mjs --queue [--only=<text>[,<text>…]]   (checks whose name contains one of the texts)

import fs from 'node:fs';
import path from 'node:path';

import { ROOT, seconds, withTimeout } from '../lib/util.mjs';
import { nexudusCredentials, nexudusEmulators, nexudusTriggerCheck, nexudusWorkflows, nexudusWritesCheck, prepareNexudus } from './nexudus.mjs';
import { pollingChecks, pollingCredentials, pollingEmulators, pollingWorkflows } from './polling.mjs';
import { startQueueRun, stopOnSignals, stopQueueRun } from './setup.mjs';
import { burstChecks, lateWorkerCheck, storedTokenCheck, tokenCredentials, tokenEmulators, tokenWorkflows } from './tokens.mjs';

const RUN_DIR = path.join(ROOT, '.e2e-queue');
const CHECK_TIMEOUT_MS = 600_000;

const say = (message) => process.stdout.write(`[e2e queue] ${message}\n`);
const indent = (text) => String(text).split('\n').join('\n      ');

/** Steps run one after another; the checks of one step run side by side. */
const steps = () => [
	burstChecks(['fuse'], 'cold'),
	burstChecks(['fuse'], 'kills'),
	burstChecks(['crm'], 'cold'),
	burstChecks(['crm'], 'kills'),
	// Faveo bursts one at a time: executions waiting for a pacing turn hold worker slots.
	burstChecks(['faveo'], 'cold'),
	burstChecks(['faveo19'], 'cold'),
	burstChecks(['faveo'], 'kills'),
	burstChecks(['faveo19'], 'kills'),
	[...pollingChecks(), nexudusTriggerCheck()],
	[nexudusWritesCheck()],
	[lateWorkerCheck()],
	[storedTokenCheck()],
];

export async function runQueueTier(argv) {
	const only = argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).toLowerCase().split(',');
	const started = Date.now();
	const state = { emulators: {} };
	const timings = {};
	const results = [];
	stopOnSignals(state, say);

	const plan = steps().map((step) => step.filter((check) => !only || only.some((text) => check.name.toLowerCase().includes(text)))).filter((step) => step.length);
	const total = plan.flat().length;
	try {
		let t;
		try {
			t = await startQueueRun({
				runDir: RUN_DIR,
				emulators: [...tokenEmulators(), ...nexudusEmulators(), ...pollingEmulators()],
				prepare: prepareNexudus,
				credentials: (emulators) => [...tokenCredentials(emulators), ...nexudusCredentials(emulators), ...pollingCredentials(emulators)],
				workflows: (prepared) => [...tokenWorkflows(), ...nexudusWorkflows(prepared), ...pollingWorkflows()],
				state,
				timings,
				say,
			});
		} catch (error) {
			process.stdout.write(`SETUP FAILED: ${indent(error.stack)}\n`);
			for (const check of plan.flat()) results.push({ name: check.name, passed: false, detail: 'not run (setup failed)' });
			return;
		}
		say(`running ${total} checks`);
		for (const step of plan) {
			await Promise.all(
				step.map(async (check) => {
					const entry = { name: check.name, figures: [] };
					results.push(entry);
					const checkStarted = Date.now();
					try {
						const context = { ...t, record: (figures) => entry.figures.push(figures) };
						entry.detail = await withTimeout(Promise.resolve().then(() => check.run(context)), check.timeoutMs ?? CHECK_TIMEOUT_MS, check.name);
						entry.passed = true;
					} catch (error) {
						entry.passed = false;
						entry.detail = error.message;
					}
					entry.seconds = Number(seconds(checkStarted));
					process.stdout.write(`${entry.passed ? 'PASS' : 'FAIL'}  ${check.name} (${entry.seconds} s) — ${indent(entry.detail)}\n`);
				}),
			);
		}
	} finally {
		const stopStarted = Date.now();
		await stopQueueRun(state, say);
		timings.stop = Number(seconds(stopStarted));
		timings.total = Number(seconds(started));
		const passed = results.filter((entry) => entry.passed).length;
		const failed = results.length - passed;
		fs.mkdirSync(RUN_DIR, { recursive: true });
		const file = path.join(RUN_DIR, 'results.json');
		fs.writeFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), passed, failed, timings, checks: results }, null, 2)}\n`);
		say(`stopped everything (${timings.stop} s); total ${timings.total} s; figures in ${path.relative(ROOT, file)}, logs in ${path.relative(ROOT, RUN_DIR)}/`);
		process.stdout.write(`${passed} passed, ${failed} failed\n`);
		process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
	}
}
