// Small helpers for the real-n8n tier: free ports, child processes that are always stopped,
// loopback HTTP. Node built-ins only.

import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const HOST = '127.0.0.1';

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function seconds(since) {
	return ((Date.now() - since) / 1000).toFixed(1);
}

/** A port that was free a moment ago (listen on 0, read it, close). */
export function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.once('error', reject);
		server.listen(0, HOST, () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

/** Distinct free ports (the OS may hand out the same one twice after a close). */
export async function freePorts(count) {
	const ports = new Set();
	while (ports.size < count) ports.add(await freePort());
	return [...ports];
}

/** A stable UUID-shaped id derived from a name (webhook ids must be UUIDs and stay fixed). */
export function stableUuid(name) {
	const hex = crypto.createHash('sha1').update(name).digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

// ---- child processes ---------------------------------------------------------------------------

const running = new Set();

/**
 * Starts a long-running child in its own process group, output appended to logFile.
 * `stop()` sends SIGTERM to the child, waits, then SIGKILLs its group. Every started child is
 * remembered so stopAll() can end them on any failure path.
 */
export function startProcess(command, args, { cwd = ROOT, env = process.env, logFile, onLine } = {}) {
	const out = logFile ? fs.openSync(logFile, 'a') : undefined;
	const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
	const handle = { child, pid: child.pid, exited: false, exitCode: undefined, signal: undefined };
	handle.done = new Promise((resolve) => {
		child.on('exit', (code, signal) => {
			handle.exited = true;
			handle.exitCode = code;
			handle.signal = signal;
			running.delete(handle);
			resolve();
		});
		child.on('error', (error) => {
			handle.exited = true;
			handle.error = error;
			running.delete(handle);
			resolve();
		});
	});
	let pending = '';
	const onData = (chunk) => {
		if (out !== undefined) fs.writeSync(out, chunk);
		if (!onLine) return;
		pending += chunk.toString('utf8');
		const lines = pending.split('\n');
		pending = lines.pop();
		for (const line of lines) onLine(line);
	};
	child.stdout.on('data', onData);
	child.stderr.on('data', onData);
	handle.done.then(() => {
		if (out !== undefined) fs.closeSync(out);
	});
	handle.stop = async (graceMs = 15_000) => {
		if (!handle.exited) {
			// The leader alone first: n8n then stops its task runner itself, in order.
			signal(child.pid, 'SIGTERM');
			let graceTimer;
			const timer = new Promise((resolve) => (graceTimer = setTimeout(() => resolve('timeout'), graceMs)));
			const outcome = await Promise.race([handle.done.then(() => 'exited'), timer]);
			clearTimeout(graceTimer);
			if (outcome === 'timeout') signal(-child.pid, 'SIGKILL');
			await handle.done;
		}
		// Whatever is left in the group (a task runner whose n8n died) goes too.
		signal(-child.pid, 'SIGKILL');
	};
	handle.kill = async () => {
		signal(-child.pid, 'SIGKILL');
		await handle.done;
	};
	running.add(handle);
	return handle;
}

/** process.kill that ignores a process or group which is already gone. */
function signal(pidOrGroup, name) {
	try {
		process.kill(pidOrGroup, name);
	} catch {
		/* already gone */
	}
}

export async function stopAll() {
	await Promise.all([...running].map((handle) => handle.stop()));
}

/** Runs a command to completion; output appended to logFile; rejects on a non-zero exit. */
export function runCommand(command, args, { cwd = ROOT, env = process.env, logFile, timeoutMs = 120_000 } = {}) {
	return new Promise((resolve, reject) => {
		if (logFile) fs.appendFileSync(logFile, `\n$ ${path.basename(command)} ${args.join(' ')}\n`);
		const handle = startProcess(command, args, { cwd, env, logFile, onLine: undefined });
		let output = '';
		const collect = (chunk) => (output += chunk.toString('utf8'));
		handle.child.stdout.on('data', collect);
		handle.child.stderr.on('data', collect);
		const timer = setTimeout(() => {
			handle.stop(2_000);
			reject(new Error(`${path.basename(command)} ${args.join(' ')} did not finish within ${timeoutMs / 1000} s`));
		}, timeoutMs);
		const closed = (stream) => new Promise((resolveClosed) => (stream.closed ? resolveClosed() : stream.once('close', resolveClosed)));
		const drained = Promise.all([closed(handle.child.stdout), closed(handle.child.stderr)]);
		handle.done.then(async () => {
			clearTimeout(timer);
			// A process can exit before its last output is read: wait for the pipes to close (not for long: a child of its own may hold them).
			await Promise.race([drained, sleep(5_000)]);
			if (handle.exitCode === 0) return resolve(output);
			const tail = output.trim().split('\n').slice(-25).join('\n');
			reject(new Error(`${path.basename(command)} ${args.join(' ')} failed (${handle.error?.message || handle.signal || `exit ${handle.exitCode}`})\n${tail}`));
		});
	});
}

// ---- HTTP ----------------------------------------------------------------------------------------

/**
 * fetch with a timeout; returns { status, headers, text, json } (json undefined when not JSON).
 * A GET that fails before any answer is sent once more: fetch reuses kept-alive connections, and
 * n8n may close one just as it is reused. Errors name the URL and the socket error.
 */
export async function http(method, url, options = {}) {
	try {
		return await httpOnce(method, url, options);
	} catch (error) {
		if (method !== 'GET' || error.name === 'TimeoutError') throw explain(error, method, url);
		return await httpOnce(method, url, options).catch((again) => {
			throw explain(again, method, url);
		});
	}
}

function explain(error, method, url) {
	if (error.name === 'TimeoutError') return error;
	const why = error.cause?.code || error.cause?.message;
	return new Error(`${method} ${url}: ${error.message}${why ? ` (${why})` : ''}`, { cause: error.cause });
}

async function httpOnce(method, url, { body, headers = {}, timeoutMs = 30_000 } = {}) {
	const init = { method, headers: { ...headers }, signal: AbortSignal.timeout(timeoutMs) };
	if (body !== undefined) {
		init.body = typeof body === 'string' ? body : JSON.stringify(body);
		if (!Object.keys(init.headers).some((h) => h.toLowerCase() === 'content-type')) init.headers['content-type'] = 'application/json';
	}
	const response = await fetch(url, init);
	const text = await response.text();
	let json;
	try {
		json = text ? JSON.parse(text) : undefined;
	} catch {
		json = undefined;
	}
	return { status: response.status, headers: response.headers, text, json };
}

/** Polls fn until it returns a truthy value; throws describe() on timeout. */
/** `promise`, or a rejection naming `what` once `ms` passed. */
export async function withTimeout(promise, ms, what) {
	let timer;
	const timeout = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms / 1000} s`)), ms)));
	try {
		return await Promise.race([promise, timeout]);
	} finally {
		clearTimeout(timer);
	}
}

export async function waitFor(fn, { timeoutMs, intervalMs = 250, describe = () => 'condition' }) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await fn().catch(() => undefined);
		if (value) return value;
		if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${describe()}`);
		await sleep(intervalMs);
	}
}
