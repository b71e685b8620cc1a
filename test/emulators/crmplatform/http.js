'use strict';
// The Koa layer around the routes: body parsing (koa-body), route table (koa-router), replies with
// Strapi's headers, the empty-body → 404 rule and the mapping of thrown errors.

const { HttpError, ControllerError, boom, badRequestBody, notFound, internal } = require('./errors');
const { parseQuery } = require('./query');

const PARSED_METHODS = ['POST', 'PUT', 'PATCH']; // koa-body default
const JSON_TYPES = /^application\/(?:json|[\w.+-]+\+json|csp-report)\b/i;

// koa-body: JSON (strict: object or array), urlencoded (qs), text → string, anything else → {}.
function parseBody(method, headers, raw) {
	if (!PARSED_METHODS.includes(method)) return {};
	const type = String(headers['content-type'] || '');
	if (JSON_TYPES.test(type)) {
		if (!raw.trim()) return {};
		if (!/^\s*[{[]/.test(raw)) throw new HttpError(400, boom(400, 'invalid JSON, only supports object and array'));
		try {
			return JSON.parse(raw);
		} catch (error) {
			throw new HttpError(400, boom(400, error.message)); // not in the reference: koa-body's parse error via Boom
		}
	}
	if (/^application\/x-www-form-urlencoded/i.test(type)) return parseQuery(new URLSearchParams(raw));
	if (/^text\//i.test(type)) return raw;
	return {};
}

// Reply marker for handlers that need something other than "JSON body, 200".
class Reply {
	constructor(status, kind, body, headers = {}) {
		Object.assign(this, { status, kind, body, headers });
	}
}
const textReply = (text) => new Reply(200, 'text', text); // ctx.send("…") → 200 text/plain
const jsonReply = (status, body) => new Reply(status, 'json', body);
const redirectReply = (location) => new Reply(302, 'redirect', `Redirecting to ${location}.`, { Location: location });

function createRouter() {
	const routes = [];
	// options: { action: permission key, public: true (no policy), destructive: true }
	function add(method, path, handler, options = {}) {
		const source = path.replace(/[.+?^$()|[\]\\]/g, '\\$&').replace(/:(\w+)/g, '(?<$1>[^/]+)');
		routes.push({ method, path, pattern: new RegExp(`^${source}/?$`), handler, ...options });
	}
	function match(method, path) {
		for (const route of routes) {
			if (route.method !== method) continue;
			const m = route.pattern.exec(path);
			if (!m) continue;
			const params = {};
			for (const [k, v] of Object.entries(m.groups || {})) {
				try {
					params[k] = decodeURIComponent(v);
				} catch {
					params[k] = v;
				}
			}
			return { route, params };
		}
		return undefined;
	}
	return { add, match, routes };
}

function strapiHeaders(startedAt) {
	return { 'X-Powered-By': 'Strapi <strapi.io>', Vary: 'Origin', 'X-Frame-Options': 'SAMEORIGIN', 'X-XSS-Protection': '1; mode=block', 'X-Response-Time': `${Date.now() - startedAt}ms` };
}

// Turns a handler result or error into { status, kind, body, headers }.
function toReply(result, error, { config, pluginRoute }) {
	if (error) {
		if (error instanceof HttpError) return error.kind === 'text' ? new Reply(error.status, 'text', error.body) : jsonReply(error.status, error.body);
		if (error instanceof ControllerError && pluginRoute) return jsonReply(400, badRequestBody(error.message, config));
		if (error instanceof ControllerError) return jsonReply(500, boom(500, 'An internal server error occurred'));
		console.error('[crmplatform] handler crashed (answered 500):', error);
		return jsonReply(500, internal().body);
	}
	if (result instanceof Reply) return result;
	// An empty body (null/undefined/'') is a 404, a bare 0 is not.
	if (result === null || result === undefined || result === '') return toReply(undefined, notFound(), { config, pluginRoute });
	return jsonReply(200, result);
}

function send(ctx, reply, startedAt) {
	const headers = { ...strapiHeaders(startedAt), ...reply.headers };
	if (reply.kind === 'text' || reply.kind === 'redirect') return ctx.send(reply.status, String(reply.body), { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
	return ctx.send(reply.status, JSON.stringify(reply.body), { 'Content-Type': 'application/json; charset=utf-8', ...headers });
}

module.exports = { parseBody, createRouter, Reply, textReply, jsonReply, redirectReply, toReply, send, strapiHeaders };
