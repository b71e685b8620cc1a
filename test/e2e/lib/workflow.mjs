// Builders for the workflow and credential JSON that `n8n import:*` reads.

import { stableUuid } from './util.mjs';

/**
 * A workflow started by a POST webhook at `/webhook/<path>`, with `nodes` wired in a chain after it.
 * `responseData: 'allEntries'` makes the webhook answer with every item of the last node (an array).
 * Node entries: { name, type, typeVersion, parameters, credentials?, onError?, ... }.
 */
export function webhookWorkflow({ id, name, path, nodes, responseData = 'allEntries', activate = true }) {
	if (id.length > 21) throw new Error(`workflow id ${id} is longer than 21 characters`);
	const webhook = {
		id: stableUuid(`${id}/webhook`),
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId: stableUuid(`${id}/webhookId`),
		parameters: { httpMethod: 'POST', path, responseMode: 'lastNode', responseData, options: {} },
	};
	const chain = [webhook, ...nodes.map((node, index) => ({ id: stableUuid(`${id}/${node.name}`), position: [240 * (index + 1), 0], ...node }))];
	const connections = {};
	for (let i = 0; i < chain.length - 1; i++) {
		connections[chain[i].name] = { main: [[{ node: chain[i + 1].name, type: 'main', index: 0 }]] };
	}
	return {
		id,
		name,
		active: false,
		nodes: chain,
		connections,
		settings: { executionOrder: 'v1', saveDataSuccessExecution: 'all', saveDataErrorExecution: 'all' },
		pinData: {},
		meta: { e2e: true, webhookPath: path, activate },
	};
}

/** A Code node (JavaScript, all items at once). */
export function codeNode(name, jsCode) {
	return { name, type: 'n8n-nodes-base.code', typeVersion: 2, parameters: { mode: 'runOnceForAllItems', language: 'javaScript', jsCode } };
}

export const credentialRef = (credential) => ({ [credential.type]: { id: credential.id, name: credential.name } });

/** Code node that turns `{ count }` in the webhook body into that many items `{ i }` (default 1). */
export const countItems = () => codeNode('Items', 'return Array.from({ length: Number($input.first().json.body.count ?? 1) }, (_, i) => ({ json: { i } }));');

/** Webhook → N items (body.count) → `node`: how the token checks run a node over many items. */
export function countedWorkflow({ id, name, path, node }) {
	return webhookWorkflow({ id, name, path, nodes: [countItems(), node] });
}

/**
 * A workflow JSON from examples/ made runnable here: credential references replaced (by credential
 * type, or by the placeholder id), node parameters patched per node name, fixed id/name.
 */
export function adaptExample(example, { id, name, credentials = {}, parameters = {}, activate = false, meta = {} }) {
	if (id.length > 21) throw new Error(`workflow id ${id} is longer than 21 characters`);
	const copy = JSON.parse(JSON.stringify(example));
	for (const node of copy.nodes) {
		for (const [type, reference] of Object.entries(node.credentials || {})) {
			const replacement = credentials[reference.id] || credentials[type];
			if (!replacement) throw new Error(`${id}: no e2e credential for ${type} (placeholder ${reference.id}) in node "${node.name}"`);
			node.credentials[type] = { id: replacement.id, name: replacement.name };
		}
		const patch = parameters[node.name];
		if (typeof patch === 'function') node.parameters = patch(node.parameters);
		else if (patch) node.parameters = { ...node.parameters, ...patch };
	}
	const unknown = Object.keys(parameters).filter((nodeName) => !copy.nodes.some((node) => node.name === nodeName));
	if (unknown.length) throw new Error(`${id}: the example has no node(s) ${unknown.join(', ')}`);
	return {
		...copy,
		id,
		name: name ?? copy.name,
		active: false,
		settings: { ...(copy.settings || {}), saveDataSuccessExecution: 'all', saveDataErrorExecution: 'all' },
		meta: { ...(copy.meta || {}), e2e: true, activate, ...meta },
	};
}

/** 12 custom poll times, one every 5 s: n8n 2.x refuses a sub-minute cron, but accepts several minute crons. */
export const pollEveryFiveSeconds = () => ({ item: Array.from({ length: 12 }, (_, i) => ({ mode: 'custom', cronExpression: `${i * 5} * * * * *` })) });
