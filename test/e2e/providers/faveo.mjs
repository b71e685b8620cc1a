// Faveo Helpdesk in real n8n: tickets Get Many, API Request, the JWT life-cycle on a Faveo 2.x server
// (401 on expiry), logins that fail with HTTP 200, a Faveo 1.9 server that reports an expired token
// with HTTP 200 {"error":"token_expired"} (and the token n8n stores afterwards), the polling trigger
// (Ticket Created fires once per ticket; Created or Updated fires with an API key set), and the
// credential Test.
// Emulators: test/emulators/faveo.js twice (2.x and --version 1.9), throttling off.
// Node parameter names: nodes/FaveoHelpdesk/.

import assert from 'node:assert/strict';

import { credentialTestChecks, nodeTypeChecks, secretHygieneCheck } from '../lib/checks.mjs';
import { N8n } from '../lib/n8n.mjs';
import { tokenLifecycleChecks } from '../lib/tokens.mjs';
import { http, sleep, stableUuid, waitFor } from '../lib/util.mjs';
import { countedWorkflow, credentialRef, pollEveryFiveSeconds, webhookWorkflow } from '../lib/workflow.mjs';

const NODE = 'n8n-nodes-crm-bridge.faveoHelpdesk';
const ADMIN = { username: 'demoadmin', password: 'demopass' }; // emulator default admin (id 1)
const AGENT = { username: 'amelia.hart', password: 'agentpass1' }; // cold credential only
const AGENT2 = { username: 'rohan.mehta', password: 'agentpass2' }; // 1.9 "could not create token" only
const WRONG_PASSWORD = 'wrong-demopass';
const SUB_PATH = '/faveo/public';

const good = { id: 'e2eFaveoGood00001', name: 'Faveo e2e', type: 'faveoHelpdeskApi' };
const cold = { id: 'e2eFaveoCold00001', name: 'Faveo e2e (cold, agent)', type: 'faveoHelpdeskApi' };
const wrong = { id: 'e2eFaveoWrong0001', name: 'Faveo e2e (wrong password)', type: 'faveoHelpdeskApi' };
const tester = { id: 'e2eFaveoTest00001', name: 'Faveo e2e (Test button)', type: 'faveoHelpdeskApi' };
const v19 = { id: 'e2eFaveo19Good001', name: 'Faveo 1.9 e2e', type: 'faveoHelpdeskApi' };
const v19NoToken = { id: 'e2eFaveo19NoTok01', name: 'Faveo 1.9 e2e (token creation fails)', type: 'faveoHelpdeskApi' };
const keyed = { id: 'e2eFaveoKeyed0001', name: 'Faveo e2e (API key set)', type: 'faveoHelpdeskApi' };
export const faveoCredentials = { good, cold, wrong, tester, v19, keyed };

/** The emulator's site API key (test/emulators/faveo/index.js): stock Faveo ignores it. */
const API_KEY = 'Zq8sYv2LmT4nRb7KcW1pXe9dHf3gJu6A';
/** The fields of the Faveo credential type: nothing else may be stored. */
const CREDENTIAL_FIELDS = ['baseUrl', 'username', 'password', 'apiKey', 'keyInGetQueries', 'placement', 'token'];
/** Two ticks of the 5-second poll: long enough to see a duplicate if there were one. */
const QUIET_MS = 11_000;
const TRIGGER = 'n8n-nodes-crm-bridge.faveoHelpdeskTrigger';
const TRIGGERS = { created: 'e2eFvTrgCreated', updated: 'e2eFvTrgUpdated' };

function credentials({ emulators }) {
	const on = (emulator) => ({ baseUrl: emulator.siteUrl, apiKey: '', placement: 'header', token: '' });
	return [
		{ ...good, data: { ...on(emulators.faveo), ...ADMIN } },
		{ ...cold, data: { ...on(emulators.faveo), ...AGENT } },
		{ ...wrong, data: { ...on(emulators.faveo), username: ADMIN.username, password: WRONG_PASSWORD } },
		{ ...tester, data: { ...on(emulators.faveo), ...ADMIN } },
		{ ...v19, data: { ...on(emulators.faveo19), ...ADMIN } },
		{ ...v19NoToken, data: { ...on(emulators.faveo19), ...AGENT2 } },
		{ ...keyed, data: { ...on(emulators.faveo), ...ADMIN, apiKey: API_KEY } },
	];
}

