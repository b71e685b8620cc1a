'use strict';
// Shared scaffolding for loopback provider emulators: request log, counters,
// fault injection, control routes and a standalone runner. Node built-ins only.

const http = require('node:http');

const REDACTED_HEADERS = new Set(['authorization', 'proxy-authorization', 'auth-token', 'cookie', 'set-cookie', 'x-api-key']);
const MAX_BODY_BYTES = 10 * 1024 * 1024;
const CONTROL_PREFIX = '/__emulator/';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function redactHeaders(headers) {
	const out = {};
	for (const [name, value] of Object.entries(headers)) {
		out[name.toLowerCase()] = REDACTED_HEADERS.has(name.toLowerCase()) ? '[redacted]' : value;
	}
	return out;
}

function queryToObject(searchParams) {
	const out = {};
	for (const [key, value] of searchParams) {
		if (!(key in out)) out[key] = value;
		else out[key] = [].concat(out[key], value);
	}
	return out;
}

function parseJsonBody(rawBody) {
	if (rawBody.length === 0) return { json: undefined, jsonMalformed: false };
	try {
		return { json: JSON.parse(rawBody), jsonMalformed: false };
	} catch {
		return { json: undefined, jsonMalformed: true };
	}
}

function readBody(req) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		let size = 0;
		req.on('data', (chunk) => {
			size += chunk.length;
			if (size > MAX_BODY_BYTES) reject(Object.assign(new Error('body too large'), { status: 413 }));
			else chunks.push(chunk);
		});
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

function createResponder(res) {
	const send = (status, body, headers = {}) => {
		if (res.headersSent) return;
		const payload = body === undefined || body === null ? '' : body;
		res.writeHead(status, { 'Content-Length': Buffer.byteLength(payload), ...headers });
		res.end(payload);
	};
	return {
		send,
		sendJson: (status, obj, headers = {}) => send(status, JSON.stringify(obj), { 'Content-Type': 'application/json; charset=UTF-8', ...headers }),
		sendText: (status, text, headers = {}) => send(status, text, { 'Content-Type': 'text/plain; charset=UTF-8', ...headers }),
	};
}

// ---- fault injection -------------------------------------------------------

function faultBody(fault) {
	const status = fault.status || 500;
	switch (fault.kind || 'json') {
		case 'html':
			return { contentType: 'text/html; charset=UTF-8', text: fault.body ?? `<!DOCTYPE html><html><head><title>${status} Error</title></head><body><h1>${status}</h1><p>Injected fault</p></body></html>` };
		case 'malformed':
			return { contentType: 'application/json; charset=UTF-8', text: typeof fault.body === 'string' ? fault.body : '{"code":"emulator_fault","message":' };
		case 'empty':
			return { contentType: undefined, text: '' };
		default:
			return { contentType: 'application/json; charset=UTF-8', text: JSON.stringify(fault.body ?? { code: 'emulator_fault', message: 'Injected fault', data: { status } }) };
	}
}

// A fault applies to requests whose method and path+query match (`match` substring, `method`,
// none of the `exclude` entries: a substring of the path+query, or "METHOD /path-suffix" for one
// route such as a login); `skip` lets that many matching requests through first and `times`
// (default 1, or 'always') says how many it answers.
function excluded(entry, method, path) {
	const route = /^([A-Z]+) (\/.*)$/.exec(entry);
	if (!route) return path.includes(entry);
	return route[1] === method && path.split('?')[0].endsWith(route[2]);
}

function faultMatches(fault, method, path) {
	if (fault.match && !path.includes(fault.match)) return false;
	if (fault.method && fault.method.toUpperCase() !== method) return false;
	return ![].concat(fault.exclude ?? []).some((entry) => excluded(entry, method, path));
}

function takeMatchingFault(faults, method, path) {
	const index = faults.next.findIndex((fault) => faultMatches(fault, method, path));
	if (index === -1) return undefined;
	const fault = faults.next[index];
	if (fault.skip > 0) {
		fault.skip -= 1;
		return undefined;
	}
	if (fault.times === 'always') return fault;
	fault.times = (fault.times ?? 1) - 1;
	if (fault.times <= 0) faults.next.splice(index, 1);
	return fault;
}

// Returns true when the fault produced the whole response.
async function applyFault(fault, req, res) {
	if (fault.delayMs) await sleep(fault.delayMs);
	if (fault.kind === 'disconnect' || fault.kind === 'reset') {
		req.socket.destroy();
		return true;
	}
	if (!fault.status) return false; // delay-only fault: let the request through
	const { contentType, text } = faultBody(fault);
	const headers = { ...(contentType ? { 'Content-Type': contentType } : {}), ...(fault.headers || {}) };
	createResponder(res).send(fault.status, text, headers);
	return true;
}

