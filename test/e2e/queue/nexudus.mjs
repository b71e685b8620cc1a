// Nexudus in queue mode: writes from 2 workers × 10 concurrent executions against the emulator's
// rate limit (1 request / 100 ms, 120 / min, 60 writes / min, 409 + Retry-After beyond), and the
// Nexudus Trigger: signed deliveries start one execution each, unsigned or tampered ones none.

import assert from 'node:assert/strict';

import { NEXUDUS_SHARED_SECRET } from '../lib/examples.mjs';
import { N8n } from '../lib/n8n.mjs';
import { stableUuid, waitFor } from '../lib/util.mjs';
import { credentialRef } from '../lib/workflow.mjs';
import { WORKER_CONCURRENCY } from './cluster.mjs';
import { burstWorkflow, runBurst } from './burst.mjs';

const ADMIN = { email: 'admin@nexudus.test', password: 'Nexudus-Admin-Pass-2025' };
const LIMITS = { minIntervalMs: 100, perMinute: 120, writesPerMinute: 60 };
/** 6 coworkers per execution: 120 creates (a POST and a read-back GET each), twice the writes one minute allows. */
const ITEMS = 6;
const writes = { id: 'qNexudusWrites', path: 'queue-nexudus-writes', credential: { id: 'qnexuduswrites000', name: 'Nexudus (rate limited)', type: 'nexudusApi' } };
const hooks = { id: 'qNexudusHooks', credential: { id: 'qnexudushooks0000', name: 'Nexudus (webhooks)', type: 'nexudusApi' } };
const TRIGGER = 'Nexudus Trigger';
const DELIVERIES = { signed: 8, tampered: 2, unsigned: 2 };

export const nexudusEmulators = () => [
	{ name: 'nexudus-writes', script: 'test/emulators/nexudus.js', args: ['--rate-limit', 'on', '--seed-coworkers', '5'] },
	{ name: 'nexudus-hooks', script: 'test/emulators/nexudus.js', args: ['--rate-limit', 'off', '--shared-secret', NEXUDUS_SHARED_SECRET, '--seed-coworkers', '20'] },
];

export const nexudusCredentials = (emulators) => [
	{ ...writes.credential, data: { ...ADMIN, baseUrl: `${emulators['nexudus-writes'].url}/api` } },
	{ ...hooks.credential, data: { ...ADMIN, baseUrl: `${emulators['nexudus-hooks'].url}/api` } },
];

export function nexudusWorkflows(prepared) {
	const create = {
		type: 'n8n-nodes-crm-bridge.nexudus',
		typeVersion: 1,
		parameters: {
			resource: 'coworker',
			operation: 'create',
			FullName: "={{ 'Queue Writer ' + $('Webhook').first().json.body.n + '-' + $json.i }}",
			Email: "={{ 'queue.writer.' + $('Webhook').first().json.body.n + '.' + $json.i + '@example.test' }}",
			CountryId: 1,
			SimpleTimeZoneId: 1,
			additionalFields: {},
		},
		credentials: credentialRef(writes.credential),
	};
	const trigger = {
		id: hooks.id,
		name: 'queue Nexudus Trigger',
		active: false,
		nodes: [
			{
				id: stableUuid(`${hooks.id}/trigger`),
				name: TRIGGER,
				type: 'n8n-nodes-crm-bridge.nexudusTrigger',
				typeVersion: 1,
				position: [0, 0],
				webhookId: stableUuid(`${hooks.id}/webhookId`),
				parameters: { businessId: prepared.nexudusBusinessId, events: [3], sharedSecret: NEXUDUS_SHARED_SECRET },
				credentials: credentialRef(hooks.credential),
			},
		],
		connections: {},
		settings: { executionOrder: 'v1', saveDataSuccessExecution: 'all', saveDataErrorExecution: 'all' },
		pinData: {},
		meta: { e2e: true, activate: false },
	};
	return [burstWorkflow({ id: writes.id, name: 'queue Nexudus writes', path: writes.path, node: create, itemOk: 'Number(item.json.Id) > 0' }), trigger];
}

