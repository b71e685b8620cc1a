// Sections 2 and 4: "return all" against the raw fetch loop, memory, and client CPU per record.

import { int, judge, k, mb, median, secs, spread, x, xSpread } from './format.mjs';

const PROVIDER_NODE = { fluentcrm: 'FluentCRM node', crmplatform: 'CRM Platform node', nexudus: 'Nexudus node' };
const PAGING_RECORDS = { fluentcrm: 'contacts', crmplatform: 'contacts', nexudus: 'coworkers' };
export const PAGING_GOAL = 1.15;
// Heap kept per output byte is steady to a few %: 15 % more per byte at the larger N = grows faster.
const MEMORY_GOAL = 1.15;
export const GROWTH_GOAL = 1.25;

const perRound = (size, client, measure) => size.rounds.map((round) => measure(round[client], round.raw));
const wallRatio = (mine, raw) => mine.ms / raw.ms;
const cpuRatio = (mine, raw) => mine.cpuMs / raw.cpuMs;
const medianOf = (size, client, field) => median(size.rounds.map((round) => round[client][field]));

function pagingRow(provider, size) {
	const pages = Math.ceil(size.n / size.pageSize);
	const cpu = spread(perRound(size, 'ours', cpuRatio));
	const wall = spread(perRound(size, 'ours', wallRatio));
	const helperCpu = spread(perRound(size, 'helper', cpuRatio));
	const serverShare = median(size.rounds.map((round) => round.raw.serverMs / round.raw.ms));
	const ours = size.first.ours;
	const changed = provider === 'fluentcrm' ? 'pages of 500 (were 100); ' : '';
	return {
		section: '2 paging',
		client: PROVIDER_NODE[provider],
		case: `get many, return all · ${int(size.n)} ${PAGING_RECORDS[provider]}`,
		measured: `CPU ${secs(medianOf(size, 'ours', 'cpuMs'))}, wall ${secs(medianOf(size, 'ours', 'ms'))} · ${int(ours.requests)} requests (⌈N/${size.pageSize}⌉ = ${int(pages)})`,
		reference: `raw fetch loop: CPU ${secs(medianOf(size, 'raw', 'cpuMs'))}, wall ${secs(medianOf(size, 'raw', 'ms'))} (the emulator ${Math.round(serverShare * 100)}% of it) · n8n helper client (context): CPU ${secs(medianOf(size, 'helper', 'cpuMs'))}`,
		ratio: `CPU ${xSpread(cpu)} raw · wall ${xSpread(wall)} · n8n helper client CPU ${xSpread(helperCpu)} raw · ${x(ours.requests / pages)} requests`,
		goal: judge(cpu, PAGING_GOAL, 'CPU'),
		changed: `${changed}every client warmed alike (the raw loop had no untimed pass); median of ${size.rounds.length} rounds [min–max] (was the best); judged on client CPU`,
	};
}

function memoryRow(provider, smaller, larger) {
	const { peak } = larger;
	const outputOf = (size) => size.outputBytes;
	const kept = (size, client) => medianOf(size, client, 'retainedHeap') / outputOf(size);
	const keptA = kept(smaller, 'ours');
	const keptB = kept(larger, 'ours');
	const peakOurs = peak.ours.peakRssDelta / outputOf(larger);
	const peakRaw = peak.raw.peakRssDelta / outputOf(larger);
	return {
		section: '2 memory',
		client: PROVIDER_NODE[provider],
		case: `memory for ${int(larger.n)} ${PAGING_RECORDS[provider]} (output JSON ${mb(outputOf(larger))})`,
		measured: `peak RSS +${mb(peak.ours.peakRssDelta)} = ${peakOurs.toFixed(2)} B per output byte · heap kept by the result: ${keptA.toFixed(2)} B/B at ${k(smaller.n)} → ${keptB.toFixed(2)} B/B at ${k(larger.n)}`,
		reference: `raw loop: peak RSS +${mb(peak.raw.peakRssDelta)} = ${peakRaw.toFixed(2)} B/B, kept ${kept(larger, 'raw').toFixed(2)} B/B · n8n helper client: peak RSS +${mb(peak.helper.peakRssDelta)}`,
		ratio: `${x(peakOurs / peakRaw)} raw peak · kept per byte ${k(larger.n)}/${k(smaller.n)}: ${x(keptB / keptA)}`,
		goal: keptB / keptA <= MEMORY_GOAL ? '✓ grows no faster than the output' : '✗ grows faster than the output',
		changed: 'peak taken on every client’s first pass at N after the same history (the nodes had an extra untimed pass before theirs)',
	};
}

/**
 * Client CPU per record at each N. The rise from a smaller N to a larger one is taken round by round
 * (round r at one N against round r at the other, as far as both have rounds); growth = the pair of
 * sizes with the largest median rise.
 */
function growthRow(provider, sizes) {
	const perRecord = (client, size) => size.rounds.map((round) => (round[client].cpuMs * 1000) / size.n);
	const largestRise = (client) => {
		let best;
		sizes.forEach((a, i) =>
			sizes.slice(i + 1).forEach((b) => {
				const [before, after] = [perRecord(client, a), perRecord(client, b)];
				const rise = spread(after.slice(0, before.length).map((value, r) => value / before[r]));
				if (!best || rise.median > best.median) best = { ...rise, from: a.n, to: b.n };
			}),
		);
		return best;
	};
	const rise = largestRise('ours');
	const rawRise = largestRise('raw');
	const show = (client) => sizes.map((size) => spread(perRecord(client, size))).map((s) => `${s.median.toFixed(1)} [${s.min.toFixed(1)}–${s.max.toFixed(1)}]`).join(' / ');
	return {
		section: '4 cost growth',
		client: PROVIDER_NODE[provider],
		case: `client CPU per record at ${sizes.map((size) => k(size.n)).join(' / ')}`,
		measured: `${show('ours')} µs`,
		reference: `raw fetch loop: ${show('raw')} µs (the runtime's own growth)`,
		ratio: `largest rise ${xSpread(rise)} (${k(rise.from)} → ${k(rise.to)}, ${rise.runs} rounds) · raw loop ${xSpread(rawRise)} (${k(rawRise.from)} → ${k(rawRise.to)})`,
		goal: judge(rise, GROWTH_GOAL, 'rise'),
		changed: `median of ${sizes.map((size) => size.rounds.length).join('/')} rounds with their range (was the best run); client CPU only`,
	};
}

export function pagingRows(results, notRun) {
	const paging = results.sections.paging;
	if (!paging) return { paging: [notRun('2 paging', 'paging', 'paging')], growth: [] };
	const rows = [];
	const growth = [];
	for (const [provider, { sizes }] of Object.entries(paging.providers)) {
		const sorted = [...sizes].sort((a, b) => a.n - b.n);
		for (const size of sorted.filter((s) => s.n >= 10_000)) rows.push(pagingRow(provider, size));
		if (sorted.length >= 2) {
			rows.push(memoryRow(provider, sorted[sorted.length - 2], sorted[sorted.length - 1]));
			growth.push(growthRow(provider, sorted));
		}
	}
	return { paging: rows, growth };
}
