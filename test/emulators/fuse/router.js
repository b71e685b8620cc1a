'use strict';
// Route table for paths relative to /api/<version>. `{id}` matches digits only; like Rails, an
// unmatched method on a known path is simply "no route" (404), and a trailing slash is tolerated.

function compile(path) {
	const source = path.replace(/[.+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, '(?<$1>\\d+)');
	return new RegExp(`^${source}/?$`);
}

function createRouter() {
	const routes = [];

	// options: { auth: 'token' | 'none', admin: bool, versions: 'current' | 'legacy' | 'any',
	//            enabled: (config) => bool }
	function add(method, path, handler, options = {}) {
		routes.push({ method, path, pattern: compile(path), handler, auth: options.auth || 'token', admin: Boolean(options.admin), versions: options.versions || 'any', enabled: options.enabled || (() => true) });
	}

	function match(method, path, { kind, version, config }) {
		for (const route of routes) {
			if (route.method !== method) continue;
			if (route.versions !== 'any' && route.versions !== kind && !(route.versions === 'session' && (kind === 'current' || config.legacySessionVersions.includes(version)))) continue;
			if (!route.enabled(config)) continue;
			const m = route.pattern.exec(path);
			if (m) return { route, params: { ...m.groups } };
		}
		return undefined;
	}

	return { add, match, routes };
}

module.exports = { createRouter };
