#!/usr/bin/env node
// `npm run bench`: speed and cost of the package, as ratios measured side by side in one run.
//
//   node bench/run.mjs [--skip-n8n] [--skip-queue] [--only=logins,queue,paging,create,n8n,pacing] [--quick] [--report-only]
//
// Needs `npm run build` first (real n8n loads dist/; the npm script does both). Sections:
//   1. logins per token lifetime  — in-process (our nodes) + real n8n (HTTP Request node) + queue mode
//   2. paging throughput          — in-process: our node vs a raw fetch loop (and n8n's request helper)
//   3. per-item overhead          — in-process + real n8n (our node vs HTTP Request node)
//   4. cost growth                — section 2 at 1k, 10k, 100k, client CPU per record
//   5. pacing                     — Nexudus and Faveo in real time against their real limits
// Prints one table, writes bench/results/latest.json and — after a complete full-size run —
// bench/RESULTS.md (the table for the README's Performance section).
// See bench/README.md for what each figure means.

import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { inProcess } from './lib/processes.mjs';
import { buildReport } from './lib/report.mjs';
import { createSection } from './sections/create.mjs';
import { pacingSection } from './sections/pacing.mjs';
import { pagingSection } from './sections/paging.mjs';
import { queueScriptPresent, queueSection, stopQueue } from './sections/queue.mjs';

const require = createRequire(import.meta.url);
const { startHost } = require('./lib/hostClient.cjs');

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS = path.join(ROOT, 'bench', 'results');
// Queue mode needs the queue-mode e2e tier's script; without it the table keeps an empty slot.
const SECTIONS = ['logins', ...(queueScriptPresent() ? ['queue'] : []), 'paging', 'create', 'n8n', 'pacing'];
const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const only = argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
const skipped = (section) => ['n8n', 'queue'].includes(section) && argv.includes(`--skip-${section}`);
const wants = (section) => SECTIONS.includes(section) && (!only || only.includes(section)) && !skipped(section);

// Rounds: every client runs once per round, in rotating order (a multiple of 3 puts each client in
// each position equally often). Pacing jobs: Nexudus 2 requests an item (150 items: bound by the
// per-minute limits; 50: a burst within the first minute, bound by the 100 ms spacing), Faveo 1 + a login.
const CONFIG = quick
	? { loginItems: 200, paging: [1_000, 10_000], rounds: { 1000: 3, 10000: 3 }, createItems: 200, createRounds: 3, n8nItems: 100, n8nCreateItems: 200, n8nCreatePairs: 2, pacing: [{ provider: 'nexudus', items: 30 }, { provider: 'faveo', items: 30 }], queue: { provider: 'crm', executions: 20, items: 10, expiries: 2 } }
	: { loginItems: 1_000, paging: [1_000, 10_000, 100_000], rounds: { 1000: 9, 10000: 9, 100000: 3 }, createItems: 1_000, createRounds: 6, n8nItems: 500, n8nCreateItems: 1_000, n8nCreatePairs: 4, pacing: [{ provider: 'nexudus', items: 150 }, { provider: 'nexudus', items: 50 }, { provider: 'faveo', items: 120 }], queue: { provider: 'crm', executions: 100, items: 10, expiries: 2 } };