export async function prepareNexudus(emulators) {
	const { state } = await emulators['nexudus-hooks'].control('GET', 'nexudus/state');
	return { nexudusBusinessId: state.businesses[0].Id };
}

/** The shortest time the limits allow between the first and the last of `requests` requests (`writes` of them writes). */
export function minimumSeconds(requests, writesCount) {
	const window = (count, limit) => (Math.ceil(count / limit) - 1) * 60;
	return Math.max(((requests - 1) * LIMITS.minIntervalMs) / 1000, window(requests, LIMITS.perMinute), window(writesCount, LIMITS.writesPerMinute));
}

export function nexudusWritesCheck() {
	return {
		name: `Nexudus rate limit on (120/min, 60 writes/min): 2 workers × ${WORKER_CONCURRENCY} concurrent executions of ${ITEMS} coworker creates: 0 failed items`,
		timeoutMs: 900_000,
		async run(t) {
			const emulator = t.emulators['nexudus-writes'];
			const executions = t.cluster.workers.size * WORKER_CONCURRENCY;
			await emulator.control('POST', 'nexudus/counters/reset');
			const seen = await emulator.mark();
			// Every execution advances one item at a time under one shared limit, so all of them finish near the end.
			const burst = await runBurst({ cluster: t.cluster, workflowId: writes.id, path: writes.path, executions, items: ITEMS, stallMs: 600_000 });
			const counters = await emulator.control('GET', 'nexudus/counters');
			const api = (await seen()).filter((request) => request.path.startsWith('/api/'));
			const accepted = api.filter((request) => request.status !== 409);
			const acceptedWrites = accepted.filter((request) => request.method !== 'GET').length;
			const times = accepted.map((request) => Date.parse(request.time));
			const serverSpan = accepted.length ? (Math.max(...times) - Math.min(...times)) / 1000 : 0;
			const minimum = minimumSeconds(accepted.length, acceptedWrites);
			const figures = {
				executions: burst.executions,
				items: executions * ITEMS,
				failedItems: burst.failedItems,
				workers: burst.workers,
				requests: api.length,
				accepted: accepted.length,
				acceptedWrites,
				served409: counters.throttled,
				served409ByRule: counters.throttledByRule,
				created: counters.created,
				wallSeconds: burst.wallSeconds,
				serverSpanSeconds: Number(serverSpan.toFixed(1)),
				minimumSeconds: Number(minimum.toFixed(1)),
				spanOverMinimum: Number((serverSpan / minimum).toFixed(2)),
			};
			t.record(figures);
			const rules = Object.entries(counters.throttledByRule).map(([rule, count]) => `${rule} ${count}`).join(', ');
			const summary = `${figures.items} items in ${burst.executions} executions (${Object.entries(burst.workers).map(([name, count]) => `${name} ${count}`).join(', ')}): ${burst.failedItems} failed; ${accepted.length} requests accepted (${acceptedWrites} writes), ${counters.throttled} answered 409${rules ? ` (${rules})` : ''}; first to last accepted request ${figures.serverSpanSeconds} s against the limits' minimum ${figures.minimumSeconds} s (${figures.spanOverMinimum}×); wall time ${burst.wallSeconds} s`;
			assert.equal(burst.failedItems, 0, `${summary}; first failure: ${burst.firstFailure}`);
			assert.equal(counters.created, figures.items, `${summary}; ${counters.created} coworkers created`);
			return summary;
		},
	};
}

async function emittedCoworkers(t, executionIds) {
	const runs = await Promise.all(executionIds.map(async (id) => await t.cluster.main.execution(id)));
	return runs.flatMap((run) => (N8n.nodeOutput(run, TRIGGER)?.[0] ?? []).map((item) => Number(item.Id)));
}

