'use strict';
// CRM Platform emulator (Strapi 3.0.x `crm-plugin` + users-permissions), as the real
// plugin behaves (documented and observed answers). Implementation: test/emulators/crmplatform/.
//
// Standalone: `node test/emulators/crmplatform.js --port 8080 --seed-contacts 1000 --token-ttl-seconds 60`
// prints `READY <url>` (plus ` site=<url><subPath>` with --sub-path /strapi).
//
// startCrmPlatform(options) → the common server object ({ url, siteUrl, port, requests, counters, faults,
// injectFault, resetLog, stop }) plus state (tables), store, permissions, config (mutable), clock, now(),
// outbox, destructiveCalls and helpers: issueToken(userId), expireTokens(userId?), rotateSecret(secret?),
// advanceClock(seconds), seed({ contacts, tags, activities, geo, activityTypes }), reset(), tableCounts(),
// setPermissions(roleType, { grant, revoke }), addUser(user), updateUser(id, patch), deleteUser(id), resetCounters().
//
// Options: port, host, subPath, now (clock function), seed (RNG seed, default 1), users, permissions,
//   seedContacts (25), seedActivities (10), seedTags (5), seedGeo (true), seedActivityTypes (true),
//   and the config keys: tokenTtlSeconds (2592000), singleSession (false), jwtSecret, emailConfirmation (false),
//   allowRegister (false), database ('mysql' | 'postgres' | 'sqlite'), boomDataCopy (true), nodeErrorStyle ('legacy' | 'modern'),
//   updateMovesRow (true), rateLimit ({ everyN, status, retryAfter } | null; CLI: --rate-limit-every-n N).
//
// Default users (password): demo (demo123, Authenticated), viewer (viewer123, read-only "CRM Viewer" role),
//   blocked.user (blocked123, blocked), unconfirmed (unconfirmed123, unconfirmed), sso.user (no local password).
//
// Control routes (besides common's /__emulator/state, /requests, /reset-log, /faults):
//   GET  /__emulator/crmplatform/state           config, counters, clock, permissions, tables, outbox, destructiveCalls
//   GET  /__emulator/crmplatform/counters        counters + row counts per table
//   GET|POST /__emulator/crmplatform/config      read / merge config keys
//   POST /__emulator/crmplatform/expire-tokens   { userId? } revoke every issued token (or one user's) now
//   POST /__emulator/crmplatform/rotate-secret   { secret? } every token signed before → 401
//   POST /__emulator/crmplatform/clock           { advanceSeconds? , offsetSeconds? }
//   POST /__emulator/crmplatform/seed            { contacts, tags, activities, geo, activityTypes } → row counts
//   POST /__emulator/crmplatform/reset           rebuild the data from the start options
//   POST /__emulator/crmplatform/permissions     { role, grant: [...], revoke: [...] } e.g. 'crm-plugin.contact.create'
//   POST /__emulator/crmplatform/users           create a user; POST /users/:id patch (blocked, confirmed, role, password); DELETE /users/:id
//   POST /__emulator/crmplatform/token           { userId } → { jwt } without a login
//   POST /__emulator/crmplatform/reset-counters

const { runStandalone } = require('./common');
const { startCrmPlatform } = require('./crmplatform/index');

module.exports = { startCrmPlatform };

if (require.main === module) {
	runStandalone(startCrmPlatform).catch((error) => {
		console.error(error);
		process.exit(1);
	});
}
