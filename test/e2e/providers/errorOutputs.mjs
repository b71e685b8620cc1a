// Where failed items land, for every node, in both of n8n's "On Error → Continue" modes: with
// "Continue (using error output)" the failed item must come out of the error output (n8n moves an
// item there only when its json is { error } or { error, message } in 1.x, and holds nothing but
// error/message/details in 2.x), with "Continue" it comes
// out of the normal output in its place. Each run gets three items: a record, a missing one, a record.
// Uses the other providers' emulators and "good" credentials.

import assert from 'node:assert/strict';

import { N8n } from '../lib/n8n.mjs';
import { stableUuid } from '../lib/util.mjs';
import { codeNode, credentialRef } from '../lib/workflow.mjs';

const PACKAGE = 'n8n-nodes-crm-bridge';
const MISSING = 987654;

/** One Get operation per node, its credential, and how to find two records that exist. */
const NODES = [
	{
		provider: 'FluentCRM',
		type: 'fluentCrm',
		credential: { id: 'e2eFluentGood0001', name: 'FluentCRM e2e', type: 'fluentCrmApi' },
		parameters: { resource: 'contact', operation: 'get', contact: { __rl: true, mode: 'id', value: '={{ $json.id }}' } },
		idsOf: async (emulators) => (await emulators.fluentcrm.control('GET', 'fluentcrm/data')).state.contacts.map((row) => row.id),
	},
	{
		provider: 'CRM Platform',
		type: 'crmPlatform',
		credential: { id: 'e2eCrmGood0000001', name: 'CRM Platform e2e', type: 'crmPlatformApi' },
		parameters: { authentication: 'credentials', resource: 'contact', operation: 'get', id: '={{ $json.id }}' },
		idsOf: async (emulators) => (await emulators.crmplatform.control('GET', 'crmplatform/state')).tables.contact.map((row) => row.id),
	},
	{
		provider: 'Fuse Universal',
		type: 'fuseUniversal',
		credential: { id: 'e2eFuseGood000001', name: 'Fuse e2e', type: 'fuseUniversalApi' },
		parameters: { resource: 'user', operation: 'get', userId: '={{ $json.id }}' },
		idsOf: async (emulators) => (await emulators.fuse.control('GET', 'fuse/state')).state.users.filter((user) => user.active !== false).map((user) => user.id),
	},
	{
		provider: 'Faveo Helpdesk',
		type: 'faveoHelpdesk',
		credential: { id: 'e2eFaveoGood00001', name: 'Faveo e2e', type: 'faveoHelpdeskApi' },
		parameters: { resource: 'ticket', operation: 'get', ticketId: '={{ $json.id }}' },
		idsOf: async (emulators) => (await emulators.faveo.control('GET', 'faveo/state')).state.tickets.map((ticket) => ticket.id),
	},
	{
		provider: 'Nexudus',
		type: 'nexudus',
		credential: { id: 'e2eNexudusGood001', name: 'Nexudus e2e', type: 'nexudusApi' },
		parameters: { resource: 'coworker', operation: 'get', id: '={{ $json.id }}' },
		idsOf: async (emulators) => (await emulators.nexudus.control('GET', 'nexudus/state')).state.coworkers.map((row) => row.Id),
	},
];

const MODES = [
	{ mode: 'continueErrorOutput', label: 'error output' },
	{ mode: 'continueRegularOutput', label: 'Continue On Fail' },
];

const workflowId = (node, mode) => `e2eErr${node.type.slice(0, 8)}${mode === 'continueErrorOutput' ? 'Out' : 'Reg'}`;
const webhookPath = (node, mode) => `e2e-errors-${node.type}-${mode}`;

