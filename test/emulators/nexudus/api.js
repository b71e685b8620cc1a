'use strict';
// Request pipeline: throttle → route → method → authentication →
// role `{Entity}-{Action}` → body → handler. Paths are case-insensitive like ASP.NET routing.

const { byPath } = require('./entities');
const crud = require('./crud');
const { listRecords } = require('./query');
const { listCommands, runCommand } = require('./commands');
const R = require('./replies');
const { WEBHOOK_ACTIONS } = require('./sys');

// GET /api/utils/enums?name=eXxx. The reply shape is not documented: [{Id, Name}] is the
// emulator's own choice [uncertain].
const ENUMS = {
	eWebhookAction: WEBHOOK_ACTIONS,
	eCoworkerType: [null, 'Individual', 'Company'],
	eGender: ['None', 'NotSet', 'Male', 'Female', 'Other', 'RatherNotSay'],
	eTaxRateType: [null, 'Default', 'Reduced', 'Exempt'],
	eCheckinSource: ['None', 'Manual', 'DoorAccess', 'NetworkActivity', 'Tile', 'Sensor'],
};

function resolve(pathname) {
	const rel = pathname.replace(/^\/api\/?/i, '').replace(/\/+$/, '');
	const low = rel.toLowerCase();
	if (low === 'token') return { kind: 'token', base: '/api/token', allow: ['POST'] };
	if (low === 'utils/enums') return { kind: 'enums', base: '/api/utils/enums', allow: ['GET'] };
	const parts = rel.split('/');
	if (parts.length < 2 || parts.length > 3) return undefined;
	const entity = byPath.get(`${parts[0]}/${parts[1]}`.toLowerCase());
	if (!entity) return undefined;
	const can = (m) => entity.methods.includes(m);
	const base = `/api/${entity.path}`;
	const only = (pairs) => pairs.filter(([, allowed]) => allowed).map(([m]) => m);
	if (parts.length === 2) return { kind: 'collection', entity, base, allow: only([['GET', true], ['POST', can('create')], ['PUT', can('update')]]) };
	const segment = parts[2].toLowerCase();
	// PUT to /{id} is not the documented form (: collection URL) [uncertain] → harsher: 405.
	if (/^\d+$/.test(segment)) return { kind: 'item', entity, id: Number(segment), base: `${base}/{id}`, allow: only([['GET', can('get')], ['DELETE', can('delete')]]) };
	if (segment === 'commands') return { kind: 'commands', entity, base: `${base}/commands`, allow: ['GET'] };
	if (segment === 'runcommand') return { kind: 'runcommand', entity, base: `${base}/runcommand`, allow: ['POST'] };
	return undefined;
}

// `?id=[1,2,3]` (get many) as opposed to the `Id=` filter.
const idListParam = (params) => ([...params].find(([k, v]) => k.toLowerCase() === 'id' && /^\s*\[/.test(v)) || [])[1];

function roleAction(route, method, idList) {
	if (route.kind === 'collection') return method === 'POST' ? 'Create' : method === 'PUT' ? 'Edit' : idList !== undefined ? 'Read' : 'List';
	if (route.kind === 'item') return method === 'DELETE' ? 'Delete' : 'Read';
	return route.kind === 'runcommand' ? 'Edit' : 'List'; // command roles are not documented [uncertain]
}

const AUTH_FAILURE_COUNTERS = { anonymous: 'anonymousRequests', badCredentials: 'failedLogins', expired: 'failedLogins', twoFactor: 'twoFactorRefusals', noApiAccess: 'apiAccessDenied' };

// JSON body of POST/PUT: non-JSON media type → 415, unreadable JSON → 500 [both uncertain].
function readBody(req, ctx) {
	const type = String(req.headers['content-type'] || '');
	if (!/^(application\/([\w.+-]+\+)?json|text\/json)\b/i.test(type.trim())) return { reply: R.unsupportedMediaType(type.split(';')[0].trim()) };
	if (ctx.jsonMalformed || ctx.json === undefined) return { reply: R.serverError() };
	return { body: ctx.json };
}

async function handleApi(req, ctx, emu) {
	const { url } = ctx;
	const method = req.method;
	const { counters } = emu.server;
	if (!/^\/api(\/|$)/i.test(url.pathname)) return R.noResource(url.href);
	const route = resolve(url.pathname);
	ctx.setRoute(`${method} ${route ? route.base : '/api/(unknown)'}`);

	const throttle = emu.limiter.check(req, emu.clock()); // every request, authenticated or not
	if (throttle) return R.throttled(throttle.retryAfter);
	if (!route) return R.noResource(url.href);
	if (!route.allow.includes(method)) return R.methodNotAllowed(method, route.allow);
	if (route.kind === 'token') return emu.auth.tokenEndpoint(req, ctx);

	const auth = emu.auth.authenticate(req.headers);
	if (auth.failure) {
		counters[AUTH_FAILURE_COUNTERS[auth.failure]] += 1;
		if (auth.failure === 'twoFactor') counters.failedLogins += 1;
		return R.unauthorized(); // wrong login, no API access and missing role look the same
	}
	counters.logins += 1; // every Basic request is a login
	const user = auth.user;
	if (route.kind === 'enums') {
		const name = Object.keys(ENUMS).find((n) => n.toLowerCase() === String(url.searchParams.get('name') || '').toLowerCase());
		return name ? R.ok(ENUMS[name].map((label, id) => (label ? { Id: id, Name: label } : null)).filter(Boolean)) : R.notFound();
	}

	const { entity } = route;
	const idList = method === 'GET' && route.kind === 'collection' ? idListParam(url.searchParams) : undefined;
	if (!emu.auth.permits(user, `${entity.role}-${roleAction(route, method, idList)}`)) {
		counters.permissionDenied += 1;
		return R.unauthorized(); // no 403 in Nexudus
	}
	const hctx = emu.handlerContext(user);
	let body;
	if (method === 'POST' || method === 'PUT') {
		const read = readBody(req, ctx);
		if (read.reply) return read.reply;
		body = read.body;
	}
	switch (`${route.kind} ${method}`) {
		case 'collection GET':
			return idList !== undefined ? crud.getMany(entity, idList, hctx) : listRecords(entity, url.searchParams, hctx);
		case 'collection POST':
			return crud.create(entity, body, hctx);
		case 'collection PUT':
			return crud.update(entity, body, hctx);
		case 'item GET':
			return crud.getOne(entity, route.id, hctx);
		case 'item DELETE':
			return crud.remove(entity, route.id, hctx);
		case 'commands GET':
			return listCommands(entity);
		case 'runcommand POST':
			return runCommand(entity, body, hctx);
		default:
			return R.methodNotAllowed(method, route.allow);
	}
}

module.exports = { handleApi, resolve };
