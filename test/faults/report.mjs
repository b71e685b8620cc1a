#!/usr/bin/env node
// Prints the fault matrix the jest suites in this folder wrote to results/*.json: one row per
// operation, one column per fault; a cell is "passed/cases" over the fault's positions (first
// request, the write, page 2 of 3), with D = correct data after retries, E = clear error, N = "not
// found" where the fault is byte for byte the provider's documented not-found answer.
// Exits non-zero when any case ended silently (other data, fewer records) or misleadingly.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const folder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results');
const files = fs.existsSync(folder) ? fs.readdirSync(folder).filter((name) => name.endsWith('.json')).sort() : [];
if (!files.length) {
	process.stdout.write('no fault-matrix results: run the suites first (npm run test:faults)\n');
	process.exit(1);
}

const FAULTS = ['malformed JSON 200', 'HTML 200', 'empty 200', 'HTML 502 once', 'HTML 502 always', 'connection reset', 'slow past timeout'];
const rows = [];
const totals = { data: 0, error: 0, documented: 0, silent: 0, misleading: 0 };
const LETTER = { data: 'D', error: 'E', documented: 'N' };
for (const file of files) {
	const provider = path.basename(file, '.json');
	const results = JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8'));
	const operations = [...new Set(results.map((result) => result.operation))];
	for (const operation of operations) {
		const cells = FAULTS.map((fault) => {
			const cases = results.filter((result) => result.operation === operation && result.fault === fault);
			for (const result of cases) totals[result.outcome] = (totals[result.outcome] ?? 0) + 1;
			const passed = cases.filter((result) => LETTER[result.outcome]);
			const kinds = [...new Set(passed.map((result) => LETTER[result.outcome]))].sort().join('');
			const bad = cases.length - passed.length;
			return `${passed.length}/${cases.length} ${kinds}${bad ? ' ✗' : ''}`;
		});
		rows.push([`${provider} ${operation}`, ...cells]);
	}
}

const header = ['operation', ...FAULTS];
const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
const line = (cells) => `| ${cells.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
process.stdout.write(`${line(header)}\n${line(widths.map((width) => '-'.repeat(width)))}\n${rows.map(line).join('\n')}\n`);
const cases = Object.values(totals).reduce((sum, count) => sum + count, 0);
process.stdout.write(
	`\n${rows.length} operations, ${cases} cases: ${totals.data} correct data after retries, ${totals.error} clear errors, ${totals.documented} documented not-found answers, ${totals.silent} silent, ${totals.misleading} misleading\n`,
);
process.exit(totals.silent + totals.misleading > 0 ? 1 : 0);
