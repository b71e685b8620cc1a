'use strict';
// Faveo Helpdesk emulator entry point. Standalone:
//   node test/emulators/faveo.js --port 8080 --sub-path /faveo/public --seed-tickets 30 --version 1.9
// (flags map to startFaveo options: --token-ttl-seconds 5, --single-session, --enforce-api-key,
//  --rate-limit 60 --rate-limit-window-seconds 60, --strip-authorization, --webhook-url http://…).

const { runStandalone } = require('./common');
const { startFaveo } = require('./faveo/index');

module.exports = { startFaveo };

if (require.main === module) {
	runStandalone(startFaveo).catch((error) => {
		console.error(error);
		process.exit(1);
	});
}