const faveoNode = (parameters, { credential = good, ...extra } = {}) => ({
	name: 'Faveo Helpdesk',
	type: NODE,
	typeVersion: 1,
	parameters,
	credentials: credentialRef(credential),
	...extra,
});

// Each item reads ticket 1: one authenticated GET per item.
const ticketOne = { resource: 'ticket', operation: 'get', ticketId: '1' };

/** A workflow of one polling trigger (every 5 s), activated by its check. */
function triggerWorkflow({ id, name, event, credential }) {
	const trigger = { id: stableUuid(`${id}/trigger`), name: 'Faveo Trigger', type: TRIGGER, typeVersion: 1, position: [0, 0], parameters: { pollTimes: pollEveryFiveSeconds(), event, options: {} }, credentials: credentialRef(credential) };
	return { id, name, active: false, nodes: [trigger], connections: {}, settings: { executionOrder: 'v1', saveDataSuccessExecution: 'all', saveDataErrorExecution: 'all' }, pinData: {}, meta: { e2e: true, activate: false } };
}

function workflows() {
	return [
		triggerWorkflow({ id: TRIGGERS.created, name: 'e2e Faveo Trigger: Ticket Created', event: 'ticketCreated', credential: good }),
		triggerWorkflow({ id: TRIGGERS.updated, name: 'e2e Faveo Trigger: Ticket Created or Updated (API key set)', event: 'ticketUpdated', credential: keyed }),
		webhookWorkflow({
			id: 'e2eFvKeyedList',
			name: 'e2e Faveo filtered list (API key set)',
			path: 'e2e-faveo-keyed-list',
			nodes: [faveoNode({ resource: 'ticket', operation: 'getAll', view: 'inbox', returnAll: true, listOptions: { useFilteredList: true } }, { credential: keyed })],
		}),
		countedWorkflow({ id: 'e2eFvMe', name: 'e2e Faveo ticket Get', path: 'e2e-faveo-me', node: faveoNode(ticketOne) }),
		countedWorkflow({ id: 'e2eFvCold', name: 'e2e Faveo ticket Get (cold)', path: 'e2e-faveo-cold', node: faveoNode(ticketOne, { credential: cold }) }),
		countedWorkflow({ id: 'e2eFvWrong', name: 'e2e Faveo wrong password', path: 'e2e-faveo-wrong', node: faveoNode(ticketOne, { credential: wrong }) }),
		countedWorkflow({ id: 'e2eFv19Me', name: 'e2e Faveo 1.9 ticket Get', path: 'e2e-faveo19-me', node: faveoNode(ticketOne, { credential: v19 }) }),
		countedWorkflow({ id: 'e2eFv19NoToken', name: 'e2e Faveo 1.9 token creation fails', path: 'e2e-faveo19-no-token', node: faveoNode(ticketOne, { credential: v19NoToken }) }),
		webhookWorkflow({
			id: 'e2eFvGetMany',
			name: 'e2e Faveo tickets Get Many',
			path: 'e2e-faveo-get-many',
			nodes: [faveoNode({ resource: 'ticket', operation: 'getAll', view: 'inbox', returnAll: false, limit: 5, listOptions: {} })],
		}),
		webhookWorkflow({
			id: 'e2eFvApiRequest',
			name: 'e2e Faveo API Request',
			path: 'e2e-faveo-api-request',
			nodes: [faveoNode({ resource: 'apiRequest', operation: 'send', method: 'GET', path: '/v1/helpdesk/priority', queryParameters: {}, returnAllPages: false })],
		}),
	];
}

function itemsOf(response, what) {
	assert.equal(response.status, 200, `${what}: webhook answered HTTP ${response.status}: ${response.text.slice(0, 300)}`);
	assert.ok(Array.isArray(response.json), `${what}: expected an array of items, got ${response.text.slice(0, 300)}`);
	return response.json;
}

const counters = async (emulator) => {
	const c = await emulator.control('GET', 'faveo/counters');
	return { logins: c.logins, failed: c.failedLogins, unauthorized: c.expiredTokenReplies + c.invalidTokenReplies + c.missingTokenReplies, expired: c.expiredTokenReplies };
};

const probe = async (emulator, token) => (await http('GET', `${emulator.siteUrl}/api/v1/authenticate/user`, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } })).status;
const itemOk = (item) => Number(item.id) === 1 && typeof item.ticket_number === 'string';

