// The measured clients run in processes of their own (own heap, own RSS, own CPU time), never in
// the orchestrator and never next to the emulators.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const RESULTS = path.join(ROOT, 'bench', 'results');
const INPROCESS = path.join(ROOT, 'bench', 'inprocess');

/** Runs `run(options)` of bench/inprocess/<section>.ts in a fresh Node process; resolves to its JSON. */
export function inProcess(hostUrl, section, options) {
	fs.mkdirSync(RESULTS, { recursive: true });
	const out = path.join(RESULTS, `.${section}-${process.pid}-${Math.random().toString(36).slice(2)}.json`);
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['--expose-gc', path.join(INPROCESS, 'main.cjs'), section, out, JSON.stringify(options)], {
			cwd: ROOT,
			env: { ...process.env, BENCH_HOST: hostUrl },
			stdio: ['ignore', 'inherit', 'inherit'],
		});
		child.once('error', reject);
		child.once('exit', (code) => {
			if (code !== 0) return reject(new Error(`in-process ${section} exited with code ${code}`));
			const result = JSON.parse(fs.readFileSync(out, 'utf8'));
			fs.rmSync(out, { force: true });
			resolve(result);
		});
	});
}

/** A long-lived measured worker (bench/inprocess/worker.cjs); `call(cmd, ...args)` → its answer. */
export function startWorker(hostUrl, module) {
	const child = spawn(process.execPath, ['--expose-gc', path.join(INPROCESS, 'worker.cjs'), module], {
		cwd: ROOT,
		env: { ...process.env, BENCH_HOST: hostUrl },
		stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
	});
	const pending = new Map();
	let nextId = 0;
	let exited;
	const ready = new Promise((resolve, reject) => {
		exited = (code) => {
			const error = new Error(`worker ${module} exited with code ${code}`);
			reject(error);
			for (const { reject: fail } of pending.values()) fail(error);
			pending.clear();
		};
		child.once('exit', exited);
		child.on('message', (message) => {
			if (message.ready) return resolve();
			const waiting = pending.get(message.id);
			if (!waiting) return;
			pending.delete(message.id);
			if (message.ok) waiting.resolve(message.value);
			else waiting.reject(new Error(message.error));
		});
	});
	return {
		ready,
		call: async (cmd, ...args) => {
			await ready;
			return await new Promise((resolve, reject) => {
				const id = ++nextId;
				pending.set(id, { resolve, reject });
				child.send({ id, cmd, args });
			});
		},
		stop: () =>
			new Promise((resolve) => {
				if (child.exitCode !== null) return resolve();
				child.off('exit', exited);
				child.once('exit', () => resolve());
				child.disconnect();
			}),
	};
}

/** Rotating order for round `round`: over every `variants.length` rounds each variant runs once in each position. */
export const rotation = (variants, round) => variants.map((_, i) => variants[(i + round) % variants.length]);
