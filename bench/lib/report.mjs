// Turns bench results into the one table `npm run bench` prints (Markdown, also bench/RESULTS.md).

import { createRows } from './rows/create.mjs';
import { int, k } from './rows/format.mjs';
import { loginRows } from './rows/logins.mjs';
import { PACING_GOAL, pacingRows } from './rows/pacing.mjs';
import { queueRows } from './rows/queue.mjs';
import { GROWTH_GOAL, PAGING_GOAL, pagingRows } from './rows/paging.mjs';

const escape = (text) => String(text).replace(/\|/g, '\\|');

function notRunFor(results) {
	return (section, client, name) => {
		const failed = results.errors.find((e) => e.section === name);
		return { section, client, case: '—', measured: failed ? `FAILED: ${failed.message.split('\n')[0]}` : 'not run (skipped)', reference: '—', ratio: '—', goal: '—', changed: '—' };
	};
}

function notes(results) {
	const { config } = results;
	const rounds = Object.entries(config.rounds).map(([n, r]) => `${r} at ${k(Number(n))}`).join(', ');
	const lines = ['How it was measured:'];
	lines.push(
		`- Ratios: every client runs once per round, the clients of a round back to back in rotating order, so a change of machine load hits them alike; each ratio is taken within a round, and the table shows the median of the rounds and their range [min–max]. Goals are judged on the median; "? … too wide to judge" = the runs fall on both sides of the goal. No client is treated differently: the same warm-up, the same first pass before the timed runs, the same emulator work.`,
	);
	lines.push(
		`- Login cases (section 1) are counts, one run each: every case starts a fresh emulator instance on 127.0.0.1. "Token dies every 200 calls": the server kills the token after it was accepted on 200 API calls (Fuse: its own \`rotateEveryRequests\`; the others: the bench host expires all tokens). Min logins = 1 + expiries; expiries = ⌊(accepted calls − 1) / 200⌋, or 1 for a stored dead token. "Parallel" = 10 executions of ${int(config.loginItems / 10)} items started together on one credential (a queue-mode worker's default concurrency); requests already sent with a token that dies are answered 401 before anyone can know (◐ = logins minimal and nothing failed, extra 401s in flight).`,
	);
	if (results.sections.n8n) {
		lines.push(
			`- Real n8n: HTTP Request node v4.2 with "predefined credential type", ${int(config.n8nItems)} items per login case, plus n8n's built-in \`metabaseApi\` credential against bench/fakes/metabase.js as the anchor, also at the 50 items of issue 10's reference numbers. The anchor's "single-session server" is a switch of that fake (each login revokes the user's older sessions); real Metabase has no such mode. Creates are timed inside the workflow (Code node before → Code node after), in ${config.n8nCreatePairs} back-to-back pairs (HTTP Request node first in every other pair); "n8n CPU" = CPU time of the n8n main process during the execution (from /proc).`,
		);
	}
	lines.push(
		`- Paging (sections 2 and 4): "raw fetch loop" = a hand-written loop over the same pages (undici keep-alive, JSON parse, collect); "n8n helper client" = the same loop inside a bare node that sends each page through n8n-core's \`httpRequestWithAuthentication\`: a reference for what n8n's request helper costs, shown as context (it is not a floor: our node can beat it); goals are judged against the raw loop only. ` +
			`Each client lives in its own worker process; every client gets five warm-up passes on the smallest table, then at each N (smallest first) one first pass that is not timed and ${rounds} timed rounds. The goal (≤ ${PAGING_GOAL}× raw) is judged on the client process's CPU time (user + system, all threads): wall time here is mostly the emulator (its share is in the reference column) and the machine's other jobs, which our code does not control; wall ratios are shown next to it. ` +
			`The emulators build each page from the whole table, so the bench host answers exactly these page queries from a sorted copy (byte-identical answers, checked before the run); FluentCRM contacts carry no tag/list links there. Peak RSS = the client's kernel high-water mark (VmHWM, reset before the pass) minus its RSS right before it, after a full GC, on its first pass at the largest N (every client with the same history; a heap that already held N records barely grows again); "kept" = JS heap still held by the returned records after a full GC (median of the rounds).`,
	);
	lines.push(
		`- Cost growth (section 4): client CPU per record at each N (median [min–max] of the rounds); the rise from a smaller to a larger N is taken round by round (round r at one N against round r at the other); the largest median rise over all pairs of N must stay ≤ ${GROWTH_GOAL}×. CPU of the client process excludes the emulator; the raw loop's own rise is the runtime's (GC of the growing result), shown for context.`,
	);
	if (results.sections.pacing) {
		lines.push(
			`- Pacing (section 5): our node in real time, cold credential, against an emulator with the provider's limit on (Nexudus: its rolling limits; Faveo 2.x: 60 per fixed 60 s window per IP, logins included, the 61st answered 500 without Retry-After). "Fastest schedule" = the earliest time any client could have sent the last of the same requests without a refusal, computed from the limit's rules at zero time per request; "requests ÷ rate" = the long-run minimum. "The limit's rate in full windows" = the limit ÷ the requests of the least-used full 60 s window (windows opened as Faveo opens them): it shows a budget set below the limit even where the job's length hides it. Goal: 0 rate-limit replies and both ratios ≤ ${PACING_GOAL}×. Single run per provider (the waits dominate; machine load moves them by milliseconds); it runs alongside the other sections.`,
		);
	}
	lines.push('');
	return lines;
}

export function buildReport(results) {
	const notRun = notRunFor(results);
	const { paging, growth } = pagingRows(results, notRun);
	const rows = [...loginRows(results, notRun), ...queueRows(results, notRun), ...paging, ...createRows(results, notRun), ...growth, ...pacingRows(results, notRun)];
	const m = results.machine;
	const n8n = results.sections.n8n;
	const lines = [];
	lines.push('<!-- Generated by `npm run bench` (bench/run.mjs); do not edit by hand. -->');
	lines.push(`Measured ${results.startedAt.slice(0, 10)} on ${m.cores} cores (${m.cpu}), ${m.memoryGb} GB, Node ${m.node}; our nodes through n8n-core ${m.n8nCore} in-process${n8n ? `, the HTTP Request node in real n8n ${n8n.n8nVersion}` : ''}. Whole run: ${results.totalSeconds} s${results.quick ? ' (--quick: reduced sizes)' : ''}.`);
	lines.push('');
	lines.push(`**Absolute times are noisy** (shared machine; 1/5/15-min load average ${m.loadAverage.join(' / ')} at the start, ${(m.loadAverageAtEnd ?? []).join(' / ')} at the end): every figure below is a ratio against a reference measured side by side in the same run, given as the median of several interleaved rounds with their range, and the ratios are the result. The last column says what changed in how a row is measured since the previous table.`);
	lines.push('');
	lines.push('| § | client | case | measured | reference (same run) | ratio | goal | changed |');
	lines.push('|---|---|---|---|---|---|---|---|');
	for (const row of rows) lines.push(`| ${[row.section, row.client, row.case, row.measured, row.reference, row.ratio, row.goal, row.changed].map(escape).join(' | ')} |`);
	lines.push('');
	lines.push(...notes(results));
	return { rows, markdown: lines.join('\n') };
}