async function latestExecution(n8n, workflowId) {
	const list = await n8n.waitForExecutions(workflowId, 1, { timeoutMs: 15_000 });
	return await n8n.execution(list[list.length - 1].id);
}

const checks = [
	...nodeTypeChecks({ provider: 'Faveo', node: 'faveoHelpdesk', credential: 'faveoHelpdeskApi' }),

	// On Faveo 2.x a wrong password is also "a login that fails with HTTP 200" ({"error":"invalid_credentials"}).
	...tokenLifecycleChecks({
		provider: 'Faveo',
		emulator: 'faveo',
		tokenField: 'token',
		good,
		cold,
		wrong,
		paths: { me: 'e2e-faveo-me', cold: 'e2e-faveo-cold', wrong: 'e2e-faveo-wrong' },
		wrongWorkflowId: 'e2eFvWrong',
		counters,
		expire: async (emulator) => await emulator.control('POST', 'faveo/expire-tokens', { userId: 1 }),
		probe,
		itemOk,
		loginError: /Faveo Helpdesk login failed: the username or password is wrong, or the account is inactive/,
		secrets: [WRONG_PASSWORD],
	}),

	{
		name: 'Faveo 1.9: an expired token answered with HTTP 200 {"error":"token_expired"} costs one re-login, no failed item',
		async run({ n8n, emulators }) {
			const emulator = emulators.faveo19;
			const warm = itemsOf(await n8n.webhook('e2e-faveo19-me', { count: 1 }), 'warm-up');
			assert.ok(warm.length === 1 && itemOk(warm[0]), `warm-up: ${JSON.stringify(warm).slice(0, 300)}`);
			await emulator.control('POST', 'faveo/expire-tokens', { userId: 1 });
			const before = await counters(emulator);
			const items = itemsOf(await n8n.webhook('e2e-faveo19-me', { count: 4 }), 'after expiry');
			const after = await counters(emulator);
			assert.equal(items.length, 4);
			const bad = items.filter((item) => item.error !== undefined || !itemOk(item));
			if (bad.length) assert.fail(`${bad.length} failed item(s): ${JSON.stringify(bad[0]).slice(0, 300)}`);
			assert.equal(after.expired - before.expired, 1, `${after.expired - before.expired} token_expired answers`);
			assert.equal(after.logins - before.logins, 1, `${after.logins - before.logins} logins after the expiry`);
			const { tokens } = await emulator.control('GET', 'faveo/state');
			const live = tokens.filter((token) => token.sub === 1 && !token.forcedExpired && !token.revoked);
			assert.ok(live.length >= 1, 'no live token for the admin after the re-login');
			return `1 HTTP 200 token_expired answer, 1 re-login, 4 good items`;
		},
	},

	{
		name: 'Faveo 1.9: the re-login token replaced the expired one in n8n (next run: no login)',
		async run({ n8n, emulators }) {
			const before = await counters(emulators.faveo19);
			const items = itemsOf(await n8n.webhook('e2e-faveo19-me', { count: 2 }), 'next run');
			const after = await counters(emulators.faveo19);
			assert.equal(items.filter(itemOk).length, 2, JSON.stringify(items).slice(0, 300));
			assert.equal(after.logins - before.logins, 0, `${after.logins - before.logins} login(s): the token from the re-login was not stored`);
			assert.equal(after.expired - before.expired, 0, 'the stale token was sent again');
			return 'no login and no token_expired: n8n saved the token that replaced the expired one';
		},
	},

	{
		name: 'Faveo 1.9: the token n8n stored after the HTTP 200 token_expired re-login, decrypted after n8n stopped',
		afterStop: true,
		async run(t) {
			const data = t.exported[v19.id]?.data ?? {};
			// n8n itself adds its allowed-domains settings to every stored credential.
			const extra = Object.keys(data).filter((field) => !CREDENTIAL_FIELDS.includes(field) && !/^allowed(HttpRequest)?Domains$/.test(field));
			assert.deepEqual(extra, [], `the stored Faveo 1.9 credential holds fields of no credential property: ${extra.join(', ')}`);
			assert.ok(typeof data.token === 'string' && data.token.length > 10, `token = ${JSON.stringify(data.token)}`);
			const status = await probe(t.emulators.faveo19, data.token);
			assert.equal(status, 200, `the stored token is refused by the 1.9 emulator (HTTP ${status}): the re-login's token was not saved`);
			return `a ${data.token.length}-character token the 1.9 emulator accepts (the one from the re-login); no field besides the credential's own`;
		},
	},

	{
		name: 'Faveo 1.9: a login answered with HTTP 200 {"error":"could_not_create_token"} is a server fault: retried, then a clear error',
		async run({ n8n, emulators }) {
			const emulator = emulators.faveo19;
			await emulator.control('POST', 'faveo/config', { failTokenCreation: true });
			try {
				const before = await counters(emulator);
				const response = await n8n.webhook('e2e-faveo19-no-token', { count: 2 });
				const after = await counters(emulator);
				assert.equal(response.status, 500, `webhook answered ${response.status}: ${response.text.slice(0, 200)}`);
				const execution = await latestExecution(n8n, 'e2eFv19NoToken');
				const error = execution.data?.resultData?.error ?? {};
				assert.match(`${error.message}`, /Faveo Helpdesk could not log in: the server answered HTTP 200 without a token \(.*could_not_create_token.*\)\. This is a server or gateway fault/, `error: ${error.message}`);
				assert.doesNotMatch(`${error.message}`, /password/i);
				// One login and its three retries; the second item gets the remembered failure.
				const attempts = after.failed - before.failed;
				assert.equal(attempts, 4, `${attempts} login attempts`);
				return `${attempts} login attempt(s); execution ${execution.id} failed with "${error.message}"`;
			} finally {
				await emulator.control('POST', 'faveo/config', { failTokenCreation: false });
			}
		},
	},

	{
		name: 'Faveo tickets Get Many (inbox, limit 5)',
		async run({ n8n, emulators }) {
			const seen = await emulators.faveo.mark();
			const items = itemsOf(await n8n.webhook('e2e-faveo-get-many', {}), 'Get Many');
			assert.equal(items.length, 5, `expected 5 tickets, got ${items.length}`);
			for (const item of items) assert.ok(Number(item.id) > 0 && typeof item.ticket_number === 'string', JSON.stringify(item).slice(0, 200));
			const requests = (await seen()).filter((r) => r.path === `${SUB_PATH}/api/v1/helpdesk/inbox`);
			assert.ok(requests.length >= 1 && requests.every((r) => r.status === 200 && r.hasAuthorization), JSON.stringify(requests.map((r) => [r.status, r.hasAuthorization])));
			assert.ok(requests.every((r) => !('token' in r.query)), 'the token travelled in the URL');
			return `${items.length} tickets (ids ${items.map((i) => i.id).join(',')}) in ${requests.length} request(s)`;
		},
	},

	{
		name: 'Faveo API Request GET /v1/helpdesk/priority',
		async run({ n8n, emulators }) {
			const seen = await emulators.faveo.mark();
			const items = itemsOf(await n8n.webhook('e2e-faveo-api-request', {}), 'API Request');
			const text = JSON.stringify(items);
			assert.ok(/High/.test(text) && /Low/.test(text), `priorities missing: ${text.slice(0, 300)}`);
			const requests = (await seen()).filter((r) => r.path.endsWith('/priority'));
			assert.deepEqual(requests.map((r) => `${r.method} ${r.path} ${r.status}`), [`GET ${SUB_PATH}/api/v1/helpdesk/priority 200`]);
			return `${items.length} item(s): ${text.slice(0, 120)}…`;
		},
	},

	{
		name: 'Faveo filtered (v2) ticket list with an API key in the credential: tickets, and the key in no URL',
		async run({ n8n, emulators }) {
			const seen = await emulators.faveo.mark();
			const items = itemsOf(await n8n.webhook('e2e-faveo-keyed-list', {}), 'filtered list');
			assert.ok(items.length > 0 && items.every((item) => Number(item.id) > 0), `expected tickets, got ${JSON.stringify(items).slice(0, 200)}`);
			const requests = await seen();
			const lists = requests.filter((r) => r.path.endsWith('/api/v2/helpdesk/tickets'));
			assert.ok(lists.length >= 1, 'no request to the v2 list');
			const keyed = requests.filter((r) => 'api_key' in r.query);
			assert.deepEqual(keyed.map((r) => r.path), [], 'the API key travelled in a URL');
			const login = requests.find((r) => r.path.endsWith('/api/v1/authenticate'));
			if (login) assert.equal(login.body?.api_key, API_KEY, 'the login body lacks the API key');
			return `${items.length} tickets from ${lists.length} v2 page(s); api_key in no query${login ? ', in the login body' : ''}`;
		},
	},

	{
		name: 'Faveo Trigger: Ticket Created fires once per ticket, not again when the ticket is answered and edited; Created or Updated (API key set) fires again',
		timeoutMs: 90_000,
		async run({ n8n, emulators }) {
			const faveo = emulators.faveo;
			const polled = await faveo.mark();
			await n8n.activate(TRIGGERS.created);
			await n8n.activate(TRIGGERS.updated);
			try {
				// Each trigger's first poll sets its cursor and emits nothing: wait for both, and for quiet.
				await waitFor(async () => {
					const requests = await polled();
					return ['/api/v1/helpdesk/tickets', '/api/v2/helpdesk/tickets'].every((path) => requests.some((r) => r.path.endsWith(path) && r.status === 200));
				}, { timeoutMs: 20_000, describe: () => 'the first poll of both triggers' });
				await sleep(1_000);
				const { token } = await faveo.control('POST', 'faveo/token', { userId: 1 });
				const api = async (route, body) => {
					const response = await http('POST', `${faveo.siteUrl}/api/v1/helpdesk/${route}`, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' }, body });
					assert.equal(response.status, 200, `${route}: ${response.status} ${response.text.slice(0, 200)}`);
					return response.json;
				};
				const created = await api('create', { email: 'trigger.e2e@example.test', first_name: 'Trina', subject: `Trigger e2e ${Date.now()}`, body: 'A ticket for the trigger check.', helptopic: 1, sla: 1, priority: 2 });
				const ticketId = Number(created.response?.ticket_id);
				assert.ok(ticketId > 0, `no ticket id: ${JSON.stringify(created)}`);
				const emitted = async (workflowId, count) => {
					const executions = await n8n.waitForExecutions(workflowId, count, { timeoutMs: 20_000 });
					const run = await n8n.execution(executions[executions.length - 1].id);
					return (N8n.nodeOutput(run, 'Faveo Trigger')?.[0] ?? []).map((item) => Number(item.id));
				};
				assert.deepEqual(await emitted(TRIGGERS.created, 1), [ticketId], 'Ticket Created: first execution');
				assert.deepEqual(await emitted(TRIGGERS.updated, 1), [ticketId], 'Ticket Created or Updated: first execution');
				await sleep(1_100); // a new second for updated_at
				await api('reply', { ticket_id: ticketId, reply_content: 'We are looking into it.' });
				await api('edit', { ticket_id: ticketId, subject: 'Trigger e2e (edited)', sla_plan: 1, help_topic: 1, ticket_source: 1, ticket_priority: 4, status: 1 });
				assert.deepEqual(await emitted(TRIGGERS.updated, 2), [ticketId], 'Ticket Created or Updated: the change was not seen');
				await sleep(QUIET_MS);
				const executions = await n8n.executions(TRIGGERS.created);
				assert.equal(executions.length, 1, `Ticket Created fired ${executions.length} times for one ticket`);
				return `ticket ${ticketId}: Ticket Created fired once (answered and edited afterwards, ${QUIET_MS / 1000} s quiet); Created or Updated fired twice with an API key set`;
			} finally {
				await n8n.deactivate(TRIGGERS.created);
				await n8n.deactivate(TRIGGERS.updated);
			}
		},
	},

	...credentialTestChecks({ provider: 'Faveo', good: tester, wrong, field: 'password', wrongValue: WRONG_PASSWORD, typedFirst: true }),

	secretHygieneCheck({ provider: 'Faveo', emulator: 'faveo', secrets: [ADMIN.password, AGENT.password, WRONG_PASSWORD, API_KEY] }),
	secretHygieneCheck({ provider: 'Faveo 1.9', emulator: 'faveo19', secrets: [ADMIN.password, AGENT2.password] }),
];

export default {
	name: 'Faveo Helpdesk',
	emulators: [
		{ name: 'faveo', script: 'test/emulators/faveo.js', args: ['--sub-path', SUB_PATH, '--rate-limit', '0', '--seed-tickets', '20'] },
		// A long token life, so the token stored after the forced expiry is still valid when n8n has stopped.
		{ name: 'faveo19', script: 'test/emulators/faveo.js', args: ['--sub-path', SUB_PATH, '--rate-limit', '0', '--version', '1.9', '--seed-tickets', '5', '--token-ttl-seconds', '3600'] },
	],
	credentials,
	workflows,
	checks,
};
