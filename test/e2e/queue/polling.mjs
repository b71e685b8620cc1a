// Polling triggers in queue mode (FluentCRM, Faveo, CRM Platform), each polling every 5 s on its
// own emulator. Changes are made in rounds, each round waiting until its changes were emitted, so
// they arrive over several polls; then two more complete polls pass. Every change must have been
// emitted exactly once in the whole cluster: no duplicates, no misses.

import assert from 'node:assert/strict';

import { N8n } from '../lib/n8n.mjs';
import { http, stableUuid, waitFor } from '../lib/util.mjs';
import { credentialRef, pollEveryFiveSeconds } from '../lib/workflow.mjs';

const ROUNDS = 3;
const EMIT_TIMEOUT_MS = 120_000;
const FLUENT_PASSWORD = 'abcd efgh ijkl mnop qrst uvwx';
const FLUENT_AUTH = `Basic ${Buffer.from(`admin:${FLUENT_PASSWORD}`).toString('base64')}`;

async function api(method, url, body, headers) {
	const response = await http(method, url, { body, headers: { Accept: 'application/json', ...headers } });
	if (response.status !== 200) throw new Error(`${method} ${url} answered ${response.status}: ${response.text.slice(0, 200)}`);
	return response.json;
}

const TRIGGERS = [
	{
		key: 'fluentcrm',
		label: 'FluentCRM Trigger (Contact Created or Updated)',
		emulator: { script: 'test/emulators/fluentcrm.js', args: ['--seed-contacts', '12'] },
		credential: { id: 'qfluentpoll000000', name: 'FluentCRM (polling)', type: 'fluentCrmApi' },
		credentialData: (e) => ({ siteUrl: e.siteUrl, username: 'admin', applicationPassword: FLUENT_PASSWORD, restStyle: 'wpJson', ignoreSslIssues: false }),
		node: { type: 'n8n-nodes-crm-bridge.fluentCrmTrigger', parameters: { event: 'contactUpdated', pollTimes: pollEveryFiveSeconds(), options: {} } },
		pollStart: (r) => r.method === 'GET' && r.path.endsWith('/fluent-crm/v2/subscribers') && r.query?.page === '1',
		/** Round r: one new contact and one update of a seeded contact. */
		async change(e, round) {
			const base = `${e.siteUrl}/wp-json/fluent-crm/v2`;
			const created = (await api('POST', `${base}/subscribers`, { email: `queue.poll.${round}.${Date.now()}@example.test`, status: 'subscribed', first_name: `Round${round}` }, { Authorization: FLUENT_AUTH })).contact;
			const target = round + 2;
			const existing = (await api('GET', `${base}/subscribers/${target}`, undefined, { Authorization: FLUENT_AUTH })).subscriber;
			await api('PUT', `${base}/subscribers/${target}`, { email: existing.email, city: `Queue City ${round}` }, { Authorization: FLUENT_AUTH });
			return [Number(created.id), target];
		},
	},
	{
		key: 'faveo',
		label: 'Faveo Trigger (Ticket Created)',
		emulator: { script: 'test/emulators/faveo.js', args: ['--rate-limit', '0', '--seed-tickets', '5', '--token-ttl-seconds', '3600'] },
		credential: { id: 'qfaveopoll0000000', name: 'Faveo (polling)', type: 'faveoHelpdeskApi' },
		credentialData: (e) => ({ baseUrl: e.siteUrl, username: 'demoadmin', password: 'demopass', apiKey: '', placement: 'header', token: '' }),
		node: { type: 'n8n-nodes-crm-bridge.faveoHelpdeskTrigger', parameters: { event: 'ticketCreated', pollTimes: pollEveryFiveSeconds(), options: {} } },
		pollStart: (r) => r.method === 'GET' && r.path.endsWith('/api/v1/helpdesk/tickets') && r.query?.page === '1',
		/** Round r: two new tickets. */
		async change(e, round) {
			const { token } = await e.control('POST', 'faveo/token', { userId: 1 });
			const ids = [];
			for (const n of [1, 2]) {
				const body = { email: `queue.poll.${round}.${n}@example.test`, first_name: 'Quinn', subject: `Queue poll ${round}.${n} ${Date.now()}`, body: 'A ticket for the queue-mode poll check.', helptopic: 1, sla: 1, priority: 2 };
				const created = await api('POST', `${e.siteUrl}/api/v1/helpdesk/create`, body, { Authorization: `Bearer ${token}` });
				ids.push(Number(created.response?.ticket_id));
			}
			return ids;
		},
	},
	{
		key: 'crm',
		label: 'CRM Platform Trigger (Contact Created or Updated)',
		emulator: { script: 'test/emulators/crmplatform.js', args: ['--seed-contacts', '12'] },
		credential: { id: 'qcrmpoll000000000', name: 'CRM Platform (polling)', type: 'crmPlatformApi' },
		credentialData: (e) => ({ baseUrl: e.siteUrl, identifier: 'demo', password: 'demo123', jwt: '' }),
		node: { type: 'n8n-nodes-crm-bridge.crmPlatformTrigger', parameters: { event: 'contactUpdated', pollTimes: pollEveryFiveSeconds(), options: {} } },
		pollStart: (r) => r.method === 'GET' && r.path.endsWith('/crm-plugin/contact') && r.query?._start === '0',
		/** Round r: one new contact and one update of a seeded contact. */
		async change(e, round) {
			const { jwt } = await e.control('POST', 'crmplatform/token', { userId: 1 });
			const headers = { Authorization: `Bearer ${jwt}` };
			const created = await api('POST', `${e.siteUrl}/crm-plugin/contact`, { name: `Queue Poll ${round}`, contact_type: 'individual', first_name: 'Queue', email: `queue.poll.${round}.${Date.now()}@example.org` }, headers);
			const target = round + 2;
			await api('PUT', `${e.siteUrl}/crm-plugin/contact/${target}`, { phone: `555010${round}` }, headers);
			return [Number(created.id), target];
		},
	},
];

