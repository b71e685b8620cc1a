'use strict';
// FluentCRM emulator entry point. Standalone: `node test/emulators/fluentcrm.js --port 8080 --seed-contacts 20`
// (flags map to startFluentCrm options: --sub-path /blog, --companies-module, --plain-http-production,
// --plain-permalinks, --no-theme, --seed 7).

const { runStandalone } = require('./common');
const { startFluentCrm } = require('./fluentcrm/index');

module.exports = { startFluentCrm };

if (require.main === module) {
	runStandalone(startFluentCrm).catch((error) => {
		console.error(error);
		process.exit(1);
	});
}