/** Webhook (answers at once) → Items → the node, both of its outputs wired to a Code node each. */
function errorWorkflow(node, mode) {
	const id = workflowId(node, mode);
	const at = (name, index, extra) => ({ id: stableUuid(`${id}/${name}`), name, position: [240 * index, 0], ...extra });
	const nodes = [
		at('Webhook', 0, {
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			webhookId: stableUuid(`${id}/webhookId`),
			parameters: { httpMethod: 'POST', path: webhookPath(node, mode), responseMode: 'onReceived', options: {} },
		}),
		at('Items', 1, codeNode('Items', "return $input.first().json.body.ids.map((id, index) => ({ json: { id: String(id), label: 'input-' + index } }));")),
		at('Node', 2, { type: `${PACKAGE}.${node.type}`, typeVersion: 1, parameters: node.parameters, credentials: credentialRef(node.credential), onError: mode }),
		at('Succeeded', 3, codeNode('Succeeded', 'return $input.all();')),
		at('Failed', 3, codeNode('Failed', 'return $input.all();')),
	];
	const main = (target) => [{ node: target, type: 'main', index: 0 }];
	const connections = {
		Webhook: { main: [main('Items')] },
		Items: { main: [main('Node')] },
		Node: { main: mode === 'continueErrorOutput' ? [main('Succeeded'), main('Failed')] : [main('Succeeded')] },
	};
	return {
		id,
		name: `e2e ${node.provider} failed items (${mode})`,
		active: false,
		nodes,
		connections,
		settings: { executionOrder: 'v1', saveDataSuccessExecution: 'all', saveDataErrorExecution: 'all' },
		pinData: {},
		meta: { e2e: true, webhookPath: webhookPath(node, mode), activate: true },
	};
}

const pairs = (items) => items.map((item) => (Array.isArray(item.pairedItem) ? item.pairedItem[0] : item.pairedItem)?.item);

function check(node, { mode, label }) {
	return {
		name: `${node.provider}: a failed item comes out where "${label}" puts it, paired with its input`,
		async run({ n8n, emulators }) {
			const [first, second] = await node.idsOf(emulators);
			const id = workflowId(node, mode);
			const before = (await n8n.executions(id)).length;
			const response = await n8n.webhook(webhookPath(node, mode), { ids: [first, MISSING, second] });
			assert.equal(response.status, 200, `webhook answered ${response.status}: ${response.text.slice(0, 200)}`);
			const executions = await n8n.waitForExecutions(id, before + 1);
			const execution = await n8n.execution(executions[executions.length - 1].id);
			assert.equal(execution.status, 'success', `execution ${execution.id} ended ${execution.status}`);
			const run = execution.data.resultData.runData.Node[0];
			const [ok = [], failed = []] = run.data.main;
			if (mode === 'continueErrorOutput') {
				assert.deepEqual(pairs(ok), [0, 2], `success output paired with ${JSON.stringify(pairs(ok))}`);
				assert.equal(failed.length, 1, `error output holds ${failed.length} item(s): ${JSON.stringify(failed).slice(0, 300)}`);
				assert.deepEqual(pairs(failed), [1]);
				assert.match(String(failed[0].json.error), /not found/i, JSON.stringify(failed[0].json).slice(0, 300));
				assert.equal(N8n.nodeOutput(execution, 'Failed')?.[0]?.length, 1, 'the Failed branch did not run on the failed item');
				return `success output: items ${pairs(ok).join(', ')}; error output: item 1 — ${failed[0].json.error}`;
			}
			assert.deepEqual(pairs(ok), [0, 1, 2], `output paired with ${JSON.stringify(pairs(ok))}`);
			assert.equal(ok[0].json.error, undefined);
			assert.match(String(ok[1].json.error), /not found/i, JSON.stringify(ok[1].json).slice(0, 300));
			assert.deepEqual(Object.keys(ok[1].json).sort(), ['error', 'message'], `error item keys: ${Object.keys(ok[1].json).join(', ')}`);
			return `items 0 and 2 with data, item 1: ${ok[1].json.error}`;
		},
	};
}

export default {
	name: 'Failed items (error output and Continue On Fail)',
	emulators: [],
	credentials: () => [],
	workflows: () => NODES.flatMap((node) => MODES.map(({ mode }) => errorWorkflow(node, mode))),
	checks: NODES.flatMap((node) => MODES.map((mode) => check(node, mode))),
};
