// The real-n8n part of the benchmark (n8n 2.40.7 on Node 24 from the e2e cache, see test/e2e/).
//
// Sections 1 and 3 need n8n's own HTTP Request node (n8n-nodes-base), which only real n8n has:
//  - logins: the HTTP Request node sends 1,000 items to each token provider using OUR credential
//    (fuseUniversalApi, faveoHelpdeskApi, crmPlatformApi), and using n8n's built-in `metabaseApi`
//    credential against bench/fakes/metabase.js as the anchor — cold token, stored token expired,
//    expiry every 200 accepted calls, single-session server; plus the anchor at 50 items, the size
//    the reference numbers were measured with.
//  - per-item overhead: 1,000 FluentCRM contacts created by our node and by the HTTP Request node,
//    in the same n8n, each timed from inside the workflow, in pairs run back to back.
//
// Reuses the e2e tier's helpers read-only (install, package copy, process control, REST login).
// Everything runs in bench/results/n8n/ (git-ignored), on free loopback ports.

import fs from 'node:fs';
import path from 'node:path';

import { ensureInstalled } from '../../test/e2e/install.mjs';
import { N8n, installPackage } from '../../test/e2e/lib/n8n.mjs';
import { freePorts, http, stopAll, waitFor } from '../../test/e2e/lib/util.mjs';
import { codeNode, webhookWorkflow } from '../../test/e2e/lib/workflow.mjs';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const RUN_DIR = path.join(ROOT, 'bench', 'results', 'n8n');

/** What the HTTP Request node calls on each provider: the same endpoint our node's operation uses. */
const TOKEN_TARGETS = {
	fuse: { label: 'fuseUniversalApi', url: (i) => `${i.apiRoot}/users/me`, ours: true },
	faveo: { label: 'faveoHelpdeskApi', url: (i) => `${i.siteUrl}/api/v1/helpdesk/ticket?ticket_id=1`, ours: true },
	crmplatform: { label: 'crmPlatformApi', url: (i) => `${i.siteUrl}/users/me`, ours: true },
	metabase: { label: 'metabaseApi (n8n built-in, anchor)', url: (i) => `${i.url}/api/user/current`, ours: false },
};
const SERVER_MODES = ['cold', 'expiry', 'singleSession']; // storedExpired reuses the cold instance afterwards

/** CPU time (user + system, ms) the n8n main process has used so far; undefined off Linux. */
function processCpuMs(pid) {
	try {
		const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in USER_HZ (100/s on Linux)
	} catch {
		return undefined;
	}
}

/** n8n with quieter logs and no execution data saved (1,000-item executions would be written to SQLite). */
class BenchN8n extends N8n {
	env() {
		return { ...super.env(), N8N_LOG_LEVEL: 'warn', EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'none', EXECUTIONS_DATA_SAVE_ON_ERROR: 'none', EXECUTIONS_DATA_SAVE_MANUAL_EXECUTIONS: 'false' };
	}
}

const makeItems = codeNode(
	'Make items',
	`const n = Number($json.body.n);
const prefix = String($json.body.prefix || 'item');
const items = Array.from({ length: n }, (_, i) => ({ json: { i, email: prefix + '-' + i + '@bench.example.test' } }));
const t0 = Date.now();
for (const item of items) item.json.t0 = t0;
return items;`,
);

const summary = codeNode(
	'Summary',
	`const all = $input.all();
const failed = all.filter((item) => item.json.error !== undefined);
const first = failed[0]?.json.error;
return [{ json: { items: all.length, failed: failed.length, ms: Date.now() - $('Make items').first().json.t0, firstError: first === undefined ? null : JSON.stringify(first).slice(0, 300) } }];`,
);

const withSettings = (workflow) => ({ ...workflow, settings: { ...workflow.settings, saveDataSuccessExecution: 'none', saveDataErrorExecution: 'none', saveManualExecutions: false } });

function httpGetNode(credential, url) {
	return {
		name: 'HTTP Request',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		parameters: { method: 'GET', url, authentication: 'predefinedCredentialType', nodeCredentialType: credential.type, options: {} },
		credentials: { [credential.type]: { id: credential.id, name: credential.name } },
		onError: 'continueRegularOutput',
	};
}

