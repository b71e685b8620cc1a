'use strict';
// A long-lived measured process: `node --expose-gc bench/inprocess/worker.cjs <module>` (BENCH_HOST set).
// bench/sections/*.mjs send { id, cmd: 'prepare', args: [options] } once — the module's `prepare(options)`
// returns a session object — then { id, cmd: <session method>, args } as often as it likes; each
// answer is { id, ok, value | error }. Used to interleave the measured clients round by round.

require('../lib/register.cjs');

const mod = require(`./${process.argv[2]}`);
let session;

process.on('message', async ({ id, cmd, args = [] }) => {
	try {
		let value;
		if (cmd === 'prepare') {
			session = await mod.prepare(...args);
			value = null;
		} else {
			if (!session || typeof session[cmd] !== 'function') throw new Error(`unknown worker command ${cmd}`);
			value = (await session[cmd](...args)) ?? null;
		}
		process.send({ id, ok: true, value });
	} catch (error) {
		process.send({ id, ok: false, error: error.stack || String(error) });
	}
});
process.on('disconnect', () => process.exit(0));
process.send({ ready: true });
