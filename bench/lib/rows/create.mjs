// Section 3: per-item overhead of creates, in-process (context) and in real n8n against the HTTP Request node.

import { int, judge, median, secs, spread, xSpread } from './format.mjs';

function inProcessRow(create) {
	const { items, rounds } = create;
	const ratio = (client, field) => spread(rounds.map((round) => round[client][field] / round.raw[field]));
	const perItem = (client) => (median(rounds.map((round) => round[client].ms)) / items).toFixed(2);
	const failed = Math.max(...rounds.map((round) => round.ours.failed));
	return {
		section: '3 per item',
		client: 'FluentCRM node, sequential (n8n-core)',
		case: `create ${int(items)} contacts`,
		measured: `${perItem('ours')} ms/item · ${int(failed)} failed`,
		reference: `raw fetch loop ${perItem('raw')} ms/item · n8n helper client (context) ${perItem('helper')} ms/item`,
		ratio: `CPU ${xSpread(ratio('ours', 'cpuMs'))} raw · wall ${xSpread(ratio('ours', 'ms'))} · n8n helper client CPU ${xSpread(ratio('helper', 'cpuMs'))} raw`,
		goal: 'context for the row below',
		changed: `median of ${rounds.length} rounds [min–max] (was the best of 2)`,
	};
}

function realN8nRow(create, n8nVersion) {
	const { items, pairs } = create;
	const wall = spread(pairs.map((pair) => pair.ours.ms / pair.http.ms));
	const hasCpu = pairs.every((pair) => pair.ours.cpuMs !== undefined && pair.http.cpuMs !== undefined);
	const cpu = hasCpu ? spread(pairs.map((pair) => pair.ours.cpuMs / pair.http.cpuMs)) : undefined;
	const perItem = (key, field) => (median(pairs.map((pair) => pair[key][field])) / items).toFixed(2);
	const failed = (key) => Math.max(...pairs.map((pair) => pair[key].failed));
	return {
		section: '3 per item',
		client: `FluentCRM node, sequential (real n8n ${n8nVersion})`,
		case: `create ${int(items)} contacts`,
		measured: `${secs(median(pairs.map((pair) => pair.ours.ms)))} · ${perItem('ours', 'ms')} ms/item${hasCpu ? ` (n8n CPU ${perItem('ours', 'cpuMs')})` : ''} · ${int(failed('ours'))} failed`,
		reference: `HTTP Request node, parallel items: ${perItem('http', 'ms')} ms/item${hasCpu ? ` (n8n CPU ${perItem('http', 'cpuMs')})` : ''} · ${int(failed('http'))} failed`,
		ratio: `${cpu ? `n8n CPU ${xSpread(cpu)} · ` : ''}wall ${xSpread(wall)} HTTP Request node`,
		goal: [cpu ? judge(cpu, 1, 'CPU') : undefined, judge(wall, 1, 'wall')].filter(Boolean).join(' · '),
		changed: `median of ${pairs.length} back-to-back pairs [min–max] (was the best of 3)`,
	};
}

export function createRows(results, notRun) {
	const rows = [];
	const create = results.sections.create;
	rows.push(create?.rounds ? inProcessRow(create) : notRun('3 per item', 'in-process', 'create'));
	const n8n = results.sections.n8n;
	if (n8n?.create?.pairs) rows.push(realN8nRow(n8n.create, n8n.n8nVersion));
	else if (!n8n) rows.push(notRun('3 per item', 'real n8n', 'n8n'));
	return rows;
}