const started = Date.now();
const say = (message) => process.stdout.write(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${message}\n`);

function machine() {
	const cpus = os.cpus();
	const version = (pkg, from = ROOT) => {
		try {
			return JSON.parse(fs.readFileSync(path.join(from, 'node_modules', pkg, 'package.json'), 'utf8')).version;
		} catch {
			return 'not installed';
		}
	};
	return {
		cores: cpus.length,
		cpu: cpus[0]?.model?.trim() ?? 'unknown',
		memoryGb: Math.round(os.totalmem() / 1e9),
		loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))),
		node: process.version,
		n8nCore: version('n8n-core'),
		n8nWorkflow: version('n8n-workflow'),
		platform: `${os.platform()} ${os.release()}`,
	};
}

/** `--report-only`: rebuild the table (and bench/RESULTS.md) from bench/results/latest.json without measuring. */
function reportOnly() {
	const results = JSON.parse(fs.readFileSync(path.join(RESULTS, 'latest.json'), 'utf8'));
	const report = buildReport(results);
	const complete = !results.quick && results.errors.length === 0 && SECTIONS.every((name) => results.sections[name]);
	if (complete) fs.writeFileSync(path.join(ROOT, 'bench', 'RESULTS.md'), `${report.markdown}\n`);
	process.stdout.write(`${report.markdown}\n`);
}

async function main() {
	if (argv.includes('--report-only')) return reportOnly();
	const results = { startedAt: new Date().toISOString(), machine: machine(), config: CONFIG, quick, sections: {}, errors: [], queueScriptMissing: !queueScriptPresent() };
	say(`${results.machine.cores} cores (${results.machine.cpu}), Node ${results.machine.node}, n8n-core ${results.machine.n8nCore}; absolute times are noisy — the ratios are the result`);
	if (!fs.existsSync(path.join(ROOT, 'dist', 'nodes')) && wants('n8n')) throw new Error('dist/ is missing: run `npm run build` first (npm run bench does)');
	const host = await startHost();
	// Ctrl-C / kill: real n8n runs in its own process group, so stop it (and the emulators) explicitly.
	for (const signal of ['SIGINT', 'SIGTERM']) {
		process.once(signal, async () => {
			say(`${signal}: stopping n8n, workers and emulators`);
			const { stopAll } = await import('../test/e2e/lib/util.mjs');
			stopQueue();
			await stopAll().catch(() => undefined);
			await host.stop().catch(() => undefined);
			process.exit(130);
		});
	}
	const section = async (name, fn) => {
		const t = Date.now();
		try {
			results.sections[name] = await fn();
			say(`${name} done (${((Date.now() - t) / 1000).toFixed(0)} s)`);
		} catch (error) {
			results.errors.push({ section: name, message: error.stack || String(error) });
			say(`${name} FAILED: ${error.message}`);
		}
	};
	// Pacing waits in real time (minutes) and computes almost nothing: it runs alongside everything else.
	const pacing = wants('pacing') ? section('pacing', async () => await pacingSection(CONFIG, say)) : undefined;
	try {
		if (wants('logins')) {
			await section('logins', async () => {
				say(`1. logins: ${CONFIG.loginItems} items × Fuse / Faveo / CRM Platform × 4 cases × sequential / parallel (in-process)`);
				return await inProcess(host.url, 'logins', { items: CONFIG.loginItems, concurrency: 10 });
			});
		}
		if (wants('queue')) await section('queue', async () => await queueSection(CONFIG, say));
		if (wants('paging')) await section('paging', async () => await pagingSection(host, CONFIG, say));
		if (wants('create')) await section('create', async () => await createSection(host, CONFIG, say));
		if (wants('n8n')) {
			await section('n8n', async () => {
				say(`1/3. real n8n: HTTP Request node, ${CONFIG.n8nItems} items per login case (+ anchor at 50), ${CONFIG.n8nCreateItems} creates × ${CONFIG.n8nCreatePairs} pairs`);
				const { runRealN8n } = await import('./realn8n/run.mjs');
				return await runRealN8n({ host, items: CONFIG.n8nItems, anchorItems: 50, createItems: CONFIG.n8nCreateItems, createPairs: CONFIG.n8nCreatePairs, say: (m) => say(`   ${m}`) });
			});
		}
		await pacing;
	} finally {
		await host.stop();
	}
	results.totalSeconds = Math.round((Date.now() - started) / 1000);
	results.machine.loadAverageAtEnd = os.loadavg().map((l) => Number(l.toFixed(2)));

	const report = buildReport(results);
	results.table = report.rows;
	fs.mkdirSync(RESULTS, { recursive: true });
	fs.writeFileSync(path.join(RESULTS, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
	// bench/RESULTS.md feeds the README: only a complete, full-size run without failures replaces it.
	const complete = !quick && !only && !SECTIONS.some(skipped) && results.errors.length === 0;
	if (complete) fs.writeFileSync(path.join(ROOT, 'bench', 'RESULTS.md'), `${report.markdown}\n`);
	process.stdout.write(`\n${report.markdown}\n`);
	say(`wrote bench/results/latest.json${complete ? ' and bench/RESULTS.md' : ' (partial run: bench/RESULTS.md left as it was)'}; total ${results.totalSeconds} s`);
	if (results.errors.length) {
		for (const error of results.errors) process.stdout.write(`\nSECTION ${error.section} FAILED:\n${error.message}\n`);
		process.exitCode = 1;
	}
}

main().catch((error) => {
	process.stdout.write(`bench crashed: ${error.stack || error}\n`);
	process.exit(1);
});
