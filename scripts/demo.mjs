#!/usr/bin/env node
// `npm run demo` (after `npm run build`): the package in a real n8n, against the five provider
// emulators filled with sample data, with the example workflows of examples/ ready to open.
//
//   node scripts/demo.mjs [--once] [--fresh] [--port=5678] [--n8n=1.x]
//
// 1. installs n8n into the cache if it is missing (test/e2e/install.mjs; minutes, once);
// 2. starts the emulators (FluentCRM 300 contacts, CRM Platform 200, Nexudus 250 coworkers,
//    Fuse 200 users, Faveo 300 tickets) and re-creates the CRM Platform contacts the last
//    successful sync left there (.demo/state/, written only after a sync succeeded);
// 3. starts n8n with this package, credentials for every emulator (the examples' placeholder ids)
//    and the four example workflows, on http://127.0.0.1:5678 (owner login printed below);
// 4. runs the headline example once — FluentCRM contacts → CRM Platform contacts (Create or Update
//    by email) — by activating it: the FluentCRM Trigger's first poll reads every contact;
// 5. prints a summary and leaves the editor running until Ctrl-C (`--once`: exits after the run).
//
// Ctrl-C, SIGINT or SIGTERM (to this process or to the `npm run demo` that started it, whose script
// `exec`s this one) stops n8n, its task runner and every emulator; so does npm going away.
//
// `--fresh` forgets what earlier runs wrote to CRM Platform. Logs: .demo/n8n/n8n.log, .demo/emulator-*.log.

import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

import { ensureInstalled, parseLine } from '../test/e2e/install.mjs';
import { startEmulator } from '../test/e2e/lib/emulator.mjs';
import { EXAMPLES, NEXUDUS_SHARED_SECRET, exampleCredentials, exampleWorkflows, prepareExampleData } from '../test/e2e/lib/examples.mjs';
import { N8n, installPackage } from '../test/e2e/lib/n8n.mjs';
import { HOST, ROOT, freePort, http, seconds, stopAll } from '../test/e2e/lib/util.mjs';

const DEMO_DIR = path.join(ROOT, '.demo');
const STATE_FILE = path.join(DEMO_DIR, 'state', 'crmplatform-contacts.json');
export const DEMO_OWNER = { email: 'demo@crm-bridge.test', firstName: 'Demo', lastName: 'Owner', password: 'CrmBridge-Demo-1' };
const IDS = { sync: 'demoFluentToCrm', nexudus: 'demoNexudusCoworker', faveo: 'demoFaveoTicketNote', fuse: 'demoFuseLearningTag' };
/** FluentCRM contacts that already exist in CRM Platform on a first run, so the sync shows updates too. */
const ALREADY_IN_CRM = 25;

const EMULATORS = [
	{ name: 'fluentcrm', script: 'test/emulators/fluentcrm.js', args: ['--seed-contacts', '300'] },
	{ name: 'crmplatform', script: 'test/emulators/crmplatform.js', args: ['--sub-path', '/strapi', '--seed-contacts', '200', '--seed-activities', '60'] },
	{ name: 'nexudus', script: 'test/emulators/nexudus.js', args: ['--rate-limit', 'off', '--shared-secret', NEXUDUS_SHARED_SECRET, '--seed-coworkers', '250'] },
	{ name: 'fuse', script: 'test/emulators/fuse.js', args: ['--seed-users', '200'] },
	{ name: 'faveo', script: 'test/emulators/faveo.js', args: ['--sub-path', '/faveo/public', '--rate-limit', '0', '--seed-tickets', '300', '--seed-customers', '120'] },
];

const say = (message = '') => process.stdout.write(`${message}\n`);
const step = (message) => say(`[demo] ${message}`);

function portIsFree(port) {
	return new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(false));
		server.listen(port, HOST, () => server.close(() => resolve(true)));
	});
}

// ---- CRM Platform contacts kept between demo runs (the emulators hold their data in memory) ----

async function crmToken(crm) {
	return (await crm.control('POST', 'crmplatform/token', { userId: 1 })).jwt;
}

