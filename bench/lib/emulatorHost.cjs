'use strict';
// The benchmark's emulator host: one child process that runs every provider emulator the bench
// needs (test/emulators/*, bench/fakes/metabase.js) on 127.0.0.1, so the clients being measured
// (in-process n8n-core harness, raw fetch loops, real n8n) never share a thread or a heap with them.
//
// Prints `READY <rpc url>`; then answers POST <rpc url> with a JSON body { cmd, ... }:
//   start   { provider, mode?, seed? }  → { id, url, siteUrl, apiRoot, credential }  (starts a fresh instance)
//   stats   { id }                      → counts from the instance's request log and counters
//   call    { id, fn, args? }           → calls a helper of the instance (expire tokens, config)
//   requests{ id, since? }              → the logged API requests (method, path, query), for replaying
//   reset   { id }                      → clears the request log and the bench's counts
//   stop    { id }
//   memory  {}                          → this process's memory
//
// `mode` is one of: cold (default server), expiry (a token dies after it was accepted on
// `expireEvery` API calls; default 200), singleSession (each login revokes the user's older tokens),
// rateLimited (Nexudus and Faveo only: the provider's real request limits on, real time).

const http = require('node:http');
const { performance } = require('node:perf_hooks');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const fastPaths = require('./fastPaths.cjs');

fastPaths.install(); // before any emulator module is loaded: see fastPaths.cjs
const emulators = (name) => require(path.join(root, 'test', 'emulators', name));
const { startMetabase } = require(path.join(root, 'bench', 'fakes', 'metabase.js'));

const EXPIRE_EVERY = 200;

/**
 * Per provider: how to start it, where its login is, how to kill every live token now, and the
 * credential data the bench uses (the token field empty = cold).
 */
