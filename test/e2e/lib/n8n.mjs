// One real n8n instance for the e2e tier, the demo and the benchmark: its home folder with our
// package installed like a community package, CLI imports, one long-running `n8n start`, webhooks
// and the REST API.

import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import { HOST, ROOT, http, runCommand, seconds, sleep, startProcess, waitFor } from './util.mjs';

export const PACKAGE_NAME = 'n8n-nodes-crm-bridge';
export const OWNER = { email: 'e2e-owner@example.test', firstName: 'E2E', lastName: 'Owner', password: 'E2e-Owner-Passw0rd' };
/** What GET /rest/credentials/:id?includeData=true shows for a password-type field (n8n-workflow constants). */
export const REDACTED_SET = '__n8n_BLANK_VALUE_e5362baf-c777-4d57-a609-6eaf1f9e87f6';
export const REDACTED_EMPTY = '__n8n_EMPTY_VALUE_7b1af746-3729-4c60-9b9b-e08eb29e58da';
const BROWSER_ID = 'e2e-browser-id';
/** How long one start of n8n may take until it is ready and its webhooks are registered. */
export const START_TIMEOUT_S = Number(process.env.CRM_BRIDGE_N8N_START_TIMEOUT_S) || 180;
/** After the start deadline a REST call still rides out a short "database not ready" spell. */
const NOT_SERVED_GRACE_MS = 30_000;
const POLL_MS = 300;

/**
 * Why n8n did not serve a request, or undefined when it did. Until its database is migrated n8n
 * answers every request with HTTP 200 "n8n is starting up. Please wait"; while its database ping
 * fails (a busy machine) it answers 503 "Database is not ready!"; a REST route that is not mounted
 * yet gets Express' 404 "Cannot POST /rest/…" (n8n 1.x reports ready before it mounts them).
 */
export function notServed(response) {
	if (/n8n is starting up/i.test(response.text)) return describeAnswer(response);
	if (response.status === 503) return describeAnswer(response);
	if (response.status === 404 && /Cannot [A-Z]+ \//.test(response.text)) return describeAnswer(response);
	return undefined;
}

function describeAnswer(response) {
	const text = response.text.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
	return `HTTP ${response.status} ${JSON.stringify(text.slice(0, 160))}`;
}

function describeFailure(error) {
	if (error.name === 'TimeoutError') return 'no answer within 5 s';
	return error.cause?.code || error.message;
}

/** Copies package.json + dist/ where n8n loads community packages (a copy: a symlinked repo would resolve its own second n8n-workflow). */
export function installPackage(userFolder) {
	const dist = path.join(ROOT, 'dist');
	for (const file of readPackageJson().n8n.nodes.concat(readPackageJson().n8n.credentials)) {
		if (!fs.existsSync(path.join(ROOT, file))) throw new Error(`${file} is missing: run \`npm run build\` first`);
	}
	const target = path.join(userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE_NAME);
	fs.rmSync(target, { recursive: true, force: true });
	fs.mkdirSync(target, { recursive: true });
	fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(target, 'package.json'));
	fs.cpSync(dist, path.join(target, 'dist'), { recursive: true });
	return target;
}

export function readPackageJson() {
	return JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
}

export class N8n {
	/** info: from install.mjs describe(); runDir: the fresh .e2e folder. */
	constructor(info, { runDir, port, brokerPort, owner = OWNER, encryptionKey = 'e2e-only-key', logLevel = 'info' }) {
		this.info = info;
		this.owner = owner;
		this.encryptionKey = encryptionKey;
		this.logLevel = logLevel;
		this.runDir = runDir;
		this.port = port;
		this.brokerPort = brokerPort;
		this.userFolder = path.join(runDir, 'home');
		this.logFile = path.join(runDir, 'n8n.log');
		this.cliLog = path.join(runDir, 'n8n-cli.log');
		this.baseUrl = `http://${HOST}:${port}`;
		this.cookie = undefined;
		this.process = undefined;
		this.ready = false;
	}

