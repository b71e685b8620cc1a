'use strict';
// Nexudus emulator entry point. Standalone: `node test/emulators/nexudus.js --port 8080 --seed-coworkers 1000`
// (flags map to startNexudus options: --rate-limit off, --min-interval-ms 0, --requests-per-minute 600,
// --writes-per-minute 600, --retry-after-seconds 1, --shared-secret s3cret, --allow-coworker-delete, --seed 7).

const { runStandalone } = require('./common');
const { startNexudus } = require('./nexudus/index');

module.exports = { startNexudus };

if (require.main === module) {
	runStandalone(startNexudus).catch((error) => {
		console.error(error);
		process.exit(1);
	});
}