function configureFaults(faults, body) {
	if (!body || typeof body !== 'object') return;
	if (body.clear) faults.next.length = 0;
	if (Array.isArray(body.next)) faults.next.push(...body.next);
	if (body.slowMs !== undefined) faults.slowMs = Number(body.slowMs) || 0;
}

// ---- server ------------------------------------------------------------------

// Generic control routes; answers true when the request was one of them.
function handleGenericControl(method, path, ctx, server) {
	const routes = {
		'GET /__emulator/state': () => ({ name: server.name, counters: server.counters, requestCount: server.requests.length, faults: server.faults }),
		'GET /__emulator/requests': () => server.requests,
		'POST /__emulator/reset-log': () => (server.resetLog(), { ok: true }),
		'POST /__emulator/faults': () => (configureFaults(server.faults, ctx.json), { ok: true, faults: server.faults }),
	};
	const route = routes[`${method} ${path}`];
	if (!route) return false;
	ctx.sendJson(200, route());
	return true;
}

async function createEmulatorServer({ name, handler, controlHandler, host = '127.0.0.1', port = 0 }) {
	const server = {
		name,
		requests: [],
		counters: { requests: 0, faults: 0, routes: {} },
		faults: { next: [], slowMs: 0 },
		injectFault: (fault) => server.faults.next.push(fault),
		resetLog() {
			server.requests.length = 0;
			server.counters.requests = 0;
			server.counters.faults = 0;
			server.counters.routes = {};
		},
	};

	async function onRequest(req, res) {
		const url = new URL(req.url, `http://${req.headers.host || host}`);
		const rawBody = await readBody(req);
		const ctx = { url, rawBody, ...parseJsonBody(rawBody), ...createResponder(res) };

		if (url.pathname.startsWith(CONTROL_PREFIX)) {
			if (handleGenericControl(req.method, url.pathname, ctx, server)) return;
			if (controlHandler && (await controlHandler(req, ctx))) return;
			return ctx.sendJson(404, { error: `unknown control route ${req.method} ${url.pathname}` });
		}

		const entry = {
			method: req.method,
			path: url.pathname,
			query: queryToObject(url.searchParams),
			headers: redactHeaders(req.headers),
			hasAuthorization: Boolean(req.headers.authorization),
			body: ctx.json !== undefined ? ctx.json : rawBody.length ? rawBody : undefined,
			time: new Date().toISOString(),
		};
		server.requests.push(entry);
		server.counters.requests += 1;
		ctx.logEntry = entry;
		ctx.setRoute = (label) => (entry.route = label);
		res.on('finish', () => {
			entry.status = res.statusCode;
			const label = entry.route || `${req.method} ${url.pathname}`;
			server.counters.routes[label] = (server.counters.routes[label] || 0) + 1;
		});

		if (server.faults.slowMs) await sleep(server.faults.slowMs);
		const fault = takeMatchingFault(server.faults, req.method, url.pathname + url.search);
		if (fault) {
			entry.fault = fault;
			server.counters.faults += 1;
			if (await applyFault(fault, req, res)) return;
		}
		await handler(req, ctx);
	}

	const httpServer = http.createServer((req, res) => {
		onRequest(req, res).catch((error) => {
			console.error(`[${name}] emulator error:`, error);
			createResponder(res).sendText(error.status || 500, `emulator error: ${error.message}`);
		});
	});
	await new Promise((resolve, reject) => {
		httpServer.once('error', reject);
		httpServer.listen(port, host, resolve);
	});
	server.port = httpServer.address().port;
	server.url = `http://${host}:${server.port}`;
	server.stop = () => new Promise((resolve) => {
		httpServer.close(() => resolve());
		httpServer.closeAllConnections();
	});
	return server;
}

// ---- standalone runner -----------------------------------------------------

// `--port 8080 --seed-contacts 25 --companies-module` → { port: 8080, seedContacts: 25, companiesModule: true }
function parseArgs(argv) {
	const options = {};
	for (let i = 0; i < argv.length; i++) {
		if (!argv[i].startsWith('--')) continue;
		const key = argv[i].slice(2).replace(/-([a-z])/g, (_, c) => c.toUpperCase());
		const next = argv[i + 1];
		const value = next === undefined || next.startsWith('--') ? true : (i++, next);
		options[key] = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
	}
	return options;
}

async function runStandalone(startFn, argv = process.argv.slice(2)) {
	const emulator = await startFn(parseArgs(argv));
	// The control routes live at `url`; a provider with a sub-path also reports its site URL.
	const site = emulator.siteUrl && emulator.siteUrl !== emulator.url ? ` site=${emulator.siteUrl}` : '';
	process.stdout.write(`READY ${emulator.url}${site}\n`);
	const shutdown = () => emulator.stop().then(() => process.exit(0));
	process.once('SIGTERM', shutdown);
	process.once('SIGINT', shutdown);
	return emulator;
}

module.exports = { createEmulatorServer, runStandalone, parseArgs, sleep };