	env() {
		const env = {};
		// Nothing of an outer `npm run` (npm_*) or of a caller's N8N_* settings leaks in.
		for (const [key, value] of Object.entries(process.env)) if (!/^(npm_|N8N_|DB_)/i.test(key)) env[key] = value;
		return {
			...env,
			PATH: `${this.info.nodeBinDir}${path.delimiter}${process.env.PATH}`,
			NO_PROXY: `${HOST},localhost`,
			no_proxy: `${HOST},localhost`,
			N8N_USER_FOLDER: this.userFolder,
			N8N_ENCRYPTION_KEY: this.encryptionKey,
			N8N_PORT: String(this.port),
			N8N_LISTEN_ADDRESS: HOST,
			N8N_HOST: HOST,
			N8N_PROTOCOL: 'http',
			WEBHOOK_URL: `${this.baseUrl}/`,
			N8N_EDITOR_BASE_URL: `${this.baseUrl}/`,
			N8N_RUNNERS_BROKER_PORT: String(this.brokerPort),
			N8N_RUNNERS_BROKER_LISTEN_ADDRESS: HOST,
			N8N_SECURE_COOKIE: 'false',
			N8N_LOG_LEVEL: process.env.E2E_N8N_LOG_LEVEL || this.logLevel,
			N8N_LOG_OUTPUT: 'console',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_HIRING_BANNER_ENABLED: 'false',
			N8N_DYNAMIC_BANNERS_ENABLED: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
			// n8n 2.x pings its database every 2 s and answers every request with 503 after a ping
			// took over 5 s, which a busy machine easily causes; a slow ping is no outage here.
			DB_PING_TIMEOUT_MS: '30000',
			...this.info.env,
		};
	}

	async cli(args, timeoutMs = 120_000) {
		return await runCommand(this.info.node, [this.info.n8nMain, ...args], { env: this.env(), logFile: this.cliLog, timeoutMs });
	}

	async importCredentials(file) {
		await this.cli(['import:credentials', `--input=${file}`]);
	}

	async importWorkflows(file) {
		await this.cli(['import:workflow', `--input=${file}`]);
	}

	/**
	 * Decrypted credentials as n8n stored them (`export:credentials --all --decrypted`), keyed by id.
	 * Run it while n8n is stopped: it is a second process on the same SQLite database.
	 */
	async exportCredentials() {
		const file = path.join(this.runDir, 'credentials-export.json');
		fs.rmSync(file, { force: true });
		await this.cli(['export:credentials', '--all', '--decrypted', `--output=${file}`]);
		const list = JSON.parse(fs.readFileSync(file, 'utf8'));
		return Object.fromEntries(list.map((credential) => [credential.id, credential]));
	}

	/**
	 * Starts `n8n start` and waits until it reports ready on GET /healthz/readiness and serves its
	 * REST API. This opens the one deadline of this start (CRM_BRIDGE_N8N_START_TIMEOUT_S): the REST
	 * calls and the webhook registration that follow wait for n8n within it too. Returns the seconds
	 * until ready.
	 */
	async start() {
		this.startedAt = Date.now();
		this.startDeadline = this.startedAt + START_TIMEOUT_S * 1000;
		this.process = startProcess(this.info.node, [this.info.n8nMain, 'start'], { env: this.env(), logFile: this.logFile });
		try {
			await this.waitForAnswer('GET /healthz/readiness to answer 200', '/healthz/readiness');
			// n8n 1.x reports ready before it mounts the REST routes (2.x after): wait for them too.
			await this.waitForAnswer('the REST API to be mounted (GET /rest/settings)', '/rest/settings');
		} catch (error) {
			throw new Error(`${error.message}\n--- last lines of ${this.logFile} ---\n${this.logTail(30)}`);
		}
		this.ready = true;
		return seconds(this.startedAt);
	}

	/** Waits within the start deadline until GET `route` is served with HTTP 200. */
	async waitForAnswer(what, route) {
		await this.waitUntil(what, this.startDeadline, async () => {
			const response = await http('GET', `${this.baseUrl}${route}`, { timeoutMs: 5_000 }).catch((error) => ({ error }));
			if (response.error) return { seen: describeFailure(response.error) };
			return response.status === 200 && !notServed(response) ? { value: true } : { seen: describeAnswer(response) };
		});
	}

