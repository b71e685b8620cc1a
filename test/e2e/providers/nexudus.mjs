// Nexudus in real n8n: coworkers Get Many, API Request, continueOnFail and the credential Test
// (HTTP Basic, no token). The Nexudus Trigger (webhooks registered through sys/webhooks) is checked
// with the example workflow in providers/examples.mjs. Emulator: test/emulators/nexudus.js, rate
// limits off, deliveries signed with the examples' shared secret.

import assert from 'node:assert/strict';

import { NEXUDUS_SHARED_SECRET } from '../lib/examples.mjs';
import { credentialTestChecks, nodeTypeChecks, secretHygieneCheck } from '../lib/checks.mjs';
import { codeNode, credentialRef, webhookWorkflow } from '../lib/workflow.mjs';

const NODE = 'n8n-nodes-crm-bridge.nexudus';
const ADMIN = { email: 'admin@nexudus.test', password: 'Nexudus-Admin-Pass-2025' };
const WRONG_PASSWORD = 'Nexudus-Wrong-Pass-2025';

const good = { id: 'e2eNexudusGood001', name: 'Nexudus e2e', type: 'nexudusApi' };
const wrong = { id: 'e2eNexudusWrong01', name: 'Nexudus e2e (wrong password)', type: 'nexudusApi' };

function credentials({ emulators }) {
	const baseUrl = `${emulators.nexudus.url}/api`;
	return [
		{ ...good, data: { ...ADMIN, baseUrl } },
		{ ...wrong, data: { email: ADMIN.email, password: WRONG_PASSWORD, baseUrl } },
	];
}

const nexudusNode = (parameters, extra = {}) => ({ name: 'Nexudus', type: NODE, typeVersion: 1, parameters, credentials: credentialRef(good), ...extra });

function workflows() {
	return [
		webhookWorkflow({
			id: 'e2eNxGetMany',
			name: 'e2e Nexudus coworkers Get Many',
			path: 'e2e-nexudus-get-many',
			nodes: [nexudusNode({ resource: 'coworker', operation: 'getAll', returnAll: false, limit: 5, listOptions: {} })],
		}),
		webhookWorkflow({
			id: 'e2eNxApiRequest',
			name: 'e2e Nexudus API Request',
			path: 'e2e-nexudus-api-request',
			nodes: [
				nexudusNode({
					resource: 'apiRequest',
					operation: 'send',
					method: 'GET',
					path: '/spaces/coworkers',
					queryParameters: { parameter: [{ name: 'page', value: '1' }, { name: 'size', value: '3' }] },
					returnAllPages: false,
				}),
			],
		}),
		webhookWorkflow({
			id: 'e2eNxContinue',
			name: 'e2e Nexudus continueOnFail',
			path: 'e2e-nexudus-continue-on-fail',
			nodes: [
				codeNode('Items', "return $input.first().json.body.ids.map((id, index) => ({ json: { id: String(id), label: 'input-' + index } }));"),
				nexudusNode({ resource: 'coworker', operation: 'get', id: '={{ $json.id }}' }, { onError: 'continueRegularOutput' }),
				codeNode('Pairing', "return $input.all().map((item, index) => ({ json: { index, from: $('Items').itemMatching(index).json.label, out: item.json } }));"),
			],
		}),
	];
}

function itemsOf(response, what) {
	assert.equal(response.status, 200, `${what}: webhook answered HTTP ${response.status}: ${response.text.slice(0, 300)}`);
	assert.ok(Array.isArray(response.json), `${what}: expected an array of items, got ${response.text.slice(0, 300)}`);
	return response.json;
}

const checks = [
	...nodeTypeChecks({ provider: 'Nexudus', node: 'nexudus', credential: 'nexudusApi' }),

	{
		name: 'Nexudus coworkers Get Many (limit 5)',
		async run({ n8n, emulators }) {
			const seen = await emulators.nexudus.mark();
			const items = itemsOf(await n8n.webhook('e2e-nexudus-get-many', {}), 'Get Many');
			assert.equal(items.length, 5, `expected 5 coworkers, got ${items.length}`);
			for (const item of items) assert.ok(Number(item.Id) > 0 && typeof item.Email === 'string', JSON.stringify(item).slice(0, 200));
			const requests = await seen();
			assert.ok(requests.length >= 1 && requests.every((r) => r.path === '/api/spaces/coworkers' && r.status === 200 && r.hasAuthorization), JSON.stringify(requests.map((r) => [r.path, r.status])));
			return `${items.length} coworkers (ids ${items.map((i) => i.Id).join(',')}), query ${JSON.stringify(requests[0].query)}`;
		},
	},

	{
		name: 'Nexudus API Request GET /spaces/coworkers?page=1&size=3',
		async run({ n8n, emulators }) {
			const seen = await emulators.nexudus.mark();
			const items = itemsOf(await n8n.webhook('e2e-nexudus-api-request', {}), 'API Request');
			assert.equal(items.length, 1, `expected the answer as one item, got ${items.length}`);
			assert.ok(Array.isArray(items[0].Records) && items[0].Records.length === 3, `answer: ${JSON.stringify(items[0]).slice(0, 300)}`);
			const requests = await seen();
			assert.deepEqual(requests.map((r) => `${r.method} ${r.path} ${r.status}`), ['GET /api/spaces/coworkers 200']);
			assert.deepEqual(requests[0].query, { page: '1', size: '3' });
			return `one GET /api/spaces/coworkers ${JSON.stringify(requests[0].query)} → Records[3], CurrentPage ${items[0].CurrentPage}`;
		},
	},

	{
		name: 'Nexudus continueOnFail: good and missing coworker, paired items',
		async run({ n8n, emulators }) {
			const { state } = await emulators.nexudus.control('GET', 'nexudus/state');
			const [a, b] = state.coworkers.map((c) => c.Id);
			const items = itemsOf(await n8n.webhook('e2e-nexudus-continue-on-fail', { ids: [a, 999, b] }), 'continueOnFail');
			assert.equal(items.length, 3, JSON.stringify(items).slice(0, 400));
			items.forEach((item, index) => assert.equal(item.from, `input-${index}`));
			assert.equal(Number(items[0].out.Id), a);
			assert.equal(Number(items[2].out.Id), b);
			assert.match(String(items[1].out.error), /not found/i, JSON.stringify(items[1].out));
			return `error item: ${JSON.stringify(items[1].out)}`;
		},
	},

	...credentialTestChecks({ provider: 'Nexudus', good, wrong, field: 'password', wrongValue: WRONG_PASSWORD }),

	secretHygieneCheck({ provider: 'Nexudus', emulator: 'nexudus', secrets: [ADMIN.password, WRONG_PASSWORD, NEXUDUS_SHARED_SECRET] }),
];

export default {
	name: 'Nexudus',
	emulators: [{ name: 'nexudus', script: 'test/emulators/nexudus.js', args: ['--rate-limit', 'off', '--shared-secret', NEXUDUS_SHARED_SECRET, '--seed-coworkers', '40'] }],
	credentials,
	workflows,
	checks,
};
