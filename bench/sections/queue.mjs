// Section 1, queue mode (issue 16): logins per token expiry on n8n's queue mode (main + workers,
// Postgres, Redis), our node against the HTTP Request node with the same credential type. The
// measurement is the queue-mode tier's own script, run as a child process: its JSON comes on stdout,
// its progress on stderr, and SIGTERM stops it with everything it started.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const QUEUE_SCRIPT = path.join(ROOT, 'test', 'e2e', 'queue', 'logins-per-expiry.mjs');
export const queueScriptPresent = () => fs.existsSync(QUEUE_SCRIPT);

let running;

/** Stops a queue run in progress (the orchestrator's signal handler). */
export const stopQueue = () => running?.kill('SIGTERM');

export function queueSection(config, say) {
	const { provider, executions, items, expiries } = config.queue;
	say(`1q. queue mode: logins per token expiry, ${provider}, ${executions} executions × ${items} items, ${expiries} token kills (test/e2e/queue/logins-per-expiry.mjs)`);
	const args = [QUEUE_SCRIPT, `--provider=${provider}`, `--executions=${executions}`, `--items=${items}`, `--expiries=${expiries}`, `--run-dir=${path.join(ROOT, 'bench', 'results', 'queue')}`];
	return new Promise((resolve, reject) => {
		running = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let lastLine = '';
		running.stdout.on('data', (chunk) => (stdout += chunk));
		running.stderr.on('data', (chunk) => {
			const lines = `${lastLine}${chunk}`.split('\n');
			lastLine = lines.pop();
			for (const line of lines) if (line.trim()) say(`   ${line.trim()}`);
		});
		running.once('error', reject);
		running.once('exit', (code) => {
			running = undefined;
			if (code !== 0) return reject(new Error(`test/e2e/queue/logins-per-expiry.mjs exited with code ${code}`));
			try {
				resolve(JSON.parse(stdout));
			} catch (error) {
				reject(new Error(`test/e2e/queue/logins-per-expiry.mjs printed no JSON: ${error.message}`));
			}
		});
	});
}
