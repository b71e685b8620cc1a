'use strict';
// Destructive/administrative endpoints (recorded by the router so tests can assert
// they were never called), documented routes that are not emulated, and the one
// WordPress core route used to tell "bad password" from "no FluentCRM access".

const { ok, reply } = require('./wp');

function resetDatabase(r) {
	const { state } = r.store;
	for (const table of ['contacts', 'tags', 'lists', 'pivots', 'notes', 'companies', 'webhooks', 'campaigns']) state[table] = [];
	state.customValues = {};
	return ok({ message: 'All FluentCRM Database Tables have been resetted', tables: [] });
}

const acknowledge = (message) => () => ok({ message });

// Documented routes this emulator does not model: a loud 501 rather than a fake shape.
const notEmulated = (r) => reply(501, { code: 'emulator_not_implemented', message: `${r.method} ${r.routePath} is documented but not emulated`, data: { status: 501 } });

function currentUser(r) {
	const { user, siteUrl } = r;
	return ok({ id: user.id, name: user.displayName, url: '', description: '', link: `${siteUrl}/author/${user.login}/`, slug: user.login, avatar_urls: {}, meta: [] });
}

function registerAdminRoutes(router) {
	const destructive = { destructive: true };
	const add = (methods, path, handler, options = destructive) => router.add(methods, `/fluent-crm/v2${path}`, handler, options);
	add('POST', '/setting/reset_db', resetDatabase);
	add('GET', '/setting/system-logs/reset', acknowledge('System logs have been reset'));
	add('GET', '/setting/activity-logs/reset', acknowledge('Activity logs have been reset'));
	add('PUT', '/setting', acknowledge('Settings has been updated'));
	add('PUT', '/setting/double-optin', acknowledge('Double Opt-in settings has been updated'));
	add(['POST', 'DELETE'], '/setting/rest-keys', acknowledge('REST API key has been updated'));
	add('POST', '/setting/install-{plugin:slug}', acknowledge('Plugin has been installed'));
	add('POST', '/setting/run_cron', acknowledge('Cron has been executed'));
	add('POST', '/setting/complete-installation', acknowledge('Installation has been completed'));
	add('DELETE', '/reports/emails', acknowledge('Selected emails has been deleted'));
	add('DELETE', '/subscribers/{id}/emails', acknowledge('Selected emails has been deleted'));
	add('*', '/import/*', acknowledge('Import request accepted'));
	add('*', '/migrators/*', acknowledge('Migrator request accepted'));
	add('*', '/public/bounce_handler/*', acknowledge('Bounce handled'));

	const plain = {};
	add('GET', '/setting', notEmulated, plain);
	add('GET', '/reports/dashboard-stats', notEmulated, plain);
	add('GET', '/reports/subscribers', notEmulated, plain);
	add('GET', '/users', notEmulated, plain);
	add('GET', '/users/roles', notEmulated, plain);
	add('GET', '/funnels/{id}/subscribers', notEmulated, plain);
	add('PUT', '/funnels/{id}/subscribers/{subscriber_id}/status', notEmulated, plain);
	add('GET', '/campaigns/{id}/overview_stats', notEmulated, plain);
	add('GET', '/campaigns/{id}/link-report', notEmulated, plain);
	add('GET', '/campaigns/{id}/unsubscribers', notEmulated, plain);
	add(['GET', 'POST'], '/companies/{id}/notes', notEmulated, { permission: 'companies' });

	router.add('GET', '/wp/v2/users/me', currentUser, { permission: 'core' });
}

module.exports = { registerAdminRoutes };
