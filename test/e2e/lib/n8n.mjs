// One real n8n instance for the e2e tier: its home folder with our package installed like a
// community package, CLI imports, one long-running `n8n start`, webhooks and the REST API.
// Recipe: /work/shared/reference/n8n.md §9.

import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import { HOST, ROOT, http, runCommand, seconds, startProcess, waitFor } from './util.mjs';

export const PACKAGE_NAME = 'n8n-nodes-crm-bridge';
export const OWNER = { email: 'e2e-owner@example.test', firstName: 'E2E', lastName: 'Owner', password: 'E2e-Owner-Passw0rd' };
/** What GET /rest/credentials/:id?includeData=true shows for a password-type field (n8n-workflow constants). */
export const REDACTED_SET = '__n8n_BLANK_VALUE_e5362baf-c777-4d57-a609-6eaf1f9e87f6';
export const REDACTED_EMPTY = '__n8n_EMPTY_VALUE_7b1af746-3729-4c60-9b9b-e08eb29e58da';
const BROWSER_ID = 'e2e-browser-id';

/** Copies package.json + dist/ where n8n loads community packages (copy, never symlink: §9.3). */
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

	async start({ timeoutMs = 90_000 } = {}) {
		const started = Date.now();
		this.process = startProcess(this.info.node, [this.info.n8nMain, 'start'], { env: this.env(), logFile: this.logFile });
		await waitFor(
			async () => {
				if (this.process.exited) throw new Error('exited');
				const response = await http('GET', `${this.baseUrl}/healthz`, { timeoutMs: 2_000 });
				return response.status === 200;
			},
			{ timeoutMs, intervalMs: 300, describe: () => `n8n /healthz on ${this.baseUrl}` },
		).catch((error) => {
			const why = this.process.exited ? `n8n exited (${this.process.exitCode ?? this.process.signal})` : error.message;
			throw new Error(`${why}\n--- last lines of ${this.logFile} ---\n${this.logTail(30)}`);
		});
		return seconds(started);
	}

	/** Polls with GET: a POST webhook that is live answers "not registered for GET requests. Did you mean … POST"; one not (yet) live answers "is not registered". GET never triggers the workflow. */
	async waitForWebhooks(paths, { timeoutMs = 90_000 } = {}) {
		const pending = new Set(paths);
		const started = Date.now();
		await waitFor(
			async () => {
				if (this.process.exited) throw new Error('n8n exited');
				for (const webhookPath of [...pending]) {
					const response = await http('GET', `${this.baseUrl}/webhook/${webhookPath}`, { timeoutMs: 5_000 });
					const message = response.json?.message || response.text;
					if (response.status !== 404 || /Did you mean to make a/.test(message)) pending.delete(webhookPath);
				}
				return pending.size === 0;
			},
			{ timeoutMs, intervalMs: 500, describe: () => `webhooks ${[...pending].join(', ')} to be registered` },
		).catch((error) => {
			throw new Error(`${this.process.exited ? 'n8n exited' : error.message}\n--- n8n log lines about activation ---\n${this.logLines(/activat|webhook|error/i).slice(-20).join('\n')}`);
		});
		return seconds(started);
	}

	async webhook(webhookPath, body = {}) {
		return await http('POST', `${this.baseUrl}/webhook/${webhookPath}`, { body, timeoutMs: 60_000 });
	}

	// ---- REST API (as the editor uses it) ------------------------------------------------------

	async rest(method, route, body) {
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
		// /healthz answers before the REST routes are mounted, and they are not all mounted at the same
		// moment: until a route is there it answers Express' 404 page ("Cannot POST /rest/…").
		const mounted = async (method, route, body) =>
			await waitFor(
				async () => {
					if (this.process?.exited) throw new Error('n8n exited');
					const response = await this.rest(method, route, body);
					return response.status === 404 && /Cannot (GET|POST)/.test(response.text) ? undefined : response;
				},
				{ timeoutMs: 60_000, intervalMs: 250, describe: () => `the REST route ${method} /rest${route} to be mounted` },
			);
		const setup = await mounted('POST', '/owner/setup', this.owner);
		if (setup.status !== 200) throw new Error(`POST /rest/owner/setup answered ${setup.status}: ${setup.text.slice(0, 300)}`);
		this.cookie = undefined;
		const login = await mounted('POST', '/login', { emailOrLdapLoginId: this.owner.email, email: this.owner.email, password: this.owner.password });
		if (login.status !== 200 || !this.cookie) throw new Error(`POST /rest/login answered ${login.status}: ${login.text.slice(0, 300)}`);
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

	async stop() {
		if (this.process) await this.process.stop(20_000);
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
