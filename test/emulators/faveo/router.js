'use strict';
// Laravel route table: exact paths (the router ignores a trailing slash), HEAD served by GET,
// a known path with another method → 405, anything else under /api → 404.

function createRouter() {
	const routes = new Map(); // path → { METHOD: entry }

	// options: { auth: JWT guard (default true), throttle (default true), apiKey (default true) }
	function add(method, path, handler, options = {}) {
		if (!routes.has(path)) routes.set(path, {});
		routes.get(path)[method] = { method, path, handler, auth: options.auth !== false, throttle: options.throttle !== false, apiKey: options.apiKey !== false };
	}

	function match(method, path) {
		const methods = routes.get(path.replace(/\/+$/, '') || '/');
		if (!methods) return { status: 404 };
		const entry = methods[method === 'HEAD' ? 'GET' : method];
		return entry ? { status: 200, entry } : { status: 405, allowed: Object.keys(methods) };
	}

	return { add, match, routes };
}

module.exports = { createRouter };
