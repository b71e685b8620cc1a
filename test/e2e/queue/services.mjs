// Postgres and Redis for the queue-mode tier: the Debian packages (installed with apt-get when
// missing), each started on a free loopback port under a folder of the run, stopped at the end.
// Postgres refuses to run as root: as root it runs as the `postgres` user the package creates.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { HOST, runCommand, seconds, sleep, startProcess } from '../lib/util.mjs';

const PACKAGES = ['postgresql', 'redis-server'];
const APT_LOCK_WAIT_S = 600;
const READY_TIMEOUT_MS = 120_000;
const isRoot = () => process.getuid?.() === 0;

function onPath(command) {
	const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
	return found.status === 0 ? found.stdout.trim() : undefined;
}

/** The newest Postgres server binaries: Debian keeps them off PATH, in /usr/lib/postgresql/<major>/bin. */
function postgresBinDir() {
	const base = '/usr/lib/postgresql';
	const majors = fs.existsSync(base) ? fs.readdirSync(base).filter((name) => fs.existsSync(path.join(base, name, 'bin', 'postgres'))) : [];
	majors.sort((a, b) => Number(b) - Number(a));
	if (majors.length) return path.join(base, majors[0], 'bin');
	const initdb = onPath('initdb');
	return initdb && fs.existsSync(path.join(path.dirname(fs.realpathSync(initdb)), 'postgres')) ? path.dirname(fs.realpathSync(initdb)) : undefined;
}

function findBinaries() {
	return { postgresBin: postgresBinDir(), redisServer: onPath('redis-server') ?? ['/usr/bin/redis-server', '/usr/sbin/redis-server'].find((file) => fs.existsSync(file)) };
}

/**
 * Finds the Postgres and Redis server binaries, installing the Debian packages first when one is
 * missing (apt-get update + install; as root, or through `sudo -n`). Returns the binaries and how
 * long an install took (0 when nothing was missing).
 */