export function nexudusTriggerCheck() {
	return {
		name: `Nexudus Trigger in queue mode: ${DELIVERIES.signed} signed deliveries start one execution each; ${DELIVERIES.tampered} tampered and ${DELIVERIES.unsigned} unsigned ones get 401 and start none`,
		timeoutMs: 300_000,
		async run(t) {
			const { cluster } = t;
			const emulator = t.emulators['nexudus-hooks'];
			const before = await cluster.lastExecutionId();
			await cluster.main.activate(hooks.id);
			try {
				const registered = async () => (await emulator.control('GET', 'nexudus/state')).state.webhooks.filter((hook) => String(hook.URL).startsWith(cluster.main.baseUrl));
				const [hook] = await waitFor(
					async () => {
						const hooks = await registered();
						return hooks.length ? hooks : undefined;
					},
					{ timeoutMs: 60_000, describe: () => 'the Nexudus Trigger to register its webhook in Nexudus' },
				);
				const path = new URL(hook.URL).pathname.replace(/^\/webhook\//, '');
				await cluster.main.waitForWebhooks([path], { timeoutMs: 60_000 });
				const { state } = await emulator.control('GET', 'nexudus/state');
				const coworkers = state.coworkers.slice(0, DELIVERIES.signed + DELIVERIES.tampered + DELIVERIES.unsigned).map((coworker) => coworker.Id);
				const deliver = async (recordId, extra) => (await emulator.control('POST', 'nexudus/webhooks/deliver', { webhookId: hook.Id, recordId, ...extra })).deliveries[0].status;
				const signedIds = coworkers.slice(0, DELIVERIES.signed);
				const badIds = coworkers.slice(DELIVERIES.signed);
				const statuses = await Promise.all([
					...signedIds.map((id) => deliver(id, {})),
					...badIds.slice(0, DELIVERIES.tampered).map((id) => deliver(id, { tamper: true })),
					...badIds.slice(DELIVERIES.tampered).map((id) => deliver(id, { secret: null })),
				]);
				const signedStatuses = statuses.slice(0, DELIVERIES.signed);
				const badStatuses = statuses.slice(DELIVERIES.signed);
				// A refused delivery is answered 401 before n8n creates any execution: once every answer is in,
				// the executions of the signed ones are all there will be.
				const finished = await waitFor(
					async () => {
						const list = await cluster.executionsOf(hooks.id, before);
						return list.length >= DELIVERIES.signed && list.every((execution) => execution.status !== 'new' && execution.status !== 'running') ? list : undefined;
					},
					{ timeoutMs: 120_000, intervalMs: 250, describe: () => `${DELIVERIES.signed} finished executions of the Nexudus Trigger` },
				);
				const emitted = await emittedCoworkers(t, finished.map((execution) => execution.id));
				const counts = new Map();
				for (const id of emitted) counts.set(id, (counts.get(id) ?? 0) + 1);
				const figures = { signedStatuses, refusedStatuses: badStatuses, executions: finished.length, statuses: finished.map((e) => e.status), workers: cluster.workerShare(finished.map((e) => e.id)), emittedCoworkers: emitted };
				t.record(figures);
				const summary = `signed → ${signedStatuses.join(',')}; tampered/unsigned → ${badStatuses.join(',')}; ${finished.length} executions (${Object.entries(figures.workers).map(([name, count]) => `${name} ${count}`).join(', ')}) emitted coworkers ${emitted.join(',')}`;
				assert.ok(signedStatuses.every((status) => status === 200), summary);
				assert.ok(badStatuses.every((status) => status === 401), summary);
				assert.equal(finished.length, DELIVERIES.signed, summary);
				assert.ok(finished.every((execution) => execution.status === 'success'), summary);
				assert.deepEqual([...emitted].sort((a, b) => a - b), [...signedIds].sort((a, b) => a - b), `${summary}: not each signed coworker exactly once`);
				assert.ok(badIds.every((id) => !counts.has(id)), `${summary}: a refused delivery was emitted`);
				return summary;
			} finally {
				await cluster.main.deactivate(hooks.id);
			}
		},
	};
}