const PROVIDERS = {
	fuse: {
		loginPath: /\/session$/,
		async start({ mode, expireEvery }) {
			const emu = await emulators('fuse').startFuse({ seedUsers: 20, singleSession: mode === 'singleSession', rotateEveryRequests: mode === 'expiry' ? expireEvery : 0 });
			return { emu, builtInExpiry: true };
		},
		kill: (emu) => emu.expireTokens(),
		siteUrl: (emu) => emu.url,
		apiRoot: (emu) => `${emu.url}/api/v5.0`,
		credential: (emu) => ({ type: 'fuseUniversalApi', data: { baseUrl: emu.url, apiVersion: 'v5.0', loginName: 'api.admin', password: 'Adm1n-Secret-Pass!', loginFormat: 'json', authToken: '' } }),
	},
	crmplatform: {
		loginPath: /\/auth\/local$/,
		async start({ mode, seed }) {
			const emu = await emulators('crmplatform').startCrmPlatform({ subPath: '/strapi', singleSession: mode === 'singleSession', seedContacts: seed?.contacts ?? 25, seedActivities: seed?.contacts ? 0 : 10 });
			return { emu };
		},
		kill: (emu) => emu.expireTokens(),
		siteUrl: (emu) => emu.siteUrl,
		apiRoot: (emu) => emu.siteUrl,
		credential: (emu) => ({ type: 'crmPlatformApi', data: { baseUrl: emu.siteUrl, identifier: 'demo', password: 'demo123', jwt: '' } }),
	},
	faveo: {
		loginPath: /\/api\/v1\/authenticate$/,
		async start({ mode }) {
			// Faveo's throttle (60 a minute per IP, fixed window, logins included) only for the pacing rows.
			const emu = await emulators('faveo').startFaveo({ subPath: '/faveo/public', rateLimit: mode === 'rateLimited' ? 60 : 0, singleSession: mode === 'singleSession' });
			return { emu };
		},
		kill: (emu) => emu.expireAllTokens(),
		siteUrl: (emu) => emu.siteUrl,
		apiRoot: (emu) => `${emu.siteUrl}/api`,
		credential: (emu) => ({ type: 'faveoHelpdeskApi', data: { baseUrl: emu.siteUrl, username: 'demoadmin', password: 'demopass', apiKey: '', placement: 'header', token: '' } }),
	},
	metabase: {
		loginPath: /\/api\/session$/,
		async start({ mode }) {
			return { emu: await startMetabase({ singleSession: mode === 'singleSession' }) };
		},
		kill: (emu) => emu.expireAll(),
		siteUrl: (emu) => emu.url,
		apiRoot: (emu) => emu.url,
		credential: (emu) => ({ type: 'metabaseApi', data: { url: emu.url, ...emu.credentials, sessionToken: '' } }),
	},
	fluentcrm: {
		loginPath: null,
		async start({ seed }) {
			const emu = await emulators('fluentcrm').startFluentCrm({ seedContacts: seed?.contacts ?? 20 });
			// The emulator finds a contact's tags and lists by scanning every link (~4 per contact), once
			// per serialized contact: at 100k contacts that is ~10^8 steps per page. Paging runs therefore
			// use contacts without tag/list links (at every N, so records are alike across N).
			if (seed?.withoutLinks) emu.state.pivots = [];
			return { emu };
		},
		siteUrl: (emu) => emu.siteUrl,
		apiRoot: (emu) => `${emu.siteUrl}/wp-json/fluent-crm/v2`,
		credential: (emu) => ({ type: 'fluentCrmApi', data: { siteUrl: emu.siteUrl, username: 'admin', applicationPassword: 'abcd efgh ijkl mnop qrst uvwx', restStyle: 'wpJson', ignoreSslIssues: false } }),
	},
	nexudus: {
		loginPath: null,
		async start({ mode, seed }) {
			const wanted = seed?.coworkers ?? 30;
			// The emulator's seeder checks e-mail uniqueness with a linear scan and runs out of distinct
			// names after ~3,000 coworkers (quadratic: 20k take ~5 s, 100k do not finish in minutes).
			// So: seed up to 1,000 realistic coworkers, then insert copies with unique e-mails in bulk.
			const emu = await emulators('nexudus').startNexudus({ rateLimit: mode === 'rateLimited' ? {} : 'off', seedCoworkers: Math.min(wanted, 1000), seedBookings: 0, seedCheckins: 0, seedInvoices: 0 });
			const templates = emu.state.coworkers.slice();
			for (let i = templates.length; i < wanted; i++) {
				const copy = structuredClone(templates[i % templates.length]);
				delete copy.Id;
				delete copy.UniqueId;
				copy.Email = `bulk${i}.${copy.Email}`;
				copy.FullName = `${copy.FullName} ${i}`;
				emu.store.insert('coworkers', copy);
			}
			return { emu };
		},
		siteUrl: (emu) => emu.url,
		apiRoot: (emu) => `${emu.url}/api`,
		credential: (emu) => ({ type: 'nexudusApi', data: { email: 'admin@nexudus.test', password: 'Nexudus-Admin-Pass-2025', baseUrl: `${emu.url}/api` } }),
	},
};

const instances = new Map();
let nextId = 1;

const isControl = (entry) => entry.path.includes('/__emulator');

/**
 * Wraps the instance's request log: counts login requests, 401s and accepted API calls, and — in
 * expiry mode for emulators without a built-in switch — kills every token once the current ones
 * were accepted on `expireEvery` API calls (counted when the response is finished).
 */
function instrument(instance) {
	const { emu, spec } = instance;
	const counts = { loginRequests: 0, apiRequests: 0, accepted: 0, unauthorized: 0, otherErrors: 0, kills: 0, serverMs: 0 };
	instance.counts = counts;
	let sinceKill = 0;
	const push = emu.requests.push.bind(emu.requests);
	emu.requests.push = (...entries) => {
		for (const entry of entries) {
			if (isControl(entry)) continue;
			const isLogin = spec.loginPath !== null && entry.method === 'POST' && spec.loginPath.test(entry.path);
			if (isLogin) counts.loginRequests += 1;
			else counts.apiRequests += 1;
			let status;
			const arrived = performance.now();
			const arrival = instance.arrivals ? { ms: arrived, method: entry.method, login: isLogin } : undefined;
			if (arrival) instance.arrivals.push(arrival);
			Object.defineProperty(entry, 'status', {
				enumerable: true,
				configurable: true,
				get: () => status,
				set: (value) => {
					status = value;
					if (arrival) arrival.status = value;
					counts.serverMs += performance.now() - arrived;
					if (isLogin) return;
					if (value === 401) counts.unauthorized += 1;
					else if (value >= 400) counts.otherErrors += 1;
					else {
						counts.accepted += 1;
						if (instance.expireEvery && ++sinceKill >= instance.expireEvery) {
							sinceKill = 0;
							counts.kills += 1;
							spec.kill(emu);
						}
					}
				},
			});
		}
		return push(...entries);
	};
	instance.resetCounts = () => {
		for (const key of Object.keys(counts)) counts[key] = 0;
		sinceKill = 0;
		emu.requests.length = 0;
		if (instance.arrivals) instance.arrivals.length = 0;
		if (emu.counters.throttled !== undefined) emu.counters.throttled = 0;
	};
}

