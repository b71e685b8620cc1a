'use strict';
// commands: GET …/commands lists them, POST …/runcommand runs one. The run body is
// [uncertain] in the reference; harsher: exactly `{"Key":"…","Ids":[…],"Parameters":[…]}` is read.
// Every refusal is: HTTP 200 with WasSuccessful:false.

const { ok, actionOk, businessFailure } = require('./replies');

// options: { one, two, multiple, needsEntities (default true), order, patch, stampField, sideEffect }
function command(key, name, options = {}) {
	return { key, name, ...options };
}

function describe(cmd, index) {
	return {
		Key: cmd.key,
		Name: cmd.name,
		NeedsEntitiesToRun: cmd.needsEntities !== false,
		AppliesOnlyToOneEntity: Boolean(cmd.one),
		AppliesOnlyToMultipleEntities: Boolean(cmd.multiple),
		AppliesOnlyToTwoEntities: Boolean(cmd.two),
		Order: cmd.order || index + 1,
		RequiresParameters: [],
	};
}

const listCommands = (entity) => ok((entity.commands || []).map(describe));

function runCommand(entity, body, ctx) {
	if (!body || typeof body !== 'object' || Array.isArray(body)) return businessFailure('The command request is not valid.');
	const cmd = (entity.commands || []).find((c) => c.key === body.Key);
	if (!cmd) return businessFailure(`The command '${body.Key === undefined ? '' : body.Key}' is not available for ${entity.label}.`);
	const rawIds = body.Ids === undefined || body.Ids === null ? [] : body.Ids;
	if (!Array.isArray(rawIds) || rawIds.some((id) => !/^\d+$/.test(String(id)))) return businessFailure('The command request is not valid.');
	const ids = rawIds.map(Number);
	if (cmd.needsEntities !== false && ids.length === 0) return businessFailure('This command needs at least one record to run.');
	if (cmd.one && ids.length !== 1) return businessFailure('This command can only be run on one record.');
	if (cmd.two && ids.length !== 2) return businessFailure('This command can only be run on two records.');
	if (cmd.multiple && ids.length < 2) return businessFailure('This command can only be run on several records.');
	const records = ids.map((id) => ctx.store.find(entity.table, id));
	if (records.some((r) => !r)) return businessFailure('One or more records could not be found.');

	for (const record of records) {
		if (cmd.patch) ctx.applyPatch(entity, record, cmd.stampField ? { ...cmd.patch, [cmd.stampField]: ctx.store.stamp() } : cmd.patch);
		if (cmd.sideEffect) ctx.recordSideEffect(cmd.sideEffect, { entity: entity.entity, id: record.Id, command: cmd.key });
	}
	return actionOk({ message: `${cmd.name} was run successfully.`, value: null, updatedOn: ctx.store.stamp(), updatedBy: ctx.user.Email });
}

module.exports = { command, listCommands, runCommand };
