'use strict';
// Control routes under /__emulator/nexudus/… for the e2e tier and benchmarks (other processes).
// The generic ones (/__emulator/state, /requests, /reset-log, /faults) come from common.js.

const { byTable, serialize, tableForAction } = require('./entities');
const { actionNumber } = require('./webhooks');
const { WEBHOOK_ACTIONS } = require('./sys');

const PREFIX = '/__emulator/nexudus';

// Builds the delivery body for a control-route delivery: rawBody > payload > recordId > a sample record.
function deliveryBody(emu, body, action, businessId) {
	if (typeof body.rawBody === 'string') return { raw: body.rawBody };
	if (body.payload !== undefined) return { raw: JSON.stringify(Array.isArray(body.payload) ? body.payload : [body.payload]) };
	const table = body.table || tableForAction(action);
	const entity = table && byTable.get(table);
	if (!entity) return { error: `no payload given and action ${action} has no emulated entity; pass payload or rawBody` };
	const rows = emu.store.state[table];
	const record = body.recordId !== undefined ? emu.store.find(table, body.recordId) : rows.find((r) => !businessId || !entity.businessesOf || entity.businessesOf(r, emu.handlerContext()).includes(businessId)) || rows[0];
	if (!record) return { error: `no ${table} record to send` };
	return { raw: JSON.stringify([serialize(entity, record, emu.handlerContext())]) };
}

// body: { webhookId } or { action (number or name), businessId? }, plus payload | rawBody | recordId,
// tamper (wrong signature), secret (override; null = unsigned). Explicit webhookId ignores Active.
async function deliver(emu, body = {}) {
	let targets;
	let action;
	if (body.webhookId !== undefined) {
		const hook = emu.store.find('webhooks', body.webhookId);
		if (!hook) return { status: 404, body: { error: `webhook ${body.webhookId} not found` } };
		targets = [hook];
		action = hook.Action;
	} else {
		action = actionNumber(body.action);
		if (!action || !WEBHOOK_ACTIONS[action]) return { status: 400, body: { error: 'pass webhookId or a valid action (number or eWebhookAction name)' } };
		targets = emu.hooks.matching(action, body.businessId !== undefined ? [Number(body.businessId)] : null);
	}
	const businessId = body.businessId !== undefined ? Number(body.businessId) : targets[0] && targets[0].BusinessId;
	const built = deliveryBody(emu, body, action, businessId);
	if (built.error) return { status: 400, body: { error: built.error } };
	const options = { tamper: Boolean(body.tamper), ...(body.secret !== undefined ? { secret: body.secret } : {}) };
	const deliveries = await Promise.all(targets.map((hook) => emu.hooks.deliverTo(hook, built.raw, options)));
	return { status: 200, body: { action, actionName: WEBHOOK_ACTIONS[action], deliveries } };
}

function createControlHandler(emu) {
	const routes = {
		'GET /state': () => ({ state: emu.store.state, config: emu.config, counters: emu.server.counters }),
		'GET /counters': () => emu.server.counters,
		'POST /counters/reset': () => (emu.resetCounters(), emu.server.counters),
		'GET /config': () => emu.config,
		'POST /config': (json) => emu.configure(json || {}),
		'POST /seed': (json) => emu.seed(json || {}),
		'POST /reset': (json) => emu.reset(json || {}),
		'POST /users': (json) => emu.addUser(json || {}),
		'GET /deliveries': () => emu.store.state.deliveries,
		'POST /webhooks/flush': async () => (await emu.flushWebhooks(), { deliveries: emu.store.state.deliveries.length }),
		'POST /rate-limit/reset': () => (emu.resetRateLimits(), { ok: true }),
		'POST /clock': (json) => emu.advanceClock(Number((json && json.advanceSeconds) || 0) * 1000),
	};

	return async function controlHandler(req, ctx) {
		const path = ctx.url.pathname;
		if (!path.startsWith(`${PREFIX}/`)) return false;
		const key = `${req.method} ${path.slice(PREFIX.length)}`;
		if (key === 'POST /webhooks/deliver') {
			const result = await deliver(emu, ctx.json || {});
			ctx.sendJson(result.status, result.body);
			return true;
		}
		const route = routes[key];
		if (!route) return false;
		ctx.sendJson(200, await route(ctx.json));
		return true;
	};
}

module.exports = { createControlHandler, deliver };
