// Token credentials in queue mode: logins across workers that share one stored token.
// Per flavour (flavours.mjs) three emulators, so counters and killed tokens never mix:
//   cold  — a burst of executions on a credential without a token: logins ≤ workers;
//   kills — the same, the token killed twice during the burst: logins ≤ (kills + 1) × workers;
//   late  — one worker refreshes the token, a worker started afterwards runs on the stored one: 0 logins.
// After all checks, `export:credentials --decrypted` shows each stored token, which the emulator must accept.

import assert from 'node:assert/strict';

import { credentialRef } from '../lib/workflow.mjs';
import { burstWorkflow, runBurst } from './burst.mjs';
import { FLAVOURS } from './flavours.mjs';

export const ROLES = ['cold', 'kills', 'late'];
const KILLS = 2;
/**
 * Our node paces Faveo to 58 requests a minute per process: 200 executions of 10 items would take
 * over 17 minutes with 2 workers. 200 of 1 item take two pacing windows (about a minute), and the
 * second window keeps the burst going while the tokens are killed.
 */
const sizeOf = (flavour) => (flavour.paced ? { executions: 200, items: 1 } : { executions: 200, items: 10 });
const LATE = { executions: 10, items: 2 };

const ids = (flavour, role) => ({
	emulator: `${flavour.key}-${role}`,
	credential: `q${flavour.key}${role}`.padEnd(17, '0').slice(0, 17),
	workflow: `q${flavour.key}${role}`,
	path: `queue-${flavour.key}-${role}`,
});

export const tokenEmulators = () => FLAVOURS.flatMap((flavour) => ROLES.map((role) => ({ name: ids(flavour, role).emulator, ...flavour.emulator })));

export function tokenCredentials(emulators) {
	return FLAVOURS.flatMap((flavour) =>
		ROLES.map((role) => {
			const id = ids(flavour, role);
			return { id: id.credential, name: `${flavour.label} (${role})`, type: flavour.credentialType, data: flavour.credentialData(emulators[id.emulator]) };
		}),
	);
}

export function tokenWorkflows() {
	return FLAVOURS.flatMap((flavour) =>
		ROLES.map((role) => {
			const id = ids(flavour, role);
			const credential = { id: id.credential, name: `${flavour.label} (${role})`, type: flavour.credentialType };
			const node = { type: flavour.node.type, typeVersion: 1, parameters: flavour.node.parameters, credentials: credentialRef(credential) };
			return burstWorkflow({ id: id.workflow, name: `queue ${flavour.label} ${role}`, path: id.path, node, itemOk: flavour.itemOk });
		}),
	);
}

async function measured(t, flavour, role, run) {
	const emulator = t.emulators[ids(flavour, role).emulator];
	const before = await flavour.counters(emulator);
	const result = await run(emulator);
	const after = await flavour.counters(emulator);
	return { ...result, logins: after.logins - before.logins, failedLogins: after.failedLogins - before.failedLogins, refusedTokens: after.refused - before.refused };
}

const describeWorkers = (workers) => Object.entries(workers).map(([name, count]) => `${name} ${count}`).join(', ');

function burstCheck(flavour, role) {
	const size = sizeOf(flavour);
	const kills = role === 'kills' ? KILLS : 0;
	return {
		name: `${flavour.label}: ${size.executions} executions × ${size.items} item(s) at once, cold credential${kills ? `, token killed ${kills}× during the burst` : ''}: 0 failed, logins ≤ ${kills ? `(kills + 1) × workers` : 'workers'}`,
		async run(t) {
			const id = ids(flavour, role);
			const workers = t.cluster.workers.size;
			const killedAt = [];
			const figures = await measured(t, flavour, role, async (emulator) => {
				const thresholds = Array.from({ length: kills }, (_, k) => Math.floor(((k + 1) * size.executions) / (kills + 1)));
				const onProgress = async (finished) => {
					while (killedAt.length < kills && finished >= thresholds[killedAt.length]) {
						await flavour.kill(emulator);
						killedAt.push(finished);
					}
				};
				return await runBurst({ cluster: t.cluster, workflowId: id.workflow, path: id.path, ...size, onProgress });
			});
			const limit = (kills + 1) * workers;
			const result = { ...figures, ...size, kills, killedAtFinished: killedAt, workerCount: workers, loginLimit: limit };
			delete result.ids;
			t.record(result);
			const summary = `${figures.executions} executions (${describeWorkers(figures.workers)}), ${figures.failedItems} failed items, ${figures.logins} logins (limit ${limit}), ${figures.refusedTokens} refused tokens, ${figures.failedLogins} failed logins, ${figures.wallSeconds} s${kills ? `; killed after ${killedAt.join(' and ')} finished executions` : ''}`;
			assert.equal(figures.failedItems, 0, `${summary}; first failure: ${figures.firstFailure ?? figures.firstRefusal}`);
			assert.equal(figures.executions, size.executions, summary);
			assert.equal(killedAt.length, kills, `${summary}: the burst ended before ${kills} kills`);
			assert.ok(killedAt.every((finished) => finished < size.executions), `${summary}: a kill came after the last execution`);
			assert.ok(figures.logins <= limit, summary);
			assert.ok(figures.logins >= 1, `${summary}: no login on a cold credential`);
			return summary;
		},
	};
}

