// CRM Platform (Strapi crm-plugin) in real n8n: contact Create or Update, API Request, continueOnFail,
// the JWT life-cycle of the login credential, the pasted-JWT credential, both credential Tests, and the
// polling trigger's "created" vs "created or updated" events.
// Emulator: test/emulators/crmplatform.js (sub-path /strapi). Node parameter names: nodes/CrmPlatform/.

import assert from 'node:assert/strict';

import { credentialTestChecks, nodeTypeChecks, secretHygieneCheck } from '../lib/checks.mjs';
import { tokenLifecycleChecks } from '../lib/tokens.mjs';
import { http, sleep, stableUuid, waitFor } from '../lib/util.mjs';
import { N8n } from '../lib/n8n.mjs';
import { codeNode, countedWorkflow, credentialRef, pollEveryFiveSeconds, webhookWorkflow } from '../lib/workflow.mjs';

const NODE = 'n8n-nodes-crm-bridge.crmPlatform';
const DEMO = { identifier: 'demo', password: 'demo123' }; // the emulator's default Authenticated user
const COLD = { username: 'cold.user', email: 'cold.user@example.org', password: 'Cold-User-Pass-1' };
const JWT_USER = { username: 'jwt.user', email: 'jwt.user@example.org', password: 'Jwt-User-Pass-1' };
const WRONG_PASSWORD = 'wrong-pass-123';

const good = { id: 'e2eCrmGood0000001', name: 'CRM Platform e2e', type: 'crmPlatformApi' };
const cold = { id: 'e2eCrmCold0000001', name: 'CRM Platform e2e (cold)', type: 'crmPlatformApi' };
const wrong = { id: 'e2eCrmWrong000001', name: 'CRM Platform e2e (wrong password)', type: 'crmPlatformApi' };
const tester = { id: 'e2eCrmTest0000001', name: 'CRM Platform e2e (Test button)', type: 'crmPlatformApi' };
const jwtGood = { id: 'e2eCrmJwtGood0001', name: 'CRM Platform JWT e2e', type: 'crmPlatformJwtApi' };
const jwtWrong = { id: 'e2eCrmJwtWrong001', name: 'CRM Platform JWT e2e (bad token)', type: 'crmPlatformJwtApi' };
export const crmPlatformCredentials = { good, cold, wrong, tester, jwtGood, jwtWrong };

/** Adds the two extra users and mints the pasted JWT (control routes), before credentials are written. */
async function prepare({ emulators }) {
	const crm = emulators.crmplatform;
	await crm.control('POST', 'crmplatform/users', COLD);
	const jwtUser = await crm.control('POST', 'crmplatform/users', JWT_USER);
	const { jwt } = await crm.control('POST', 'crmplatform/token', { userId: jwtUser.id });
	return { crmplatform: { jwt, jwtUserId: jwtUser.id } };
}

function credentials({ emulators, prepared }) {
	const baseUrl = emulators.crmplatform.siteUrl;
	const login = (identifier, password) => ({ baseUrl, identifier, password, jwt: '' });
	return [
		{ ...good, data: login(DEMO.identifier, DEMO.password) },
		{ ...cold, data: login(COLD.username, COLD.password) },
		{ ...wrong, data: login(DEMO.identifier, WRONG_PASSWORD) },
		{ ...tester, data: login(DEMO.identifier, DEMO.password) },
		{ ...jwtGood, data: { baseUrl, jwt: prepared.crmplatform.jwt } },
		{ ...jwtWrong, data: { baseUrl, jwt: 'eyJhbGciOiJIUzI1NiJ9.eyJpZCI6MX0.not-a-valid-signature' } },
	];
}

const crmNode = (parameters, { credential = good, ...extra } = {}) => ({
	name: 'CRM Platform',
	type: NODE,
	typeVersion: 1,
	parameters: credential.type === 'crmPlatformJwtApi' ? { authentication: 'jwt', ...parameters } : parameters,
	credentials: credentialRef(credential),
	...extra,
});

const me = { resource: 'user', operation: 'getMe' };

const TRIGGER = 'CRM Platform Trigger';
const TRIGGERS = { created: 'e2eCpContactCreated', updated: 'e2eCpContactUpdated' };
/** Two ticks of the 5-second poll: long enough to see a repeated event if there were one. */
const QUIET_MS = 11_000;

/** A CRM Platform Trigger polling every 5 s, activated by its check (not at start). */
function triggerWorkflow(id, name, event) {
	return {
		id,
		name,
		active: false,
		nodes: [
			{
				id: stableUuid(`${id}/trigger`),
				name: TRIGGER,
				type: 'n8n-nodes-crm-bridge.crmPlatformTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: { pollTimes: pollEveryFiveSeconds(), event, options: {} },
				credentials: credentialRef(good),
			},
		],
		connections: {},
		settings: { executionOrder: 'v1', saveDataSuccessExecution: 'all', saveDataErrorExecution: 'all' },
		pinData: {},
		meta: { e2e: true, activate: false },
	};
}

