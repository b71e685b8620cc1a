'use strict';
// Entry of one measured in-process run: `node --expose-gc bench/inprocess/main.cjs <section> <out.json> [options-json]`.
// <section> is a module of this folder with a `run(options)` (logins, pacing); the result is
// written to <out.json>. BENCH_HOST must point at the emulator host (bench/run.mjs sets it).

require('../lib/register.cjs');
const fs = require('node:fs');

const [section, outFile, optionsJson = '{}'] = process.argv.slice(2);

require(`./${section}`)
	.run(JSON.parse(optionsJson))
	.then((result) => {
		fs.writeFileSync(outFile, JSON.stringify(result, null, 2));
		process.exit(0); // n8n-core may keep timers alive
	})
	.catch((error) => {
		process.stderr.write(`${error.stack || error}\n`);
		process.exit(1);
	});