const workflowId = (trigger) => `qPoll${trigger.key}`;
const TRIGGER_NODE = 'Trigger';

export const pollingEmulators = () => TRIGGERS.map((trigger) => ({ name: `${trigger.key}-poll`, ...trigger.emulator }));
export const pollingCredentials = (emulators) => TRIGGERS.map((trigger) => ({ ...trigger.credential, data: trigger.credentialData(emulators[`${trigger.key}-poll`]) }));

export const pollingWorkflows = () =>
	TRIGGERS.map((trigger) => ({
		id: workflowId(trigger),
		name: `queue ${trigger.label}`,
		active: false,
		nodes: [{ id: stableUuid(`${workflowId(trigger)}/trigger`), name: TRIGGER_NODE, typeVersion: 1, position: [0, 0], credentials: credentialRef(trigger.credential), ...trigger.node }],
		connections: {},
		settings: { executionOrder: 'v1', saveDataSuccessExecution: 'all', saveDataErrorExecution: 'all' },
		pinData: {},
		meta: { e2e: true, activate: false },
	}));

/** Ids each finished execution emitted, from n8n's execution data (decoded once per execution). */
function emissionReader(cluster, id, before) {
	const decoded = new Map();
	return async () => {
		const list = await cluster.executionsOf(id, before);
		for (const execution of list) {
			if (decoded.has(execution.id) || execution.status === 'new' || execution.status === 'running') continue;
			const run = await cluster.main.execution(execution.id);
			decoded.set(execution.id, (N8n.nodeOutput(run, TRIGGER_NODE)?.[0] ?? []).map((item) => Number(item.id)));
		}
		return { list, emitted: [...decoded.values()].flat(), executionIds: [...decoded.keys()] };
	};
}

const pollStartsAfter = async (trigger, mark) => (await mark()).filter(trigger.pollStart);