export async function ensureServices({ logFile, say }) {
	const found = findBinaries();
	if (found.postgresBin && found.redisServer) return { ...found, installSeconds: 0 };
	const missing = [!found.postgresBin && 'postgresql', !found.redisServer && 'redis-server'].filter(Boolean);
	if (!onPath('apt-get')) throw new Error(`${missing.join(' and ')} missing and no apt-get here: install ${PACKAGES.join(' and ')} (Debian/Ubuntu packages)`);
	const sudo = isRoot() ? [] : ['sudo', '-n'];
	if (sudo.length && !onPath('sudo')) throw new Error(`${missing.join(' and ')} missing: run as root or install ${PACKAGES.join(' ')} with apt-get`);
	const started = Date.now();
	say(`installing ${missing.join(' and ')} with apt-get (output in ${logFile})`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	const apt = (...args) => (sudo.length ? ['sudo', ['-n', 'apt-get', ...args]] : ['apt-get', args]);
	const lockWait = [`-o`, `DPkg::Lock::Timeout=${APT_LOCK_WAIT_S}`];
	// An install interrupted earlier leaves dpkg half-configured, and apt-get refuses to go on until this ran.
	await runCommand(...(sudo.length ? ['sudo', ['-n', 'dpkg', '--configure', '-a']] : ['dpkg', ['--configure', '-a']]), { env, logFile, timeoutMs: 900_000 });
	await runCommand(...apt(...lockWait, 'update'), { env, logFile, timeoutMs: 900_000 });
	await runCommand(...apt(...lockWait, 'install', '-y', '--no-install-recommends', ...PACKAGES), { env, logFile, timeoutMs: 1_800_000 });
	const after = findBinaries();
	if (!after.postgresBin || !after.redisServer) throw new Error(`apt-get installed ${PACKAGES.join(' ')} but ${!after.postgresBin ? 'the Postgres server binaries' : 'redis-server'} are still missing (see ${logFile})`);
	const installSeconds = Number(seconds(started));
	say(`installed ${missing.join(' and ')} in ${installSeconds} s`);
	return { ...after, installSeconds };
}

// ---- Postgres --------------------------------------------------------------------------------------

/** As root: the command as the `postgres` user (runuser); otherwise as ourselves. */
function asPostgresUser(command, args) {
	return isRoot() ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

function chownToPostgres(target) {
	if (!isRoot()) return;
	const result = spawnSync('chown', ['-R', 'postgres:postgres', target], { encoding: 'utf8' });
	if (result.status !== 0) throw new Error(`chown postgres ${target}: ${result.stderr || result.error?.message} (is the postgresql package installed?)`);
}

/** A folder the postgres user owns and can reach: under the run folder, or in the temp folder when a parent is closed to it. */
function postgresFolder(runDir) {
	const inRun = path.join(runDir, 'postgres');
	fs.mkdirSync(inRun, { recursive: true });
	chownToPostgres(inRun);
	const [command, args] = asPostgresUser('test', ['-w', inRun]);
	if (spawnSync(command, args).status === 0) return inRun;
	const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-bridge-queue-postgres-'));
	fs.chmodSync(elsewhere, 0o755);
	chownToPostgres(elsewhere);
	return elsewhere;
}

/**
 * A fresh Postgres cluster on 127.0.0.1:`port` (TCP only, password login), database `n8n` owned by
 * user `n8n`. Durability settings are off: the data is thrown away after the run.
 */
export async function startPostgres({ binDir, runDir, port, say }) {
	const folder = postgresFolder(runDir);
	if (!folder.startsWith(runDir)) say(`the postgres user cannot write under ${runDir}: its data folder is ${folder}`);
	const data = path.join(folder, 'data');
	const logFile = path.join(runDir, 'postgres.log');
	const password = `queue-${process.pid}-${Date.now()}`;
	const passwordFile = path.join(folder, 'password');
	fs.writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
	chownToPostgres(passwordFile);
	const initdb = asPostgresUser(path.join(binDir, 'initdb'), ['-D', data, '-U', 'n8n', `--pwfile=${passwordFile}`, '--auth-host=scram-sha-256', '--auth-local=reject', '-E', 'UTF8', '--locale=C']);
	await runCommand(...initdb, { logFile, timeoutMs: 300_000 });
	fs.rmSync(passwordFile, { force: true });
	const settings = { listen_addresses: HOST, port: String(port), unix_socket_directories: '', fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: '200' };
	const server = asPostgresUser(path.join(binDir, 'postgres'), ['-D', data, ...Object.entries(settings).flatMap(([key, value]) => ['-c', `${key}=${value}`])]);
	const handle = startProcess(...server, { logFile });
	const started = Date.now();
	const db = { host: HOST, port, user: 'n8n', password, database: 'n8n', binDir, logFile, handle, dataFolder: data };
	db.psql = (sql, database = 'n8n') => psql(db, sql, database);
	db.stop = async () => {
		await stopPostgres(handle, data);
		if (!folder.startsWith(runDir)) fs.rmSync(folder, { recursive: true, force: true });
	};
	const deadline = started + READY_TIMEOUT_MS;
	for (;;) {
		if (handle.exited) throw new Error(`postgres exited (${handle.exitCode ?? handle.signal}) before accepting connections; see ${logFile}`);
		const ready = spawnSync(path.join(binDir, 'pg_isready'), ['-q', '-h', HOST, '-p', String(port)]);
		if (ready.status === 0) break;
		if (Date.now() > deadline) throw new Error(`postgres on ${HOST}:${port} did not accept connections within ${READY_TIMEOUT_MS / 1000} s; see ${logFile}`);
		await sleep(200);
	}
	await db.psql('CREATE DATABASE n8n', 'postgres');
	db.readySeconds = Number(seconds(started));
	return db;
}

/** Runs SQL with psql over TCP; resolves to rows of tab-separated fields. */
async function psql(db, sql, database) {
	const output = await runCommand(path.join(db.binDir, 'psql'), ['-X', '-q', '-A', '-t', '-F', '\t', '-v', 'ON_ERROR_STOP=1', '-h', db.host, '-p', String(db.port), '-U', db.user, '-d', database, '-c', sql], {
		env: { ...process.env, PGPASSWORD: db.password, PGCONNECT_TIMEOUT: '10' },
		timeoutMs: 60_000,
	});
	return output.split('\n').filter((line) => line !== '').map((line) => line.split('\t'));
}

/** Fast shutdown (SIGINT to the postmaster), then whatever is left of its process group goes. */
async function stopPostgres(handle, data) {
	if (handle.exited) return;
	const pidFile = path.join(data, 'postmaster.pid');
	const pid = fs.existsSync(pidFile) ? Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]) : undefined;
	try {
		if (pid) process.kill(pid, 'SIGINT');
	} catch {
		/* already gone */
	}
	const outcome = await Promise.race([handle.done.then(() => 'stopped'), sleep(15_000).then(() => 'timeout')]);
	if (outcome === 'timeout') await handle.kill();
	else await handle.stop(1_000);
}

// ---- Redis -----------------------------------------------------------------------------------------

/** A Redis on 127.0.0.1:`port` without persistence, ready once it answers PING. */
export async function startRedis({ redisServer, runDir, port }) {
	const dir = path.join(runDir, 'redis');
	fs.mkdirSync(dir, { recursive: true });
	const logFile = path.join(runDir, 'redis.log');
	const handle = startProcess(redisServer, ['--port', String(port), '--bind', HOST, '--dir', dir, '--save', '', '--appendonly', 'no', '--protected-mode', 'yes'], { logFile });
	const started = Date.now();
	const deadline = started + READY_TIMEOUT_MS;
	for (;;) {
		if (handle.exited) throw new Error(`redis-server exited (${handle.exitCode ?? handle.signal}) before answering PING; see ${logFile}`);
		if (await redisPing(port)) break;
		if (Date.now() > deadline) throw new Error(`redis-server on ${HOST}:${port} did not answer PING within ${READY_TIMEOUT_MS / 1000} s; see ${logFile}`);
		await sleep(200);
	}
	return { host: HOST, port, logFile, handle, readySeconds: Number(seconds(started)), stop: () => handle.stop(10_000) };
}

function redisPing(port) {
	return new Promise((resolve) => {
		const socket = net.connect(port, HOST);
		let answer = '';
		const done = (ok) => {
			socket.destroy();
			resolve(ok);
		};
		socket.setTimeout(2_000, () => done(false));
		socket.on('error', () => done(false));
		socket.on('connect', () => socket.write('*1\r\n$4\r\nPING\r\n'));
		socket.on('data', (chunk) => {
			answer += chunk.toString('utf8');
			if (answer.includes('\r\n')) done(answer.startsWith('+PONG'));
		});
	});
}