/** One check for all flavours: worker-2 stops, worker-1 refreshes each token, worker-3 starts, worker-1 stops, worker-3 runs. */
function lateWorkerCheck() {
	return {
		name: 'A worker started after another one refreshed the token runs on the stored token (0 logins), every token credential',
		timeoutMs: 900_000,
		async run(t) {
			const { cluster } = t;
			await cluster.stopWorker('worker-2');
			const refreshes = {};
			for (const flavour of FLAVOURS) {
				const id = ids(flavour, 'late');
				refreshes[flavour.key] = await measured(t, flavour, 'late', async (emulator) => {
					const warm = await runBurst({ cluster, workflowId: id.workflow, path: id.path, ...LATE });
					await flavour.kill(emulator);
					const refreshed = await runBurst({ cluster, workflowId: id.workflow, path: id.path, ...LATE });
					return { failedItems: warm.failedItems + refreshed.failedItems, workers: refreshed.workers };
				});
			}
			const startSeconds = await cluster.startWorker('worker-3');
			await cluster.stopWorker('worker-1');
			const lines = [];
			const problems = [];
			for (const flavour of FLAVOURS) {
				const id = ids(flavour, 'late');
				const late = await measured(t, flavour, 'late', async () => await runBurst({ cluster, workflowId: id.workflow, path: id.path, ...LATE }));
				const refresh = refreshes[flavour.key];
				t.record({ flavour: flavour.key, refreshedOnWorker1: refresh, onWorker3: { ...late, ids: undefined } });
				lines.push(`${flavour.label}: worker-1 logged in ${refresh.logins}× (cold, then after the kill; ${describeWorkers(refresh.workers)}); worker-3: ${late.logins} logins, ${late.refusedTokens} refused tokens, ${late.failedItems} failed items in ${late.executions} executions (${describeWorkers(late.workers)})`);
				if (late.logins !== 0 || late.failedItems !== 0 || refresh.failedItems !== 0) problems.push(flavour.label);
				if (Object.keys(late.workers).some((name) => name !== 'worker-3')) problems.push(`${flavour.label}: executions ran elsewhere than worker-3`);
			}
			const detail = `worker-3 ready ${startSeconds} s after its start\n${lines.join('\n')}`;
			assert.deepEqual(problems, [], detail);
			return detail;
		},
	};
}

/** After all checks: each stored token, decrypted with export:credentials, is live at its emulator. */
function storedTokenCheck() {
	return {
		name: 'The token n8n stored for each credential (export:credentials --decrypted from Postgres) is live at the emulator',
		timeoutMs: 300_000,
		async run(t) {
			const exported = await t.cluster.main.exportCredentials();
			const lines = [];
			const dead = [];
			for (const flavour of FLAVOURS) {
				for (const role of ROLES) {
					const id = ids(flavour, role);
					const token = exported[id.credential]?.data?.[flavour.tokenField];
					const live = typeof token === 'string' && token.length > 10 && (await flavour.probe(t.emulators[id.emulator], token));
					lines.push(`${flavour.label} ${role}: ${typeof token === 'string' ? `${token.length}-character token` : 'no token'}, ${live ? 'live' : 'REFUSED'}`);
					if (!live) dead.push(`${flavour.label} ${role}`);
				}
			}
			t.record({ tokens: lines });
			assert.deepEqual(dead, [], lines.join('\n'));
			return lines.join('\n');
		},
	};
}

export const burstChecks = (flavourKeys, role) => FLAVOURS.filter((flavour) => flavourKeys.includes(flavour.key)).map((flavour) => burstCheck(flavour, role));
export { lateWorkerCheck, storedTokenCheck };
