// Many webhook-started executions at once, run by the workers. The Webhook node answers as soon as
// n8n queued the execution; the last node ("Check") fails the execution when any item failed, so an
// execution's status in Postgres says whether all of its items were good.

import { http, seconds, sleep } from '../lib/util.mjs';
import { codeNode, countItems, webhookWorkflow } from '../lib/workflow.mjs';
import { isFinished } from './cluster.mjs';

const POLL_MS = 250;
/** A burst fails only when no execution has finished for this long (a busy machine is slower, not stuck). */
const STALL_MS = 180_000;
const FAILED_ITEMS = /FAILED_ITEMS (\d+) of (\d+)/;

/**
 * Webhook (answers at once) → `count` items → `node` (errors become items) → Check, which throws
 * "FAILED_ITEMS k of n" unless every item passes `itemOk` (a JS expression over `item`).
 */
export function burstWorkflow({ id, name, path, node, itemOk }) {
	const check = codeNode(
		'Check',
		[
			"const expected = Number($('Webhook').first().json.body.count ?? 1);",
			'const items = $input.all();',
			`const bad = items.filter((item) => item.json.error !== undefined || !(${itemOk}));`,
			'const failed = bad.length + Math.max(0, expected - items.length);',
			"if (failed > 0) throw new Error('FAILED_ITEMS ' + failed + ' of ' + expected + ': ' + JSON.stringify(bad[0]?.json ?? {}).slice(0, 300));",
			'return [{ json: { ok: items.length } }];',
		].join('\n'),
	);
	const workflow = webhookWorkflow({ id, name, path, nodes: [countItems(), { name: 'Call', onError: 'continueRegularOutput', ...node }, check] });
	const webhook = workflow.nodes[0];
	webhook.parameters = { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} };
	return workflow;
}

/**
 * Fires `executions` webhook calls of `items` items at once and waits until n8n has finished every
 * execution they started (read from Postgres). `onProgress(finished)` runs whenever the number of
 * finished executions grew (checks kill tokens from there). Returns counts, failed items (from the
 * Check node's error), which worker ran how many, and the wall time.
 */
export async function runBurst({ cluster, workflowId, path, executions, items, onProgress, bodyOf = () => ({}), stallMs = STALL_MS }) {
	const before = await cluster.lastExecutionId();
	const started = Date.now();
	let accepted;
	const answers = Promise.all(
		Array.from({ length: executions }, (_, n) =>
			http('POST', `${cluster.main.baseUrl}/webhook/${path}`, { body: { count: items, n, ...bodyOf(n) }, timeoutMs: 120_000 }).catch((error) => ({ status: 0, text: error.message })),
		),
	).then((list) => {
		accepted = list.filter((answer) => answer.status === 200).length;
		return list;
	});
	let finished = [];
	let progressAt = Date.now();
	for (;;) {
		const list = await cluster.executionsOf(workflowId, before);
		const done = list.filter((execution) => isFinished(execution.status));
		if (done.length !== finished.length) {
			progressAt = Date.now();
			finished = done;
			await onProgress?.(done.length);
		}
		if (accepted !== undefined && done.length >= accepted && list.length === done.length) break;
		if (Date.now() - progressAt > stallMs) throw new Error(`burst of ${workflowId}: no execution finished for ${stallMs / 1000} s (${done.length} of ${accepted ?? executions} finished, ${list.length - done.length} queued or running)`);
		await sleep(POLL_MS);
	}
	const wallSeconds = Number(seconds(started));
	const refused = (await answers).filter((answer) => answer.status !== 200);
	const failedExecutions = finished.filter((execution) => execution.status !== 'success');
	const failedItems = await countFailedItems(cluster, failedExecutions, items);
	return {
		executions: finished.length,
		refusedWebhookCalls: refused.length,
		firstRefusal: refused[0] ? `HTTP ${refused[0].status} ${String(refused[0].text).slice(0, 120)}` : undefined,
		failedExecutions: failedExecutions.length,
		failedItems: failedItems.count + refused.length * items,
		firstFailure: failedItems.first,
		workers: cluster.workerShare(finished.map((execution) => execution.id)),
		ids: finished.map((execution) => execution.id),
		wallSeconds,
	};
}

/** Failed items of failed executions: the Check node's count, or every item when the execution failed before it. */
async function countFailedItems(cluster, failedExecutions, items) {
	if (!failedExecutions.length) return { count: 0 };
	const ids = failedExecutions.map((execution) => execution.id).join(',');
	const rows = await cluster.postgres.psql(`SELECT "executionId", substring(data from position('FAILED_ITEMS' in data) for 400) FROM execution_data WHERE "executionId" IN (${ids})`);
	let count = 0;
	for (const [, text] of rows) count += Number(FAILED_ITEMS.exec(text ?? '')?.[1] ?? items);
	count += (failedExecutions.length - rows.length) * items;
	const text = rows.find(([, found]) => FAILED_ITEMS.test(found ?? ''))?.[1];
	const first = text ? text.replace(/\\"/g, '"').replace(/ \[line \d+\].*$/s, '') : `execution ${failedExecutions[0].id}: ${failedExecutions[0].status}`;
	return { count, first };
}
