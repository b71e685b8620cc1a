// Fuse Universal in real n8n: users Get Many, API Request, continueOnFail, the Auth-Token life-cycle
// (rotating tokens), and the credential Test. Emulator: test/emulators/fuse.js (API v5.0).
// Node parameter names: nodes/FuseUniversal/.

import assert from 'node:assert/strict';

import { credentialTestChecks, nodeTypeChecks, secretHygieneCheck } from '../lib/checks.mjs';
import { tokenLifecycleChecks } from '../lib/tokens.mjs';
import { http } from '../lib/util.mjs';
import { codeNode, countedWorkflow, credentialRef, webhookWorkflow } from '../lib/workflow.mjs';

const NODE = 'n8n-nodes-crm-bridge.fuseUniversal';
const ADMIN = { loginName: 'api.admin', password: 'Adm1n-Secret-Pass!' }; // emulator default admin (id 11486988)
const LEARNER = { loginName: 'lena.learner', password: 'Learn3r-Secret-Pass!' }; // used only by the cold credential
const WRONG_PASSWORD = 'Wrong-Password-9!';

const good = { id: 'e2eFuseGood000001', name: 'Fuse e2e', type: 'fuseUniversalApi' };
const cold = { id: 'e2eFuseCold000001', name: 'Fuse e2e (cold, learner)', type: 'fuseUniversalApi' };
const wrong = { id: 'e2eFuseWrong00001', name: 'Fuse e2e (wrong password)', type: 'fuseUniversalApi' };
const tester = { id: 'e2eFuseTest000001', name: 'Fuse e2e (Test button)', type: 'fuseUniversalApi' };
export const fuseCredentials = { good, cold, wrong, tester };

function credentials({ emulators }) {
	const base = { baseUrl: emulators.fuse.url, apiVersion: 'v5.0', loginFormat: 'json', authToken: '' };
	return [
		{ ...good, data: { ...base, ...ADMIN } },
		{ ...cold, data: { ...base, ...LEARNER } },
		{ ...wrong, data: { ...base, loginName: ADMIN.loginName, password: WRONG_PASSWORD } },
		{ ...tester, data: { ...base, ...ADMIN } },
	];
}

const fuseNode = (parameters, { credential = good, ...extra } = {}) => ({
	name: 'Fuse Universal',
	type: NODE,
	typeVersion: 1,
	parameters,
	credentials: credentialRef(credential),
	...extra,
});

const me = { resource: 'user', operation: 'getMe' };