async function start({ provider, mode = 'cold', seed, expireEvery = EXPIRE_EVERY }) {
	const spec = PROVIDERS[provider];
	if (!spec) throw new Error(`unknown provider ${provider}`);
	const started = Date.now();
	const { emu, builtInExpiry } = await spec.start({ mode, seed, expireEvery });
	const id = `${provider}-${nextId++}`;
	const instance = { id, provider, mode, emu, spec, expireEvery: mode === 'expiry' && !builtInExpiry ? expireEvery : 0, arrivals: mode === 'rateLimited' ? [] : undefined };
	instrument(instance);
	instances.set(id, instance);
	return { id, url: emu.url, siteUrl: spec.siteUrl(emu), apiRoot: spec.apiRoot(emu), credential: spec.credential(emu), seedMs: Date.now() - started };
}

function stats({ id }) {
	const { emu, counts, arrivals } = get(id);
	const c = emu.counters;
	return { ...counts, logins: c.logins ?? 0, failedLogins: c.failedLogins ?? 0, rotations: c.rotations ?? 0, throttled: c.throttled ?? 0, arrivals };
}

function get(id) {
	const instance = instances.get(id);
	if (!instance) throw new Error(`no emulator instance ${id}`);
	return instance;
}

const COMMANDS = {
	start,
	stats,
	call: ({ id, fn, args = [] }) => {
		const { emu, spec } = get(id);
		if (fn === 'kill') return spec.kill(emu) ?? null;
		if (typeof emu[fn] !== 'function') throw new Error(`${id} has no helper ${fn}`);
		return emu[fn](...args) ?? null;
	},
	requests: ({ id, since = 0 }) => get(id).emu.requests.filter((entry) => !isControl(entry)).slice(since).map(({ method, path, query }) => ({ method, path, query })),
	reset: ({ id }) => (get(id).resetCounts(), null),
	stop: async ({ id }) => {
		const instance = instances.get(id);
		if (!instance) return null;
		instances.delete(id);
		await instance.emu.stop();
		return null;
	},
	memory: () => process.memoryUsage(),
	selfcheck: async () => await fastPaths.selfCheck(start, COMMANDS.stop),
	fastPathHits: () => fastPaths.state.hits,
};

const rpc = http.createServer((req, res) => {
	let body = '';
	req.on('data', (chunk) => (body += chunk));
	req.on('end', async () => {
		let status = 200;
		let answer;
		try {
			const message = JSON.parse(body || '{}');
			const command = COMMANDS[message.cmd];
			if (!command) throw new Error(`unknown command ${message.cmd}`);
			answer = { ok: true, result: (await command(message)) ?? null };
		} catch (error) {
			status = 500;
			answer = { ok: false, error: error.stack || String(error) };
		}
		res.writeHead(status, { 'Content-Type': 'application/json' });
		res.end(JSON.stringify(answer));
	});
});

rpc.listen(0, '127.0.0.1', () => {
	process.stdout.write(`READY http://127.0.0.1:${rpc.address().port}/rpc\n`);
});

const shutdown = async () => {
	await Promise.all([...instances.keys()].map((id) => COMMANDS.stop({ id }).catch(() => undefined)));
	process.exit(0);
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
process.on('disconnect', shutdown);