function pollingCheck(trigger) {
	return {
		name: `${trigger.label} active in queue mode: ${ROUNDS} rounds of changes over several polls, each change emitted exactly once in the cluster`,
		timeoutMs: 600_000,
		async run(t) {
			const { cluster } = t;
			const emulator = t.emulators[`${trigger.key}-poll`];
			const id = workflowId(trigger);
			const before = await cluster.lastExecutionId();
			const read = emissionReader(cluster, id, before);
			const activation = await emulator.mark();
			await cluster.main.activate(id);
			try {
				// The first poll (run on main at activation) only sets the cursor: wait until it has read and gone quiet.
				await waitFor(async () => (await pollStartsAfter(trigger, activation)).some((r) => r.status === 200), { timeoutMs: 60_000, describe: () => `the first poll of the ${trigger.label}` });
				let quiet = { count: -1, at: 0 };
				await waitFor(async () => {
					const count = (await activation()).length;
					if (count !== quiet.count) quiet = { count, at: Date.now() };
					return Date.now() - quiet.at >= 500;
				}, { timeoutMs: 30_000, intervalMs: 100, describe: () => 'the first poll to finish' });
				const expected = [];
				const pollsPerRound = [];
				for (let round = 1; round <= ROUNDS; round++) {
					const roundMark = await emulator.mark();
					expected.push(...(await trigger.change(emulator, round)));
					let seen;
					await waitFor(
						async () => {
							seen = await read();
							return expected.every((key) => seen.emitted.includes(key));
						},
						{ timeoutMs: EMIT_TIMEOUT_MS, intervalMs: 500, describe: () => `round ${round}: changes ${expected.join(',')} to be emitted (so far ${JSON.stringify(seen?.emitted ?? [])})` },
					);
					pollsPerRound.push((await pollStartsAfter(trigger, roundMark)).length);
				}
				// Two complete polls after the last emission: a third one has started, and every execution they caused has finished.
				const tail = await emulator.mark();
				await waitFor(async () => (await pollStartsAfter(trigger, tail)).length >= 3, { timeoutMs: EMIT_TIMEOUT_MS, describe: () => 'three more polls to start' });
				const final = await waitFor(async () => {
					const state = await read();
					return state.list.every((execution) => execution.status !== 'new' && execution.status !== 'running') && state.executionIds.length === state.list.length ? state : undefined;
				}, { timeoutMs: EMIT_TIMEOUT_MS, describe: () => 'every trigger execution to finish' });
				const counts = new Map();
				for (const key of final.emitted) counts.set(key, (counts.get(key) ?? 0) + 1);
				const duplicates = [...counts].filter(([, count]) => count > 1).map(([key, count]) => `${key}×${count}`);
				const missing = expected.filter((key) => !counts.has(key));
				const unexpected = [...counts.keys()].filter((key) => !expected.includes(key));
				const failed = final.list.filter((execution) => execution.status !== 'success');
				const workers = cluster.workerShare(final.executionIds);
				const figures = { trigger: trigger.key, expected, emitted: final.emitted, executions: final.list.length, failedExecutions: failed.length, pollStartsPerRound: pollsPerRound, workers, duplicates, missing, unexpected };
				t.record(figures);
				const summary = `${expected.length} changes in ${ROUNDS} rounds (poll starts seen per round: ${pollsPerRound.join(', ')}) → ${final.list.length} executions (${Object.entries(workers).map(([name, count]) => `${name} ${count}`).join(', ')}) emitting ${final.emitted.join(',')}; duplicates: ${duplicates.join(',') || 'none'}, missing: ${missing.join(',') || 'none'}, unexpected: ${unexpected.join(',') || 'none'}`;
				assert.deepEqual({ duplicates, missing, unexpected, failed: failed.length }, { duplicates: [], missing: [], unexpected: [], failed: 0 }, summary);
				return summary;
			} finally {
				await cluster.main.deactivate(id);
			}
		},
	};
}

export const pollingChecks = () => TRIGGERS.map(pollingCheck);