	/**
	 * Polls `probe` until it returns `{ value }` (then resolves to the value); otherwise it returns
	 * `{ seen }`, what n8n answered this time. Fails when n8n exits or at `deadline`, naming what it
	 * waited for and the last answer.
	 */
	async waitUntil(what, deadline, probe) {
		let seen = 'no answer yet';
		for (;;) {
			if (this.process?.exited) throw new Error(`n8n exited (${this.process.exitCode ?? this.process.signal}) while we waited for ${what}; last answer: ${seen}`);
			const outcome = await probe();
			if ('value' in outcome) return outcome.value;
			seen = outcome.seen;
			if (Date.now() >= deadline) {
				throw new Error(
					`n8n on ${this.baseUrl}: gave up waiting for ${what} ${seconds(this.startedAt)} s after its start ` +
						`(deadline ${START_TIMEOUT_S} s, CRM_BRIDGE_N8N_START_TIMEOUT_S); last answer: ${seen}`,
				);
			}
			await sleep(POLL_MS);
		}
	}

	/** The start deadline, or a later one when the caller allows `graceMs` from now. */
	deadlineWith(graceMs = 0) {
		return Math.max(this.startDeadline ?? 0, Date.now() + graceMs);
	}

	/**
	 * Polls with GET: a POST webhook that is live answers "not registered for GET requests. Did you
	 * mean … POST"; one not (yet) live answers "is not registered". GET never triggers the workflow.
	 * n8n registers webhooks after it reports ready, so this waits within the start deadline
	 * (or `timeoutMs` from now, whichever is later).
	 */
	async waitForWebhooks(paths, { timeoutMs } = {}) {
		const pending = new Set(paths);
		const started = Date.now();
		await this.waitUntil('webhooks to be registered', this.deadlineWith(timeoutMs), async () => {
			let seen;
			for (const webhookPath of [...pending]) {
				const response = await http('GET', `${this.baseUrl}/webhook/${webhookPath}`, { timeoutMs: 5_000 }).catch((error) => ({ error }));
				if (response.error) seen = `${webhookPath}: ${describeFailure(response.error)}`;
				else if (notServed(response) || (response.status === 404 && !/Did you mean to make a/.test(response.json?.message || response.text))) seen = `${webhookPath}: ${describeAnswer(response)}`;
				else pending.delete(webhookPath);
			}
			return pending.size === 0 ? { value: true } : { seen: `${pending.size} not registered (${[...pending].join(', ')}); ${seen}` };
		}).catch((error) => {
			throw new Error(`${error.message}\n--- n8n log lines about activation ---\n${this.logLines(/activat|webhook|error/i).slice(-20).join('\n')}`);
		});
		return seconds(started);
	}

	async webhook(webhookPath, body = {}) {
		return await http('POST', `${this.baseUrl}/webhook/${webhookPath}`, { body, timeoutMs: 60_000 });
	}

	// ---- REST API (as the editor uses it) ------------------------------------------------------

	/**
	 * One REST call as the editor makes it. Answers n8n gives without serving the request (see
	 * notServed) are retried within the start deadline, or for NOT_SERVED_GRACE_MS after it.
	 */
	async rest(method, route, body) {
		return await this.waitUntil(`n8n to serve ${method} /rest${route}`, this.deadlineWith(NOT_SERVED_GRACE_MS), async () => {
			const response = await this.restOnce(method, route, body);
			const why = notServed(response);
			return why ? { seen: why } : { value: response };
		});
	}

	async restOnce(method, route, body) {
		const headers = { 'browser-id': BROWSER_ID };
		if (this.cookie) headers.cookie = this.cookie;
		const response = await http(method, `${this.baseUrl}/rest${route}`, { body, headers });
		const setCookie = response.headers.getSetCookie?.() || [];
		for (const cookie of setCookie) {
			const match = /^(n8n-auth=[^;]*)/.exec(cookie);
			if (match) this.cookie = match[1];
		}
		return response;
	}

	/** Sets up the owner account (the instance's first user) and logs in with it. */
	async setupOwnerAndLogin() {
		const setup = await this.rest('POST', '/owner/setup', this.owner);
		if (setup.status !== 200 || !setup.json) throw new Error(`POST /rest/owner/setup answered ${describeAnswer(setup)}`);
		this.cookie = undefined;
		const login = await this.rest('POST', '/login', { emailOrLdapLoginId: this.owner.email, email: this.owner.email, password: this.owner.password });
		if (login.status !== 200 || !this.cookie) throw new Error(`POST /rest/login answered ${describeAnswer(login)}`);
		return login.json?.data ?? login.json;
	}

	/** REST call that must succeed; returns the `data` of n8n's envelope. */
	async restData(method, route, body) {
		const response = await this.rest(method, route, body);
		if (response.status < 200 || response.status >= 300) throw new Error(`${method} /rest${route} answered ${response.status}: ${response.text.slice(0, 400)}`);
		return response.json?.data ?? response.json;
	}

