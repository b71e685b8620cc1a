// One real n8n instance for the e2e tier: its home folder with our package installed like a
// community package, CLI imports, one long-running `n8n start`, webhooks and the REST API.
// Recipe: /work/shared/reference/n8n.md §9.

import fs from 'node:fs';
import path from 'node:path';

import { HOST, ROOT, http, runCommand, seconds, startProcess, waitFor } from './util.mjs';

export const PACKAGE_NAME = 'n8n-nodes-crm-bridge';
const OWNER = { email: 'e2e-owner@example.test', firstName: 'E2E', lastName: 'Owner', password: 'E2e-Owner-Passw0rd' };
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
	constructor(info, { runDir, port, brokerPort }) {
		this.info = info;
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
			N8N_ENCRYPTION_KEY: 'e2e-only-key',
			N8N_PORT: String(this.port),
			N8N_LISTEN_ADDRESS: HOST,
			N8N_HOST: HOST,
			N8N_PROTOCOL: 'http',
			WEBHOOK_URL: `${this.baseUrl}/`,
			N8N_EDITOR_BASE_URL: `${this.baseUrl}/`,
			N8N_RUNNERS_BROKER_PORT: String(this.brokerPort),
			N8N_RUNNERS_BROKER_LISTEN_ADDRESS: HOST,
			N8N_SECURE_COOKIE: 'false',
			N8N_LOG_LEVEL: 'info',
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

	/** Makes imported workflows active before `start` (2.x: publish:workflow per id; 1.x: update:workflow). */
	async publish(ids) {
		if (this.info.line === '1.x') {
			await this.cli(['update:workflow', '--all', '--active=true']);
			return;
		}
		for (const id of ids) await this.cli(['publish:workflow', `--id=${id}`]);
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
		const setup = await this.rest('POST', '/owner/setup', OWNER);
		if (setup.status !== 200) throw new Error(`POST /rest/owner/setup answered ${setup.status}: ${setup.text.slice(0, 300)}`);
		this.cookie = undefined;
		const login = await this.rest('POST', '/login', { emailOrLdapLoginId: OWNER.email, email: OWNER.email, password: OWNER.password });
		if (login.status !== 200 || !this.cookie) throw new Error(`POST /rest/login answered ${login.status}: ${login.text.slice(0, 300)}`);
		return login.json?.data ?? login.json;
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
