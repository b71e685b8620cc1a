// Builders for the workflow and credential JSON that `n8n import:*` reads.

import { stableUuid } from './util.mjs';

/**
 * A workflow started by a POST webhook at `/webhook/<path>`, with `nodes` wired in a chain after it.
 * `responseData: 'allEntries'` makes the webhook answer with every item of the last node (an array).
 * Node entries: { name, type, typeVersion, parameters, credentials?, onError?, ... }.
 */
export function webhookWorkflow({ id, name, path, nodes, responseData = 'allEntries' }) {
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
		meta: { e2e: true, webhookPath: path },
	};
}

/** A Code node (JavaScript, all items at once). */
export function codeNode(name, jsCode) {
	return { name, type: 'n8n-nodes-base.code', typeVersion: 2, parameters: { mode: 'runOnceForAllItems', language: 'javaScript', jsCode } };
}

export const credentialRef = (credential) => ({ [credential.type]: { id: credential.id, name: credential.name } });
