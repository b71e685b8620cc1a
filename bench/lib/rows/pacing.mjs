// Section 5: the kernel's pacing in real time against the provider's limit as the emulator enforces it.

import { createRequire } from 'node:module';

import { int, plural, secs, x } from './format.mjs';

const require = createRequire(import.meta.url);
const { LIMITS, MINUTE, closestGap, fastestSchedule, isWrite, sustainedRatio, windowCounts } = require('../limits.cjs');

export const PACING_GOAL = 1.05;
const NODE = { nexudus: 'Nexudus node', faveo: 'Faveo Helpdesk node' };
const REFUSAL = { nexudus: '409', faveo: '500 "Too Many Attempts."' };

function pacingRow(run) {
	const limits = LIMITS[run.provider];
	const requests = run.arrivals;
	const writes = requests.filter(isWrite).length;
	const fastest = fastestSchedule(requests, limits).at(-1);
	const byRate = Math.max(...limits.rules.map((rule) => (requests.filter(rule.counts).length / rule.max) * MINUTE));
	// A job the limit lets through at once (fastest schedule ≈ 0) says nothing about pacing but its refusals.
	const bound = fastest >= 1000;
	const jobRatio = bound ? run.ms / fastest : undefined;
	const sustained = sustainedRatio(requests, limits);
	const worst = Math.max(jobRatio ?? 0, sustained ?? 0);
	const regime = !bound ? 'not bound by the limit' : windowCounts(requests, limits).length > 1 ? 'bound by the per-minute limit' : 'within the first minute';
	const windows = windowCounts(requests, limits).map((counts) => counts.join('/')).join(', ');
	const what = [plural(run.apiRequests, 'request'), writes ? plural(writes, 'write') : undefined, run.loginRequests ? plural(run.loginRequests, 'login') : undefined].filter(Boolean).join(', ');
	const misses = [];
	if (run.throttled > 0) misses.push(`${int(run.throttled)} rate-limit replies`);
	if (run.failed > 0) misses.push(`${int(run.failed)} items failed`);
	if (worst > PACING_GOAL) misses.push(`${x(worst)} > ${x(PACING_GOAL)} the limit allows`);
	return {
		section: '5 pacing',
		client: `${NODE[run.provider]}, sequential (n8n-core), real time`,
		case: `${run.job} · ${int(run.items)} items = ${what} (${regime}) · limit: ${limits.words}`,
		measured: `${secs(run.ms)} · ${int(run.throttled)} rate-limit replies (${REFUSAL[run.provider]}) · ${int(run.items - run.failed)}/${int(run.items)} ok · per 60 s window (${limits.rules.map((rule) => rule.name).join('/')}): ${windows}${limits.minIntervalMs ? ` · closest gap ${Math.round(closestGap(requests))} ms` : ''}`,
		reference: `fastest schedule the limit allows for these requests: ${secs(fastest)} · requests ÷ rate: ${secs(byRate)}`,
		ratio: `${jobRatio === undefined ? '—' : `${x(jobRatio)} the fastest schedule`} · ${sustained === undefined ? 'no full window' : `${x(sustained)} the limit's rate in full windows`}`,
		goal: misses.length === 0 ? `✓ ≤ ${x(PACING_GOAL)} the limit's minimum, 0 rate-limit replies` : `✗ ${misses.join('; ')}`,
		changed: 'new: real waits against the real limit (was a fake clock)',
	};
}

export function pacingRows(results, notRun) {
	const pacing = results.sections.pacing;
	if (!pacing) return [notRun('5 pacing', 'Nexudus and Faveo nodes, real time', 'pacing')];
	return pacing.map(pacingRow);
}
