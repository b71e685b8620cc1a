'use strict';
// Route table for the REST routes. `{id}` segments match digits only (as in FluentCRM);
// `{name:slug}` matches a word; a trailing `*` matches anything.

const ANY_METHOD = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

function compilePattern(path) {
	const source = path
		.replace(/[.+?^$()|[\]\\]/g, '\\$&')
		.replace(/\{(\w+):slug\}/g, '(?<$1>[\\w-]+)')
		.replace(/\{(\w+)\}/g, '(?<$1>\\d+)')
		.replace(/\*$/, '(?<rest>.*)');
	return new RegExp(`^${source}$`);
}

function createRouter() {
	const routes = [];

	// options: { permission: 'crm'|'companies'|'core'|'public', destructive: bool }
	function add(methods, path, handler, options = {}) {
		const list = methods === '*' ? ANY_METHOD : [].concat(methods);
		let route = routes.find((r) => r.path === path);
		if (!route) routes.push((route = { path, pattern: compilePattern(path), handlers: {} }));
		for (const method of list) route.handlers[method] = { handler, permission: options.permission || 'crm', destructive: Boolean(options.destructive) };
	}

	// First route whose pattern matches wins, like WordPress' registration order.
	function match(method, routePath) {
		for (const route of routes) {
			const m = route.pattern.exec(routePath);
			if (!m) continue;
			const allowed = Object.keys(route.handlers);
			const entry = route.handlers[method];
			return { path: route.path, params: { ...m.groups }, allowed, entry, handlers: route.handlers };
		}
		return undefined;
	}

	return { add, match, routes };
}

module.exports = { createRouter };
