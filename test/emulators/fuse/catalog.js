'use strict';
// GET /roles and GET /custom_options. Listed in the "Manage Users endpoint (admin only)" table,
// so admin-only here [uncertain, harsher]. Shapes keyed by resource name.

const { ok } = require('./errors');

const listRoles = (r) => ok({ roles: r.store.state.roles.map((role) => ({ ...role })) });

// The drop-down options of custom profile fields; `name` is the case-sensitive label used in `profile`.
const listCustomOptions = (r) =>
	ok({ custom_options: r.store.state.customFields.filter((f) => f.options).map((f) => ({ id: f.id, name: f.label, field_type: f.type, options: [...f.options] })) });

function registerCatalogRoutes(router) {
	router.add('GET', '/roles', listRoles, { admin: true });
	router.add('GET', '/custom_options', listCustomOptions, { admin: true });
}

module.exports = { registerCatalogRoutes };
