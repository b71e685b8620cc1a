// Section 1, queue mode: logins per token lifetime across a main and its workers, ours vs the HTTP
// Request node with the same credential type (figures from test/e2e/queue/logins-per-expiry.mjs).

import { int, plural, x } from './format.mjs';

const CLIENTS = { ours: 'node', httpRequestNode: 'HTTP Request node' };

function queueRow(figures, key) {
	const run = figures[key];
	const lifetimes = figures.expiries + 1;
	const bound = lifetimes * figures.workers;
	const perWorker = Object.values(run.executionsPerWorker ?? {}).join(' / ');
	const misses = [];
	if (run.logins > bound) misses.push(`${int(run.logins)} logins > ${int(bound)}`);
	if (run.failedItems > 0) misses.push(`${int(run.failedItems)} items failed`);
	return {
		section: '1 logins',
		client: `${key === 'ours' ? `${figures.provider} node` : `HTTP Request node + ${figures.provider} credential (ours)`}, queue mode (main + ${figures.workers} workers, real n8n ${figures.n8n})`,
		case: `cold credential, token killed ${plural(figures.expiries, 'time')} · ${int(figures.executions)} executions × ${int(figures.itemsPerExecution)} items${perWorker ? ` (per worker: ${perWorker})` : ''}`,
		measured: `${plural(run.logins, 'login')} · ${int(run.refusedTokens)} refused tokens · ${int(run.failedItems)} failed items`,
		reference: `min ${plural(lifetimes, 'login')} (1 per token lifetime) · per-process bound ${int(bound)} (${figures.workers} workers × ${lifetimes})`,
		ratio: `${run.loginsPerExpiry} logins per token lifetime · ${x(run.logins / lifetimes)} min`,
		goal: misses.length === 0 ? `✓ ≤ per-process bound, 0 failed` : `✗ ${misses.join('; ')}`,
		changed: `new (issue 16): ${CLIENTS[key]} in queue mode`,
	};
}

export function queueRows(results, notRun) {
	const figures = results.sections.queue;
	if (figures) return Object.keys(CLIENTS).filter((key) => figures[key]).map((key) => queueRow(figures, key));
	if (results.queueScriptMissing) {
		return [{ section: '1 logins', client: 'our node and the HTTP Request node, queue mode', case: 'logins per token expiry', measured: 'not measured: test/e2e/queue/logins-per-expiry.mjs is not in this checkout', reference: '—', ratio: '—', goal: '—', changed: 'slot for issue 16' }];
	}
	return [notRun('1 logins', 'queue mode', 'queue')];
}
