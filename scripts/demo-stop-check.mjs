#!/usr/bin/env node
// Checks that `npm run demo` stops cleanly: starts it on a free port, waits until the demo says it
// is ready, signals the npm process, and asserts that every process of the run (npm, the demo,
// n8n, its task runner, the emulators) is gone and the port is free again. Linux only (/proc).
//
//   node scripts/demo-stop-check.mjs [--signal=SIGTERM|SIGINT|SIGHUP] [--ctrl-c] [--while-starting] [--n8n=1.x]
//
// Default: SIGTERM to npm alone once the demo is ready. `--ctrl-c` sends SIGINT to npm's whole
// process group, as a terminal does; `--while-starting` signals while n8n is still starting.
// Exits 0 when the stop was clean. The demo's output is shown with a "  | " prefix.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

import { HOST, ROOT, freePort, seconds, sleep } from '../test/e2e/lib/util.mjs';

const READY_TIMEOUT_MS = 20 * 60_000;
const STOP_TIMEOUT_MS = 60_000;

const say = (message) => process.stdout.write(`[stop-check] ${message}\n`);

/** Every process on the machine: pid → { ppid, startTime, command }. */
function processTable() {
	const table = new Map();
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
			// The command name in (…) may hold spaces; the fields after it are fixed.
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			const command = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ').trim();
			table.set(Number(entry), { ppid: Number(fields[1]), startTime: fields[19], command });
		} catch {
			/* ended while we read it */
		}
	}
	return table;
}

/** The process `root` and all its descendants, as { pid, startTime, command }. */
function processTree(root) {
	const table = processTable();
	const found = [];
	const visit = (pid) => {
		const info = table.get(pid);
		if (!info) return;
		found.push({ pid, ...info });
		for (const [child, childInfo] of table) if (childInfo.ppid === pid) visit(child);
	};
	visit(root);
	return found;
}

/** The same process (pid and start time) still runs: a pid the OS reused does not count. */
function stillRunning(proc) {
	const info = processTable().get(proc.pid);
	return info !== undefined && info.startTime === proc.startTime;
}

function portIsFree(port) {
	return new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(false));
		server.listen(port, HOST, () => server.close(() => resolve(true)));
	});
}

function role(command) {
	if (/test\/emulators\//.test(command)) return 'emulator';
	if (/task-runner|runner/.test(command)) return 'task runner';
	if (/bin\/n8n start/.test(command)) return 'n8n';
	if (/scripts\/demo\.mjs/.test(command)) return 'demo';
	if (/npm/.test(command)) return 'npm';
	return 'other';
}

function startDemo(port, extraArgs) {
	const npm = spawn('npm', ['run', 'demo', '--', `--port=${port}`, ...extraArgs], { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
	const lines = [];
	let pending = '';
	const onData = (chunk) => {
		pending += chunk.toString('utf8');
		const parts = pending.split('\n');
		pending = parts.pop();
		for (const line of parts) {
			lines.push(line);
			process.stdout.write(`  | ${line}\n`);
		}
	};
	npm.stdout.on('data', onData);
	npm.stderr.on('data', onData);
	const exited = new Promise((resolve) => npm.on('exit', (code, signal) => resolve({ code, signal })));
	return { npm, lines, exited };
}

async function waitForLine(demo, pattern, timeoutMs) {
	const deadline = Date.now() + timeoutMs;
	let gone = false;
	demo.exited.then(() => (gone = true));
	while (Date.now() < deadline) {
		if (demo.lines.some((line) => pattern.test(line))) return;
		if (gone) throw new Error('npm run demo exited before it was ready');
		await sleep(500);
	}
	throw new Error(`npm run demo was not ready within ${timeoutMs / 1000} s`);
}

async function main() {
	const argv = process.argv.slice(2);
	const signal = argv.find((a) => a.startsWith('--signal='))?.slice('--signal='.length) ?? (argv.includes('--ctrl-c') ? 'SIGINT' : 'SIGTERM');
	const toGroup = argv.includes('--ctrl-c');
	const whileStarting = argv.includes('--while-starting');
	const passOn = argv.filter((a) => a.startsWith('--n8n='));
	const port = await freePort();
	say(`starting npm run demo on port ${port} …`);
	const demo = startDemo(port, passOn);
	let tree = [];
	try {
		await waitForLine(demo, whileStarting ? /\[demo\] imported/ : /\[demo\] ready in/, READY_TIMEOUT_MS);
		if (whileStarting) await sleep(3_000);
		tree = processTree(demo.npm.pid);
		say(`the run has ${tree.length} processes: ${tree.map((p) => `${role(p.command)} ${p.pid}`).join(', ')}`);
		const stopStarted = Date.now();
		say(`sending ${signal} to ${toGroup ? `npm's process group (-${demo.npm.pid})` : `npm (${demo.npm.pid})`}`);
		process.kill(toGroup ? -demo.npm.pid : demo.npm.pid, signal);
		const outcome = await Promise.race([demo.exited, sleep(STOP_TIMEOUT_MS).then(() => undefined)]);
		if (!outcome) throw new Error(`npm did not exit within ${STOP_TIMEOUT_MS / 1000} s of ${signal}`);
		say(`npm exited (${outcome.signal ?? `code ${outcome.code}`}) ${seconds(stopStarted)} s after ${signal}`);
		const left = tree.filter(stillRunning);
		const free = await portIsFree(port);
		const problems = [];
		if (left.length) problems.push(`still running: ${left.map((p) => `${role(p.command)} ${p.pid} (${p.command.slice(0, 100)})`).join('; ')}`);
		if (!free) problems.push(`port ${port} is still in use`);
		if (!demo.lines.some((line) => /n8n and the emulators are stopped/.test(line))) problems.push('the demo did not report that it stopped n8n and the emulators');
		if (problems.length) throw new Error(problems.join('\n'));
		const roles = tree.map((p) => role(p.command));
		const counts = [...new Set(roles)].map((name) => `${roles.filter((r) => r === name).length} ${name}`).join(', ');
		say(`PASS: ${signal}${toGroup ? ' to the group' : ' to npm'} stopped all ${tree.length} processes (${counts}); port ${port} is free`);
	} catch (error) {
		say(`FAIL: ${error.message}`);
		for (const proc of tree.filter(stillRunning)) {
			try {
				process.kill(proc.pid, 'SIGKILL');
			} catch {
				/* gone */
			}
		}
		try {
			process.kill(-demo.npm.pid, 'SIGKILL');
		} catch {
			/* gone */
		}
		process.exitCode = 1;
	}
}

main();
