'use strict';
// Fuse Universal emulator entry point. Standalone:
//   node test/emulators/fuse.js --port 8080 --seed-users 50 --single-session --token-ttl-seconds 60
// (flags map to startFuse options; see fuse/config.js and fuse/README.md for every switch).

const { runStandalone } = require('./common');
const { startFuse } = require('./fuse/index');

module.exports = { startFuse };

if (require.main === module) {
	runStandalone(startFuse).catch((error) => {
		console.error(error);
		process.exit(1);
	});
}
