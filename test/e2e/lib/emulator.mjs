// Starts a provider emulator (test/emulators/<name>.js) as a child process on a free port and
// wraps its /__emulator/* control routes.

import path from 'node:path';

import { HOST, ROOT, http, startProcess } from './util.mjs';

/**
 * `script` is relative to the repo root; `args` are the emulator's standalone flags.
 * Resolves once the emulator printed `READY <url> [site=<siteUrl>]`.
 */
export async function startEmulator({ name, script, args = [], logFile, timeoutMs = 20_000 }) {
	let resolveReady;
	const ready = new Promise((resolve) => (resolveReady = resolve));
	const handle = startProcess(process.execPath, [path.join(ROOT, script), '--port', '0', ...args], {
		logFile,
		env: { ...process.env, HOST },
		onLine: (line) => {
			const match = /^READY (\S+)(?: site=(\S+))?/.exec(line.trim());
			if (match) resolveReady({ url: match[1], siteUrl: match[2] || match[1] });
		},
	});
	const timeout = new Promise((_, reject) =>
		setTimeout(() => reject(new Error(`${name} emulator did not print READY within ${timeoutMs / 1000} s (see ${logFile})`)), timeoutMs).unref(),
	);
	const exited = handle.done.then(() => {
		throw new Error(`${name} emulator exited before READY (${handle.error?.message || `exit ${handle.exitCode}`}; see ${logFile})`);
	});
	const { url, siteUrl } = await Promise.race([ready, timeout, exited]);
	if (!url.startsWith(`http://${HOST}:`)) {
		await handle.stop();
		throw new Error(`${name} emulator listens on ${url}, expected ${HOST}`);
	}
	const control = async (method, route, body) => {
		const response = await http(method, `${url}/__emulator/${route}`, { body });
		if (response.status !== 200) throw new Error(`${name} emulator ${method} /__emulator/${route} answered ${response.status}: ${response.text.slice(0, 200)}`);
		return response.json;
	};
	return {
		name,
		url,
		siteUrl,
		handle,
		requests: () => control('GET', 'requests'),
		/** Returns a function that lists the requests logged after this call (the log itself is kept whole). */
		async mark() {
			const count = (await control('GET', 'requests')).length;
			return async () => (await control('GET', 'requests')).slice(count);
		},
		state: () => control('GET', 'state'),
		resetLog: () => control('POST', 'reset-log'),
		faults: (body) => control('POST', 'faults', body),
		control,
		stop: () => handle.stop(5_000),
	};
}