function workflows() {
	return [
		countedWorkflow({ id: 'e2eFuMe', name: 'e2e Fuse getMe', path: 'e2e-fuse-me', node: fuseNode(me) }),
		countedWorkflow({ id: 'e2eFuCold', name: 'e2e Fuse getMe (cold)', path: 'e2e-fuse-cold', node: fuseNode(me, { credential: cold }) }),
		countedWorkflow({ id: 'e2eFuWrong', name: 'e2e Fuse wrong password', path: 'e2e-fuse-wrong', node: fuseNode(me, { credential: wrong }) }),
		webhookWorkflow({
			id: 'e2eFuGetMany',
			name: 'e2e Fuse users Get Many',
			path: 'e2e-fuse-get-many',
			nodes: [fuseNode({ resource: 'user', operation: 'getAll', returnAll: false, limit: 5, filters: {} })],
		}),
		webhookWorkflow({
			id: 'e2eFuApiRequest',
			name: 'e2e Fuse API Request',
			path: 'e2e-fuse-api-request',
			nodes: [
				fuseNode({
					resource: 'apiRequest',
					operation: 'send',
					method: 'GET',
					path: '/manage/users',
					queryParameters: { parameter: [{ name: 'per_page', value: '2' }, { name: 'page', value: '1' }] },
				}),
			],
		}),
		webhookWorkflow({
			id: 'e2eFuContinue',
			name: 'e2e Fuse continueOnFail',
			path: 'e2e-fuse-continue-on-fail',
			nodes: [
				codeNode('Items', "return $input.first().json.body.ids.map((id, index) => ({ json: { id: String(id), label: 'input-' + index } }));"),
				fuseNode({ resource: 'user', operation: 'get', userId: '={{ $json.id }}' }, { onError: 'continueRegularOutput' }),
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

const counters = async (emulator) => {
	const c = await emulator.control('GET', 'fuse/counters');
	return { logins: c.logins, failed: c.failedLogins, unauthorized: c.unauthorized };
};

const checks = [
	...nodeTypeChecks({ provider: 'Fuse', node: 'fuseUniversal', credential: 'fuseUniversalApi' }),

	...tokenLifecycleChecks({
		provider: 'Fuse',
		emulator: 'fuse',
		tokenField: 'authToken',
		good,
		cold,
		wrong,
		paths: { me: 'e2e-fuse-me', cold: 'e2e-fuse-cold', wrong: 'e2e-fuse-wrong' },
		wrongWorkflowId: 'e2eFuWrong',
		counters,
		expire: async (emulator) => await emulator.control('POST', 'fuse/expire-tokens', { user: ADMIN.loginName }),
		probe: async (emulator, token) => (await http('GET', `${emulator.url}/api/v5.0/users/me`, { headers: { 'Auth-Token': token, Accept: 'application/json' } })).status,
		itemOk: (item) => typeof item.username === 'string' && Number(item.id) > 0,
		loginError: /Fuse Universal login failed: login name or password rejected \(HTTP 401/,
		secrets: [WRONG_PASSWORD],
	}),

	{
		name: 'Fuse users Get Many (limit 5)',
		async run({ n8n, emulators }) {
			const seen = await emulators.fuse.mark();
			const items = itemsOf(await n8n.webhook('e2e-fuse-get-many', {}), 'Get Many');
			assert.equal(items.length, 5, `expected 5 users, got ${items.length}`);
			for (const item of items) assert.ok(Number(item.id) > 0 && typeof item.email === 'string', `not a user: ${JSON.stringify(item).slice(0, 200)}`);
			assert.ok(items.every((item) => !('password' in item)), 'a password field leaked into an item');
			const requests = (await seen()).filter((r) => r.path === '/api/v5.0/manage/users');
			assert.ok(requests.length >= 1 && requests.every((r) => r.status === 200), `requests: ${JSON.stringify(requests.map((r) => r.status))}`);
			assert.ok(requests.every((r) => r.headers['auth-token'] === '[redacted]'), 'a request without the Auth-Token header');
			return `${items.length} users (ids ${items.map((i) => i.id).join(',')}); ${requests.length} GET /api/v5.0/manage/users ${JSON.stringify(requests[0].query)}`;
		},
	},

	{
		name: 'Fuse API Request GET /manage/users?per_page=2',
		async run({ n8n, emulators }) {
			const seen = await emulators.fuse.mark();
			const items = itemsOf(await n8n.webhook('e2e-fuse-api-request', {}), 'API Request');
			assert.equal(items.length, 1, `expected one item (the answer), got ${items.length}`);
			assert.ok(Array.isArray(items[0].users) && items[0].users.length === 2, `answer: ${JSON.stringify(items[0]).slice(0, 300)}`);
			const requests = (await seen()).filter((r) => r.path === '/api/v5.0/manage/users');
			assert.equal(requests.length, 1);
			assert.deepEqual(requests[0].query, { per_page: '2', page: '1' });
			return `one GET /api/v5.0/manage/users ${JSON.stringify(requests[0].query)} → {"users":[2 users]}`;
		},
	},

	{
		name: 'Fuse continueOnFail: good and missing user, paired items',
		async run({ n8n }) {
			const ids = [11486988, 99999999, 11488425];
			const items = itemsOf(await n8n.webhook('e2e-fuse-continue-on-fail', { ids }), 'continueOnFail');
			assert.equal(items.length, 3, JSON.stringify(items).slice(0, 400));
			items.forEach((item, index) => assert.equal(item.from, `input-${index}`));
			assert.equal(Number(items[0].out.id), ids[0]);
			assert.equal(Number(items[2].out.id), ids[2]);
			assert.ok(typeof items[1].out.error === 'string' && !('username' in items[1].out), `missing user: ${JSON.stringify(items[1].out)}`);
			return `error item: ${JSON.stringify(items[1].out)}`;
		},
	},

	...credentialTestChecks({ provider: 'Fuse', good: tester, wrong, field: 'password', wrongValue: WRONG_PASSWORD, typedFirst: true }),

	secretHygieneCheck({ provider: 'Fuse', emulator: 'fuse', secrets: [ADMIN.password, LEARNER.password, WRONG_PASSWORD] }),
];

export default {
	name: 'Fuse Universal',
	emulators: [{ name: 'fuse', script: 'test/emulators/fuse.js', args: ['--seed-users', '30'] }],
	credentials,
	workflows,
	checks,
};