	/**
	 * Activates (publishes) a saved workflow through the REST API, as the editor's toggle does.
	 * 2.x: POST /rest/workflows/:id/activate with `{versionId}` of the saved version (the DTO requires it);
	 * 1.x: PATCH /rest/workflows/:id with `{active: true, versionId}`.
	 */
	async activate(id) {
		if (this.info.line === '1.x') {
			const current = await this.restData('GET', `/workflows/${id}`);
			return await this.restData('PATCH', `/workflows/${id}`, { active: true, versionId: current.versionId });
		}
		const current = await this.restData('GET', `/workflows/${id}`);
		return await this.restData('POST', `/workflows/${id}/activate`, { versionId: current.versionId });
	}

	async deactivate(id) {
		if (this.info.line === '1.x') {
			const current = await this.restData('GET', `/workflows/${id}`);
			return await this.restData('PATCH', `/workflows/${id}`, { active: false, versionId: current.versionId });
		}
		return await this.restData('POST', `/workflows/${id}/deactivate`, {});
	}

	/** Execution summaries of a workflow, newest first (GET /rest/executions, as the executions list). */
	async executions(workflowId) {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const data = await this.restData('GET', `/executions?filter=${filter}&limit=100`);
		return data.results ?? data;
	}

	/** Waits until the workflow has `count` finished executions; returns them, oldest first. */
	async waitForExecutions(workflowId, count, { timeoutMs = 30_000 } = {}) {
		const list = await waitFor(
			async () => {
				const all = await this.executions(workflowId);
				const done = all.filter((e) => !['running', 'new', 'waiting'].includes(e.status));
				return done.length >= count && done.length === all.length ? all : undefined;
			},
			{ timeoutMs, intervalMs: 300, describe: () => `${count} finished execution(s) of workflow ${workflowId}` },
		);
		return list.sort((a, b) => Number(a.id) - Number(b.id));
	}

	/** One execution with its run data decoded: `runData[nodeName][run].data.main[output]` = items. */
	async execution(id) {
		const data = await this.restData('GET', `/executions/${id}`);
		const flatted = createRequire(path.join(this.info.n8nDir, 'node_modules', 'n8n', 'package.json'))('flatted');
		const decoded = typeof data.data === 'string' ? flatted.parse(data.data) : data.data;
		return { ...data, data: decoded };
	}

	/** Items a node produced in an execution: { [output]: json[] } for its first run. */
	static nodeOutput(execution, nodeName) {
		const run = execution.data?.resultData?.runData?.[nodeName]?.[0];
		if (!run) return undefined;
		return (run.data?.main ?? []).map((items) => (items ?? []).map((item) => item.json));
	}

	/** The saved credential as the editor sees it (password-type fields redacted to REDACTED_SET / REDACTED_EMPTY). */
	async storedCredential(id) {
		return (await this.restData('GET', `/credentials/${id}?includeData=true`)).data;
	}

	/** A type file the editor loads after login: nodes.json, credentials.json (GET /types/…, needs a session). */
	async typesFile(name) {
		const headers = { 'browser-id': BROWSER_ID, cookie: this.cookie };
		const response = await http('GET', `${this.baseUrl}/types/${name}`, { headers });
		if (response.status !== 200 || !Array.isArray(response.json)) throw new Error(`GET /types/${name} answered ${response.status}: ${response.text.slice(0, 200)}`);
		return response.json;
	}

	async nodeTypes() {
		return await this.typesFile('nodes.json');
	}

	/**
	 * Stops n8n with SIGTERM once it is ready. Before that its shutdown fails ("There was an error
	 * shutting down n8n", a stack trace) or waits for its migrations, so it is killed instead: the
	 * run's data folder is made anew on every run.
	 */
	async stop() {
		if (!this.process) return;
		if (this.ready) await this.process.stop(20_000);
		else await this.process.kill();
	}

	logText() {
		return fs.existsSync(this.logFile) ? fs.readFileSync(this.logFile, 'utf8') : '';
	}

	logLines(pattern) {
		return this.logText().split('\n').filter((line) => pattern.test(line));
	}

	logTail(count) {
		return this.logText().trim().split('\n').slice(-count).join('\n');
	}
}
