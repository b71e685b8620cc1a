'use strict';
// The tiny runner every emulator self-test uses: named checks, failures printed, and the closing
// "N passed, M failed" line (exit code 1 on any failure).

function createChecks() {
	const results = { passed: 0, failed: 0 };
	async function check(name, fn) {
		try {
			await fn();
			results.passed += 1;
		} catch (error) {
			results.failed += 1;
			console.error(`FAIL ${name}\n  ${String(error.stack).split('\n').filter((line) => !line.includes('node:')).slice(0, 6).join('\n  ')}`);
		}
	}
	function report() {
		console.log(`${results.passed} passed, ${results.failed} failed`);
		process.exitCode = results.failed ? 1 : 0;
	}
	return { check, report, results };
}

module.exports = { createChecks };