async function crmContacts(crm) {
	return (await crm.control('GET', 'crmplatform/state')).tables.contact;
}

async function crmTables(crm) {
	return (await crm.control('GET', 'crmplatform/state')).tables;
}

/** Creates, through CRM Platform's own API, each saved contact whose email it does not hold yet. */
async function restoreCrmContacts(crm, contacts) {
	const have = new Set((await crmContacts(crm)).map((row) => row.email));
	const missing = contacts.filter((contact) => !have.has(contact.email));
	const jwt = await crmToken(crm);
	for (const contact of missing) {
		const response = await http('POST', `${crm.siteUrl}/crm-plugin/contact`, { body: contact, headers: { Authorization: `Bearer ${jwt}` } });
		if (response.status !== 200) throw new Error(`restoring CRM Platform contact ${contact.email}: HTTP ${response.status} ${response.text.slice(0, 200)}`);
	}
	return missing.length;
}

async function saveCrmContacts(crm, fluentEmails) {
	const tables = await crmTables(crm);
	const person = (id) => tables.individual.find((row) => row.id === id) ?? {};
	const keep = tables.contact
		.filter((row) => fluentEmails.has(row.email))
		.map((row) => ({ name: row.name, contact_type: row.contact_type || 'individual', email: row.email, first_name: person(row.individual).first_name ?? '', last_name: person(row.individual).last_name ?? '', phone: row.phone ?? '' }));
	fs.mkdirSync(path.dirname(STATE_FILE), { recursive: true });
	fs.writeFileSync(STATE_FILE, `${JSON.stringify(keep, null, 1)}\n`);
	return keep.length;
}

// ---- stopping ---------------------------------------------------------------------------------------

/**
 * Calls `stop` once on Ctrl-C, SIGINT, SIGTERM or SIGHUP, and when the process that started the
 * demo (npm) goes away: n8n and the emulators run in their own process groups, so nothing else
 * would end them. Ctrl-C reaches this process twice (from the terminal and forwarded by npm), so
 * the handlers stay installed: a second signal must not end the process halfway through stopping.
 */
function stopOnSignalsAndOrphaning(stop) {
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, stop);
	const parent = process.ppid;
	setInterval(() => {
		if (process.ppid !== parent) stop();
	}, 1_000).unref();
}

// ---- the run --------------------------------------------------------------------------------------

function summarise(execution, { read, logins, fluentRequests, crmRequests, durationS }) {
	const runData = execution.data?.resultData?.runData ?? {};
	const outputs = runData[EXAMPLES.sync.action]?.[0]?.data?.main ?? [];
	const done = (outputs[0] ?? []).map((item) => item.json);
	const failed = (outputs[1] ?? []).length + done.filter((item) => item.error !== undefined).length;
	const created = done.filter((item) => item.action_type === 'created').length;
	const updated = done.filter((item) => item.action_type === 'updated').length;
	return { read, created, updated, failed, logins, fluentRequests, crmRequests, durationS, status: execution.status, firstError: (outputs[1] ?? [])[0]?.json?.error };
}

async function runHeadline(n8n, emulators, fluentEmails) {
	const crm = emulators.crmplatform;
	const fluent = emulators.fluentcrm;
	const loginsBefore = (await crm.control('GET', 'crmplatform/counters')).logins;
	const crmSeen = await crm.mark();
	const fluentSeen = await fluent.mark();
	const started = Date.now();
	await n8n.activate(IDS.sync);
	const [summary] = await n8n.waitForExecutions(IDS.sync, 1, { timeoutMs: 300_000 });
	const execution = await n8n.execution(summary.id);
	const read = (execution.data?.resultData?.runData?.[EXAMPLES.sync.trigger]?.[0]?.data?.main?.[0] ?? []).length;
	const logins = (await crm.control('GET', 'crmplatform/counters')).logins - loginsBefore;
	const result = summarise(execution, {
		read,
		logins,
		fluentRequests: (await fluentSeen()).length,
		crmRequests: (await crmSeen()).filter((r) => !r.path.endsWith('/auth/local')).length,
		durationS: seconds(started),
	});
	const rows = (await crmContacts(crm)).filter((row) => fluentEmails.has(row.email));
	const perEmail = new Map();
	for (const row of rows) perEmail.set(row.email, (perEmail.get(row.email) ?? 0) + 1);
	const duplicates = [...perEmail.values()].filter((n) => n > 1).length;
	return { ...result, executionId: summary.id, synced: perEmail.size, duplicates };
}