function httpCreateNode(credential, apiRoot) {
	return {
		name: 'HTTP Request',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		parameters: {
			method: 'POST',
			url: `${apiRoot}/subscribers`,
			authentication: 'predefinedCredentialType',
			nodeCredentialType: credential.type,
			sendBody: true,
			contentType: 'json',
			specifyBody: 'json',
			jsonBody: '={{ JSON.stringify({ email: $json.email, status: "subscribed" }) }}',
			options: {},
		},
		credentials: { [credential.type]: { id: credential.id, name: credential.name } },
		onError: 'continueRegularOutput',
	};
}

function oursCreateNode(credential) {
	return {
		name: 'FluentCRM',
		type: 'n8n-nodes-crm-bridge.fluentCrm',
		typeVersion: 1,
		parameters: { resource: 'contact', operation: 'create', email: '={{ $json.email }}', status: 'subscribed', additionalFields: {} },
		credentials: { [credential.type]: { id: credential.id, name: credential.name } },
		onError: 'continueRegularOutput',
	};
}

/**
 * Runs the real-n8n cases. `host` is the emulator host client; `items` the login run size.
 * Returns { logins: rows, create: { items, pairs }, timings }.
 */
export async function runRealN8n({ host, items = 1000, anchorItems = 50, createItems = 1000, createPairs = 4, say = () => {} }) {
	const timings = {};
	let phase = Date.now();
	const lap = (name) => {
		timings[name] = Date.now() - phase;
		phase = Date.now();
	};
	const info = await ensureInstalled('2.x');
	lap('install check');

	fs.rmSync(RUN_DIR, { recursive: true, force: true });
	fs.mkdirSync(RUN_DIR, { recursive: true });
	const [port, brokerPort] = await freePorts(2);
	const n8n = new BenchN8n(info, { runDir: RUN_DIR, port, brokerPort });
	installPackage(n8n.userFolder);

	// One emulator instance, credential and webhook workflow per case.
	const cases = [];
	const credentials = [];
	const workflows = [];
	let serial = 0;
	const addCase = async (kind, provider, mode, n, node) => {
		serial += 1;
		const instance = await host.rpc('start', { provider, mode });
		const credential = { id: `bench${String(serial).padStart(11, '0')}`, name: `bench ${kind} ${provider} ${mode} ${n}`, type: instance.credential.type, data: instance.credential.data };
		const workflowId = `benchWf${String(serial).padStart(6, '0')}`;
		const webhookPath = `bench-${kind}-${provider}-${mode}-${n}`.toLowerCase();
		credentials.push(credential);
		workflows.push(withSettings(webhookWorkflow({ id: workflowId, name: `bench ${kind} ${provider} ${mode} ${n}`, path: webhookPath, responseData: 'firstEntryJson', nodes: [makeItems, node(credential, instance), summary] })));
		const entry = { kind, provider, mode, n, instance, credential, workflowId, webhookPath };
		cases.push(entry);
		return entry;
	};
	for (const provider of Object.keys(TOKEN_TARGETS)) {
		for (const mode of SERVER_MODES) await addCase('logins', provider, mode, items, (credential, instance) => httpGetNode(credential, TOKEN_TARGETS[provider].url(instance)));
	}
	for (const mode of ['cold', 'singleSession']) await addCase('anchor', 'metabase', mode, anchorItems, (credential, instance) => httpGetNode(credential, TOKEN_TARGETS.metabase.url(instance)));
	const createHttp = await addCase('create', 'fluentcrm', 'http', createItems, (credential, instance) => httpCreateNode(credential, instance.apiRoot));
	const createOurs = await addCase('create', 'fluentcrm', 'ours', createItems, (credential) => oursCreateNode(credential));
	lap('emulators');

	const credentialsFile = path.join(RUN_DIR, 'credentials.json');
	const workflowsFile = path.join(RUN_DIR, 'workflows.json');
	fs.writeFileSync(credentialsFile, JSON.stringify(credentials, null, 2));
	fs.writeFileSync(workflowsFile, JSON.stringify(workflows, null, 2));
	await n8n.importCredentials(credentialsFile);
	await n8n.importWorkflows(workflowsFile);
	lap('import');

	const rows = { logins: [], create: undefined };
	try {
		await n8n.start();
		// /healthz answers before the REST API is up ("n8n is starting up. Please wait"): wait for it.
		await waitFor(
			async () => {
				const response = await http('GET', `${n8n.baseUrl}/rest/settings`, { timeoutMs: 5_000 });
				return response.status === 200 && !/starting up/i.test(response.text);
			},
			{ timeoutMs: 90_000, intervalMs: 300, describe: () => 'the n8n REST API' },
		);
		await n8n.setupOwnerAndLogin();
		for (const { workflowId } of cases) {
			const got = await n8n.rest('GET', `/workflows/${workflowId}`);
			const versionId = got.json?.data?.versionId;
			const activated = await n8n.rest('POST', `/workflows/${workflowId}/activate`, { versionId });
			if (activated.status !== 200) throw new Error(`activating ${workflowId} answered ${activated.status}: ${activated.text.slice(0, 300)}`);
		}
		await n8n.waitForWebhooks(cases.map((c) => c.webhookPath));
		lap('n8n start + activate');
		say(`n8n ${info.n8nVersion} up on ${n8n.baseUrl}; ${cases.length} workflows active`);

		const trigger = async (entry, body) => {
			const response = await n8n.webhook(entry.webhookPath, body);
			if (response.status !== 200 || typeof response.json !== 'object') throw new Error(`${entry.webhookPath} answered ${response.status}: ${response.text.slice(0, 300)}`);
			return response.json;
		};
		const loginRow = async (entry, scenario) => {
			await host.rpc('reset', { id: entry.instance.id });
			const result = await trigger(entry, { n: entry.n });
			const counted = await host.rpc('stats', { id: entry.instance.id });
			const target = TOKEN_TARGETS[entry.provider];
			return {
				client: `HTTP Request node + ${target.label}`,
				provider: entry.provider,
				anchor: !target.ours,
				scenario,
				mode: 'n8n parallel items',
				items: entry.n,
				concurrency: entry.n,
				logins: counted.loginRequests,
				unauthorized: counted.unauthorized,
				accepted: counted.accepted,
				failed: result.failed + Math.max(0, entry.n - result.items),
				firstError: result.firstError,
				ms: result.ms,
			};
		};
		for (const entry of cases.filter((c) => c.kind === 'logins' || c.kind === 'anchor')) {
			const scenario = entry.mode;
			rows.logins.push(await loginRow(entry, scenario));
			if (scenario === 'cold') {
				// The credential now stores the token the cold run got: kill it on the server, run again.
				await host.rpc('call', { id: entry.instance.id, fn: 'kill' });
				rows.logins.push(await loginRow(entry, 'storedExpired'));
			}
		}
		lap('logins');

		// Pairs in A-B, B-A order (each run creates new contacts); each pair gives one ratio.
		const entries = { http: createHttp, ours: createOurs };
		for (const entry of Object.values(entries)) await trigger(entry, { n: 20, prefix: 'warmup' });
		const pairs = [];
		for (let pair = 0; pair < createPairs; pair++) {
			const runs = {};
			for (const key of pair % 2 === 0 ? ['http', 'ours'] : ['ours', 'http']) {
				const entry = entries[key];
				await host.rpc('reset', { id: entry.instance.id });
				const cpuBefore = processCpuMs(n8n.process.pid);
				const result = await trigger(entry, { n: entry.n, prefix: `bench-p${pair}` });
				const cpuMs = cpuBefore === undefined ? undefined : processCpuMs(n8n.process.pid) - cpuBefore;
				const counted = await host.rpc('stats', { id: entry.instance.id });
				runs[key] = { ms: result.ms, cpuMs, failed: result.failed + Math.max(0, entry.n - result.items), requests: counted.apiRequests, firstError: result.firstError };
			}
			pairs.push(runs);
		}
		rows.create = { items: createItems, pairs };
		lap('create');
	} finally {
		await n8n.stop().catch(() => undefined);
		await stopAll();
		for (const entry of cases) await host.rpc('stop', { id: entry.instance.id }).catch(() => undefined);
		lap('stop');
	}
	return { n8nVersion: info.n8nVersion, ...rows, timings };
}