function workflows() {
	return [
		countedWorkflow({ id: 'e2eCpMe', name: 'e2e CRM Platform getMe', path: 'e2e-crm-me', node: crmNode(me) }),
		countedWorkflow({ id: 'e2eCpCold', name: 'e2e CRM Platform getMe (cold)', path: 'e2e-crm-cold', node: crmNode(me, { credential: cold }) }),
		countedWorkflow({ id: 'e2eCpWrong', name: 'e2e CRM Platform wrong password', path: 'e2e-crm-wrong', node: crmNode(me, { credential: wrong }) }),
		countedWorkflow({ id: 'e2eCpJwt', name: 'e2e CRM Platform pasted JWT', path: 'e2e-crm-jwt', node: crmNode(me, { credential: jwtGood }) }),
		webhookWorkflow({
			id: 'e2eCpUpsert',
			name: 'e2e CRM Platform contact Create or Update',
			path: 'e2e-crm-upsert',
			nodes: [
				crmNode({
					resource: 'contact',
					operation: 'upsert',
					email: '={{ $json.body.email }}',
					name: '={{ $json.body.name }}',
					contact_type: 'individual',
					additionalFields: { first_name: '={{ $json.body.name.split(" ")[0] }}', phone: '={{ $json.body.phone }}' },
				}),
			],
		}),
		webhookWorkflow({
			id: 'e2eCpApiRequest',
			name: 'e2e CRM Platform API Request',
			path: 'e2e-crm-api-request',
			nodes: [
				crmNode({
					resource: 'apiRequest',
					operation: 'send',
					method: 'GET',
					path: '/crm-plugin/contact',
					queryParameters: { parameter: [{ name: '_limit', value: '3' }, { name: '_sort', value: 'id:ASC' }] },
					returnAllPages: false,
				}),
			],
		}),
		triggerWorkflow(TRIGGERS.created, 'e2e CRM Platform Trigger: Contact Created', 'contactCreated'),
		triggerWorkflow(TRIGGERS.updated, 'e2e CRM Platform Trigger: Contact Created or Updated', 'contactUpdated'),
		webhookWorkflow({
			id: 'e2eCpContinue',
			name: 'e2e CRM Platform continueOnFail',
			path: 'e2e-crm-continue-on-fail',
			nodes: [
				codeNode('Items', "return $input.first().json.body.ids.map((id, index) => ({ json: { id: String(id), label: 'input-' + index } }));"),
				crmNode({ resource: 'contact', operation: 'get', id: '={{ $json.id }}' }, { onError: 'continueRegularOutput' }),
				codeNode(
					'Pairing',
					[
						'return $input.all().map((item, index) => {',
						'  let from;',
						"  try { from = $('Items').itemMatching(index).json.label; } catch (error) { from = 'UNPAIRED: ' + error.message; }",
						'  return { json: { index, from, out: item.json } };',
						'});',
					].join('\n'),
				),
			],
		}),
	];
}

function itemsOf(response, what) {
	assert.equal(response.status, 200, `${what}: webhook answered HTTP ${response.status}: ${response.text.slice(0, 300)}`);
	assert.ok(Array.isArray(response.json), `${what}: expected an array of items, got ${response.text.slice(0, 300)}`);
	return response.json;
}

/** The emulator's own API as the demo user, for changes the trigger must (or must not) see. */
async function crmApi(emulator, method, route, body) {
	const { jwt } = await emulator.control('POST', 'crmplatform/token', { userId: 1 });
	const response = await http(method, `${emulator.siteUrl}${route}`, { body, headers: { Authorization: `Bearer ${jwt}` } });
	if (response.status !== 200) throw new Error(`CRM Platform ${method} ${route} answered ${response.status}: ${response.text.slice(0, 200)}`);
	return response.json;
}

/** Activates a trigger workflow and waits until its first poll (which only sets the cursor) is over. */
async function activateTrigger(n8n, emulator, workflowId) {
	const polled = await emulator.mark();
	await n8n.activate(workflowId);
	await waitFor(async () => (await polled()).some((r) => r.path.endsWith('/crm-plugin/contact') && r.status === 200), { timeoutMs: 15_000, describe: () => 'the trigger’s first poll' });
	let quiet = { count: -1, at: 0 };
	await waitFor(
		async () => {
			const count = (await polled()).length;
			if (count !== quiet.count) quiet = { count, at: Date.now() };
			return Date.now() - quiet.at >= 500;
		},
		{ timeoutMs: 5_000, intervalMs: 100, describe: () => 'the first poll to finish' },
	);
}