async function main() {
	const argv = process.argv.slice(2);
	const once = argv.includes('--once');
	const fresh = argv.includes('--fresh');
	const port = Number(argv.find((a) => a.startsWith('--port='))?.slice('--port='.length) ?? 5678);
	const line = parseLine(argv);
	const started = Date.now();
	const emulators = {};
	let n8n;
	let fluentEmails = new Set();

	let syncSucceeded = false;
	let stopping = false;
	const shutdown = async (code) => {
		if (stopping) return;
		stopping = true;
		// After --once the sync's result is saved already; a running demo may have synced more since.
		if (syncSucceeded && !once) {
			const saved = await saveCrmContacts(emulators.crmplatform, fluentEmails).catch(() => undefined);
			if (saved !== undefined) step(`kept ${saved} CRM Platform contacts for the next run (${path.relative(ROOT, STATE_FILE)})`);
		}
		if (n8n) await n8n.stop().catch(() => undefined);
		await Promise.all(Object.values(emulators).map((e) => e.stop().catch(() => undefined)));
		await stopAll();
		step('n8n and the emulators are stopped');
		process.exit(code);
	};
	stopOnSignalsAndOrphaning(() => {
		say();
		step('stopping n8n and the emulators …');
		void shutdown(0);
	});

	try {
		if (!(await portIsFree(port))) throw new Error(`port ${port} on ${HOST} is busy (another n8n?). Stop it, or run: npm run demo -- --port=5679`);
		step(`n8n ${line === '1.x' ? '1.x' : '2.x'}: checking the cached install (the first run installs it, which takes a few minutes) …`);
		const info = await ensureInstalled(line);
		step(`n8n ${info.n8nVersion} ready`);

		if (fresh) fs.rmSync(DEMO_DIR, { recursive: true, force: true });
		const runDir = path.join(DEMO_DIR, 'n8n');
		fs.rmSync(runDir, { recursive: true, force: true });
		fs.mkdirSync(runDir, { recursive: true });

		for (const spec of EMULATORS) {
			emulators[spec.name] = await startEmulator({ ...spec, logFile: path.join(DEMO_DIR, `emulator-${spec.name}.log`) });
		}
		step(`emulators up: ${EMULATORS.map((s) => `${s.name} ${emulators[s.name].siteUrl}`).join(', ')}`);
		const fluentContacts = (await emulators.fluentcrm.control('GET', 'fluentcrm/data')).state.contacts;
		fluentEmails = new Set(fluentContacts.map((c) => c.email));

		const saved = fs.existsSync(STATE_FILE) ? JSON.parse(fs.readFileSync(STATE_FILE, 'utf8')) : undefined;
		const toRestore = saved ?? fluentContacts.slice(0, ALREADY_IN_CRM).map((c) => ({ name: `${c.first_name} ${c.last_name}`, contact_type: 'individual', email: c.email, first_name: c.first_name, last_name: c.last_name }));
		const restored = await restoreCrmContacts(emulators.crmplatform, toRestore);
		step(
			saved
				? `CRM Platform: re-created ${restored} of the ${saved.length} contacts the last successful sync left there (${path.relative(ROOT, STATE_FILE)}; --fresh forgets them)`
				: `CRM Platform: ${restored} of the FluentCRM contacts already exist there (no successful sync recorded yet)`,
		);

		const instance = await prepareExampleData({ fluentcrm: emulators.fluentcrm, nexudus: emulators.nexudus });
		const brokerPort = await freePort();
		n8n = new N8n(info, { runDir, port, brokerPort, owner: DEMO_OWNER, encryptionKey: 'crm-bridge-demo-key' });
		installPackage(n8n.userFolder);
		const urls = Object.fromEntries(Object.entries(emulators).map(([name, e]) => [name, { url: e.url, siteUrl: e.siteUrl }]));
		const credentials = exampleCredentials(urls);
		const workflows = Object.values(exampleWorkflows({ ids: IDS, instance }));
		fs.writeFileSync(path.join(runDir, 'credentials.json'), `${JSON.stringify(credentials, null, 2)}\n`);
		fs.writeFileSync(path.join(runDir, 'workflows.json'), `${JSON.stringify(workflows, null, 2)}\n`);
		let phase = Date.now();
		await n8n.importCredentials(path.join(runDir, 'credentials.json'));
		await n8n.importWorkflows(path.join(runDir, 'workflows.json'));
		step(`imported ${credentials.length} credentials and the ${workflows.length} example workflows (${seconds(phase)} s)`);
		phase = Date.now();
		await n8n.start();
		await n8n.setupOwnerAndLogin();
		step(`n8n started on ${n8n.baseUrl} (${seconds(phase)} s)`);

		step('running the headline example: FluentCRM contacts → CRM Platform contacts (Create or Update by email) …');
		const r = await runHeadline(n8n, emulators, fluentEmails);
		syncSucceeded = r.failed === 0 && r.duplicates === 0 && r.status === 'success';
		say();
		say('  FluentCRM → CRM Platform contact sync');
		say(`    records read      ${r.read} FluentCRM contacts (${r.fluentRequests} FluentCRM request(s))`);
		say(`    created           ${r.created} CRM Platform contacts`);
		say(`    updated           ${r.updated} CRM Platform contacts (matched by email: no duplicates)`);
		say(`    failed            ${r.failed}${r.firstError ? ` — first error: ${r.firstError}` : ''}`);
		say(`    logins made       ${r.logins} to CRM Platform (its JWT is now stored, encrypted, in n8n); FluentCRM uses an application password (no login)`);
		say(`    in CRM Platform   ${r.synced} of the ${fluentEmails.size} FluentCRM emails, ${r.duplicates} of them more than once`);
		say(`    execution         #${r.executionId} ${r.status}, ${r.crmRequests} CRM Platform requests, ${r.durationS} s from activation`);
		say();
		if (syncSucceeded) {
			const kept = await saveCrmContacts(emulators.crmplatform, fluentEmails);
			step(`${kept} synced contacts saved to ${path.relative(ROOT, STATE_FILE)}: run the demo again and they are updated, not created again`);
		} else {
			step(`the sync did not succeed: nothing saved for the next run (n8n log: ${path.relative(ROOT, n8n.logFile)})`);
		}

		if (once) {
			await n8n.deactivate(IDS.sync).catch(() => undefined);
			step(`done in ${seconds(started)} s (--once)`);
			return await shutdown(syncSucceeded ? 0 : 1);
		}
		say();
		say(`  n8n editor      ${n8n.baseUrl}`);
		say(`  owner login     ${DEMO_OWNER.email} / ${DEMO_OWNER.password}`);
		say('  workflows       the four examples of examples/ (the sync is active and polls FluentCRM every 5 minutes; activate the others to try them)');
		say('  credentials     FluentCRM account, CRM Platform account, Nexudus account, Fuse Universal account, Faveo Helpdesk account (pointing at the emulators)');
		say(`  emulators       ${Object.entries(emulators).map(([name, e]) => `${name} ${e.siteUrl}`).join('\n                  ')}`);
		say(`  logs            ${path.relative(ROOT, n8n.logFile)}, ${path.relative(ROOT, DEMO_DIR)}/emulator-*.log`);
		say();
		step(`ready in ${seconds(started)} s. Press Ctrl-C to stop n8n and the emulators.`);
		await n8n.process.done;
		if (stopping) return;
		step(`n8n exited by itself (${n8n.process.exitCode ?? n8n.process.signal}); see ${path.relative(ROOT, n8n.logFile)}`);
		await shutdown(1);
	} catch (error) {
		say(`[demo] failed: ${error.message}`);
		if (n8n) say(`[demo] n8n log: ${path.relative(ROOT, n8n.logFile)}`);
		await shutdown(1);
	}
}

main();
