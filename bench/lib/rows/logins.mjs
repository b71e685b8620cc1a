// Section 1: logins and 401s per token lifetime, against the minimum (counts, one run per case).

import { int, plural, x } from './format.mjs';

const SCENARIO_LABEL = {
	cold: 'cold token',
	storedExpired: 'stored token expired',
	expiry: 'token dies every 200 calls',
	singleSession: 'single-session server',
};
// The anchor runs against bench/fakes/metabase.js; its single-session switch is ours: real Metabase has no such mode.
const ANCHOR_SCENARIO_LABEL = { ...SCENARIO_LABEL, singleSession: 'single-session server (a mode of our fake Metabase; real Metabase has none)' };
// Issue 10's reference numbers: real n8n 2.40.7, HTTP Request node, built-in metabaseApi credential, 50 items.
const ISSUE_ANCHOR = { cold: '10 logins', storedExpired: '7 logins, 7× 401', singleSession: '47 logins, 93× 401, 0/50 ok' };

/** Minimum logins and allowed 401s for a login case. */
function minimum(row) {
	const expiries = row.scenario === 'storedExpired' ? 1 : row.scenario === 'expiry' ? Math.max(0, Math.floor((row.accepted - 1) / 200)) : 0;
	return { logins: row.scenario === 'storedExpired' ? 1 : expiries + 1, unauthorized: expiries };
}

function loginRow(row, { anchor = false } = {}) {
	const min = minimum(row);
	const ok = row.items - row.failed;
	const measured = `${plural(row.logins, 'login')} · ${int(row.unauthorized)}× 401 · ${int(ok)}/${int(row.items)} ok`;
	let reference = `min ${plural(min.logins, 'login')} · ≤ ${int(min.unauthorized)}× 401`;
	if (anchor && row.items === 50 && ISSUE_ANCHOR[row.scenario]) reference += ` · issue: ${ISSUE_ANCHOR[row.scenario]}`;
	const misses = [];
	if (row.logins !== min.logins) misses.push(`logins ${x(row.logins / min.logins)} min`);
	if (row.failed > 0) misses.push(`${int(row.failed)} items failed`);
	if (row.unauthorized > min.unauthorized) misses.push(`+${int(row.unauthorized - min.unauthorized)}× 401 from requests in flight when the token died`);
	const goal = anchor ? 'anchor (not ours)' : misses.length === 0 ? '✓ minimum, 0 failed' : `${row.logins === min.logins && row.failed === 0 ? '◐' : '✗'} ${misses.join('; ')}`;
	const labels = anchor ? ANCHOR_SCENARIO_LABEL : SCENARIO_LABEL;
	const changed = anchor && row.scenario === 'singleSession' ? 'labelled as our fake’s mode' : '—';
	return { section: '1 logins', client: row.client, case: `${labels[row.scenario]} · ${int(row.items)} items`, measured, reference, ratio: `${x(row.logins / min.logins)} min logins`, goal, changed };
}

export function loginRows(results, notRun) {
	const rows = [];
	for (const row of results.sections.logins?.rows ?? []) rows.push(loginRow({ ...row, client: `${row.client}, ${row.concurrency > 1 ? `${row.concurrency} parallel executions` : 'sequential'} (n8n-core)` }));
	const real = results.sections.n8n?.logins ?? [];
	for (const row of real.filter((r) => !r.anchor)) rows.push(loginRow({ ...row, client: `${row.client} (ours), real n8n` }));
	for (const row of real.filter((r) => r.anchor)) rows.push(loginRow({ ...row, client: `${row.client}, real n8n` }, { anchor: true }));
	if (!results.sections.logins) rows.push(notRun('1 logins', 'our nodes, in-process', 'logins'));
	if (!results.sections.n8n) rows.push(notRun('1 logins', 'HTTP Request node, real n8n', 'n8n'));
	return rows;
}