/** Contacts the trigger emitted in each execution of the workflow so far, oldest execution first. */
async function emitted(n8n, workflowId, count) {
	const executions = await n8n.waitForExecutions(workflowId, count, { timeoutMs: 20_000 });
	const runs = await Promise.all(executions.map(async (execution) => await n8n.execution(execution.id)));
	return runs.map((run) => (N8n.nodeOutput(run, TRIGGER)?.[0] ?? []));
}

async function linkTag(emulator, contactId) {
	const tag = await crmApi(emulator, 'POST', '/crm-plugin/tags', { name: `e2e tag ${Date.now()}` });
	await crmApi(emulator, 'POST', '/crm-plugin/contacttags', { contact: contactId, tag: tag.id });
}

const counters = async (emulator) => {
	const c = await emulator.control('GET', 'crmplatform/counters');
	return { logins: c.logins, failed: c.failedLogins, unauthorized: c.unauthorized };
};

const checks = [
	...nodeTypeChecks({ provider: 'CRM Platform', node: 'crmPlatform', credential: 'crmPlatformApi' }),
	nodeTypeChecks({ provider: 'CRM Platform', node: 'crmPlatform', credential: 'crmPlatformJwtApi' })[1],

	...tokenLifecycleChecks({
		provider: 'CRM Platform',
		emulator: 'crmplatform',
		tokenField: 'jwt',
		good,
		cold,
		wrong,
		paths: { me: 'e2e-crm-me', cold: 'e2e-crm-cold', wrong: 'e2e-crm-wrong' },
		wrongWorkflowId: 'e2eCpWrong',
		counters,
		// Revokes every token of the demo user (id 1) only: the pasted JWT belongs to another user.
		expire: async (emulator) => await emulator.control('POST', 'crmplatform/expire-tokens', { userId: 1 }),
		probe: async (emulator, token) => (await http('GET', `${emulator.siteUrl}/users/me`, { headers: { Authorization: `Bearer ${token}` } })).status,
		itemOk: (item) => typeof item.username === 'string' && item.id !== undefined,
		loginError: /CRM Platform login failed: identifier or password invalid/,
		secrets: [WRONG_PASSWORD],
	}),

	{
		name: 'CRM Platform contact Create or Update by email: created, then updated, never duplicated',
		async run({ n8n, emulators }) {
			const email = `e2e.upsert.${Date.now()}@example.org`;
			const [first] = itemsOf(await n8n.webhook('e2e-crm-upsert', { email, name: 'Uma Upsert', phone: '111' }), 'first upsert');
			assert.equal(first.action_type, 'created', `first call: ${JSON.stringify(first).slice(0, 300)}`);
			const [second] = itemsOf(await n8n.webhook('e2e-crm-upsert', { email, name: 'Uma Upsert', phone: '222' }), 'second upsert');
			assert.equal(second.action_type, 'updated', `second call: ${JSON.stringify(second).slice(0, 300)}`);
			assert.equal(String(second.id), String(first.id), 'the second call changed another contact');
			assert.equal(second.phone, '222');
			const { tables } = await emulators.crmplatform.control('GET', 'crmplatform/state');
			const rows = tables.contact.filter((row) => row.email === email);
			assert.equal(rows.length, 1, `${rows.length} contacts with ${email} in the emulator`);
			return `contact ${first.id}: created, then updated (phone 111 → 222); 1 row with that email`;
		},
	},

	{
		name: 'CRM Platform API Request GET /crm-plugin/contact?_limit=3',
		async run({ n8n, emulators }) {
			const seen = await emulators.crmplatform.mark();
			const items = itemsOf(await n8n.webhook('e2e-crm-api-request', {}), 'API Request');
			assert.equal(items.length, 3, `expected 3 contacts, got ${items.length}`);
			const ids = items.map((item) => Number(item.id));
			assert.deepEqual(ids, [...ids].sort((a, b) => a - b), 'not sorted by id');
			const requests = (await seen()).filter((r) => r.path.endsWith('/crm-plugin/contact'));
			assert.equal(requests.length, 1);
			assert.equal(requests[0].path, '/strapi/crm-plugin/contact', 'the sub-path of the base URL was lost');
			assert.deepEqual(requests[0].query, { _limit: '3', _sort: 'id:ASC' });
			assert.ok(requests[0].hasAuthorization && requests[0].status === 200);
			return `3 contacts (ids ${ids.join(',')}), one GET ${requests[0].path} ${JSON.stringify(requests[0].query)}`;
		},
	},

	{
		name: 'CRM Platform continueOnFail: good and missing contact, paired items',
		async run({ n8n }) {
			const items = itemsOf(await n8n.webhook('e2e-crm-continue-on-fail', { ids: [1, 999999, 2] }), 'continueOnFail');
			assert.equal(items.length, 3, `expected 3 items, got ${JSON.stringify(items).slice(0, 400)}`);
			items.forEach((item, index) => assert.equal(item.from, `input-${index}`, `output ${index} is paired with ${item.from}`));
			assert.equal(Number(items[0].out.id), 1);
			assert.equal(Number(items[2].out.id), 2);
			const bad = items[1].out;
			assert.match(String(bad.error), /not found/i, `missing contact: ${JSON.stringify(bad)}`);
			assert.ok(!('name' in bad), 'the error item carries contact data');
			return `error item: ${JSON.stringify(bad)}`;
		},
	},

	{
		name: 'CRM Platform Trigger "Contact Created": a new contact once; its later update and a tag link emit nothing',
		timeoutMs: 60_000,
		async run({ n8n, emulators }) {
			const crm = emulators.crmplatform;
			await activateTrigger(n8n, crm, TRIGGERS.created);
			try {
				const contact = await crmApi(crm, 'POST', '/crm-plugin/contact', { name: 'Tess Trigger', contact_type: 'individual', first_name: 'Tess', email: `e2e.created.${Date.now()}@example.org` });
				const [first] = await emitted(n8n, TRIGGERS.created, 1);
				assert.deepEqual(first.map((item) => Number(item.id)), [contact.id], `the first execution emitted ${JSON.stringify(first.map((item) => item.id))}`);
				await crmApi(crm, 'PUT', `/crm-plugin/contact/${contact.id}`, { phone: '5550100' });
				await linkTag(crm, contact.id);
				await sleep(QUIET_MS);
				const executions = await n8n.executions(TRIGGERS.created);
				assert.equal(executions.length, 1, `${executions.length} executions: the update or the tag link was emitted as "created"`);
				return `contact ${contact.id} emitted once; updated and tagged, no second execution in ${QUIET_MS / 1000} s`;
			} finally {
				await n8n.deactivate(TRIGGERS.created);
			}
		},
	},

	{
		name: 'CRM Platform Trigger "Contact Created or Updated": a tag link is emitted as an update although updated_at did not move',
		timeoutMs: 60_000,
		async run({ n8n, emulators }) {
			const crm = emulators.crmplatform;
			await activateTrigger(n8n, crm, TRIGGERS.updated);
			try {
				const contact = await crmApi(crm, 'POST', '/crm-plugin/contact', { name: 'Uri Update', contact_type: 'individual', first_name: 'Uri', email: `e2e.updated.${Date.now()}@example.org` });
				const [first] = await emitted(n8n, TRIGGERS.updated, 1);
				assert.deepEqual(first.map((item) => Number(item.id)), [contact.id]);
				await linkTag(crm, contact.id);
				const [, second] = await emitted(n8n, TRIGGERS.updated, 2);
				assert.deepEqual(second.map((item) => [Number(item.id), item.updated_at, item.contacttags.length]), [[contact.id, contact.updated_at, 1]]);
				await sleep(QUIET_MS);
				assert.equal((await n8n.executions(TRIGGERS.updated)).length, 2, 'the tag link was emitted more than once');
				return `contact ${contact.id}: created, then emitted again for its tag link (updated_at unchanged), once`;
			} finally {
				await n8n.deactivate(TRIGGERS.updated);
			}
		},
	},

	{
		name: 'CRM Platform pasted-JWT credential: runs without any login',
		async run({ n8n, emulators, prepared }) {
			const before = await counters(emulators.crmplatform);
			const items = itemsOf(await n8n.webhook('e2e-crm-jwt', { count: 2 }), 'pasted JWT');
			const after = await counters(emulators.crmplatform);
			assert.equal(items.length, 2);
			for (const item of items) assert.equal(item.username, JWT_USER.username, JSON.stringify(item).slice(0, 200));
			assert.equal(after.logins - before.logins, 0, 'a login happened');
			return `2 items as ${JWT_USER.username} (user ${prepared.crmplatform.jwtUserId}), 0 logins`;
		},
	},

	...credentialTestChecks({ provider: 'CRM Platform', good: tester, wrong, field: 'password', wrongValue: WRONG_PASSWORD, typedFirst: true }),
	...credentialTestChecks({ provider: 'CRM Platform', label: ' (pasted JWT)', good: jwtGood, wrong: jwtWrong, field: 'jwt', wrongValue: 'eyJhbGciOiJIUzI1NiJ9.eyJpZCI6OTl9.typed-wrong' }),

	secretHygieneCheck({ provider: 'CRM Platform', emulator: 'crmplatform', secrets: [DEMO.password, WRONG_PASSWORD, COLD.password] }),
];

export default {
	name: 'CRM Platform',
	emulators: [{ name: 'crmplatform', script: 'test/emulators/crmplatform.js', args: ['--sub-path', '/strapi', '--seed-contacts', '30'] }],
	prepare,
	credentials,
	workflows,
	checks,
};
