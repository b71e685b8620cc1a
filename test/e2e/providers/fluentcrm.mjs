// FluentCRM in real n8n: credential, webhook workflows and checks, against the FluentCRM emulator
// (test/emulators/fluentcrm.js). Node parameter names: nodes/FluentCrm/.

import assert from 'node:assert/strict';

import { credentialTestChecks, nodeTypeChecks, secretHygieneCheck } from '../lib/checks.mjs';
import { N8n } from '../lib/n8n.mjs';
import { http, sleep, stableUuid, waitFor } from '../lib/util.mjs';
import { codeNode, credentialRef, pollEveryFiveSeconds, webhookWorkflow } from '../lib/workflow.mjs';

const NODE = 'n8n-nodes-crm-bridge.fluentCrm';
const PASSWORD = 'abcd efgh ijkl mnop qrst uvwx'; // the emulator's default admin application password
const WRONG_PASSWORD = 'zzzz zzzz zzzz zzzz zzzz zzzz';
const API = '/wp-json/fluent-crm/v2';

const good = { id: 'e2eFluentGood0001', name: 'FluentCRM e2e', type: 'fluentCrmApi' };
const wrong = { id: 'e2eFluentWrong001', name: 'FluentCRM e2e (wrong password)', type: 'fluentCrmApi' };
const restRoute = { id: 'e2eFluentRestRt01', name: 'FluentCRM e2e (?rest_route=)', type: 'fluentCrmApi' };
const TRIGGERS = { created: 'e2eFcTrigCreated', changed: 'e2eFcTrigChanged' };
/** Two ticks of the 5-second poll: long enough to see a duplicate if there were one. */
const QUIET_MS = 11_000;
const FLUENT_AUTH = `Basic ${Buffer.from(`admin:${PASSWORD}`).toString('base64')}`;

function credentials({ emulators }) {
	const base = { siteUrl: emulators.fluentcrm.siteUrl, username: 'admin', restStyle: 'wpJson', ignoreSslIssues: false };
	return [
		{ ...good, data: { ...base, applicationPassword: PASSWORD } },
		{ ...wrong, data: { ...base, applicationPassword: WRONG_PASSWORD } },
		{ ...restRoute, data: { ...base, restStyle: 'restRoute', applicationPassword: PASSWORD } },
	];
}

const fluentNode = (parameters, { credential = good, ...extra } = {}) => ({
	name: 'FluentCRM',
	type: NODE,
	typeVersion: 1,
	parameters,
	credentials: credentialRef(credential),
	...extra,
});

/** A workflow of one FluentCRM Trigger polling every 5 s, activated by its check. */
function triggerWorkflow(id, event) {
	return {
		id,
		name: `e2e FluentCRM Trigger ${event}`,
		active: false,
		nodes: [
			{
				id: stableUuid(`${id}/trigger`),
				name: 'FluentCRM Trigger',
				type: `${NODE}Trigger`,
				typeVersion: 1,
				position: [0, 0],
				parameters: { event, pollTimes: pollEveryFiveSeconds(), options: {} },
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
		webhookWorkflow({
			id: 'e2eFcGetMany',
			name: 'e2e FluentCRM contact Get Many',
			path: 'e2e-fluentcrm-get-many',
			nodes: [fluentNode({ resource: 'contact', operation: 'getAll', returnAll: false, limit: 5, filters: {} })],
		}),
		webhookWorkflow({
			id: 'e2eFcCreate',
			name: 'e2e FluentCRM contact Create',
			path: 'e2e-fluentcrm-create',
			nodes: [
				fluentNode({
					resource: 'contact',
					operation: 'create',
					email: '={{ $json.body.email }}',
					status: 'subscribed',
					additionalFields: { first_name: '={{ $json.body.firstName }}', last_name: 'Endtoend' },
				}),
			],
		}),
		webhookWorkflow({
			id: 'e2eFcApiRequest',
			name: 'e2e FluentCRM API Request',
			path: 'e2e-fluentcrm-api-request',
			nodes: [fluentNode({ resource: 'apiRequest', operation: 'send', method: 'GET', path: '/tags', queryParameters: {}, returnAllPages: false })],
		}),
		webhookWorkflow({
			id: 'e2eFcContinueOnFail',
			name: 'e2e FluentCRM continueOnFail',
			path: 'e2e-fluentcrm-continue-on-fail',
			nodes: [
				codeNode('Items', "return $input.first().json.body.ids.map((id, index) => ({ json: { id: String(id), label: 'input-' + index } }));"),
				fluentNode({ resource: 'contact', operation: 'get', contact: { __rl: true, mode: 'id', value: '={{ $json.id }}' } }, { onError: 'continueRegularOutput' }),
				codeNode(
					'Pairing',
					[
						'return $input.all().map((item, index) => {',
						'  let from;',
						"  try { from = $('Items').itemMatching(index).json.label; } catch (error) { from = 'UNPAIRED: ' + error.message; }",
						'  return { json: { index, from, pairedItem: item.pairedItem ?? null, out: item.json } };',
						'});',
					].join('\n'),
				),
			],
		}),
		webhookWorkflow({
			id: 'e2eFcGetManyOnError',
			name: 'e2e FluentCRM Get Many, errors as items',
			path: 'e2e-fluentcrm-get-many-on-error',
			nodes: [fluentNode({ resource: 'contact', operation: 'getAll', returnAll: false, limit: 5, filters: {} }, { onError: 'continueRegularOutput' })],
		}),
		triggerWorkflow(TRIGGERS.created, 'contactCreated'),
		triggerWorkflow(TRIGGERS.changed, 'contactUpdated'),
		webhookWorkflow({
			id: 'e2eFcWrongPassword',
			name: 'e2e FluentCRM wrong password',
			path: 'e2e-fluentcrm-wrong-password',
			nodes: [fluentNode({ resource: 'contact', operation: 'getAll', returnAll: false, limit: 2, filters: {} }, { credential: wrong, onError: 'continueRegularOutput' })],
		}),
	];
}

/** The webhook answered 200 with an array of items; returns it. */
function itemsOf(response, what) {
	assert.equal(response.status, 200, `${what}: webhook answered HTTP ${response.status}: ${response.text.slice(0, 300)}`);
	assert.ok(Array.isArray(response.json), `${what}: expected an array of items, got ${response.text.slice(0, 300)}`);
	return response.json;
}

/** Every request reached the API with an Authorization header and was answered 200. */
// The emulator redacts the header's value; it accepts only HTTP Basic with a valid application
// password, so a 200 answer to a request that carried Authorization means Basic auth worked.
function assertAuthorised(requests, what) {
	assert.ok(requests.length > 0, `${what}: the emulator saw no request`);
	for (const request of requests) {
		assert.ok(request.hasAuthorization, `${what}: ${request.method} ${request.path} had no Authorization header`);
		assert.equal(request.status, 200, `${what}: ${request.method} ${request.path} answered ${request.status}`);
	}
}


/** The credential Test button's REST call for a saved credential, as the editor sends it. */
async function testCredential(n8n, credential) {
	const stored = await n8n.rest('GET', `/credentials/${credential.id}?includeData=true`);
	assert.equal(stored.status, 200, `GET /rest/credentials/${credential.id} answered ${stored.status}`);
	const saved = stored.json.data;
	const response = await n8n.rest('POST', '/credentials/test', { credentials: { id: saved.id, name: saved.name, type: saved.type, data: saved.data } });
	assert.equal(response.status, 200, `POST /rest/credentials/test answered ${response.status}: ${response.text.slice(0, 300)}`);
	return response.json.data ?? response.json;
}

async function fluentApi(emulator, method, route, body) {
	const response = await http(method, `${emulator.siteUrl}${API}${route}`, { body, headers: { Authorization: FLUENT_AUTH } });
	assert.equal(response.status, 200, `FluentCRM ${method} ${route} answered ${response.status}: ${response.text.slice(0, 200)}`);
	return response.json;
}

/** Contacts the trigger workflow emitted, over all its executions. */
async function emitted(n8n, workflowId) {
	const oldestFirst = (await n8n.executions(workflowId)).sort((a, b) => Number(a.id) - Number(b.id));
	const runs = await Promise.all(oldestFirst.map((execution) => n8n.execution(execution.id)));
	return runs.flatMap((run) => N8n.nodeOutput(run, 'FluentCRM Trigger')?.[0] ?? []);
}

/** Waits until a poll of each event was answered and the site has been quiet for 0.5 s (the cursors are set). */
async function firstPollsDone(seen, columns) {
	await waitFor(async () => {
		const requests = await seen();
		return columns.every((column) => requests.some((r) => r.query?.sort_by === column && r.status === 200));
	}, { timeoutMs: 15_000, describe: () => `the first poll of each FluentCRM Trigger (${columns.join(', ')})` });
	let quiet = { count: -1, at: 0 };
	await waitFor(
		async () => {
			const count = (await seen()).length;
			if (count !== quiet.count) quiet = { count, at: Date.now() };
			return Date.now() - quiet.at >= 500;
		},
		{ timeoutMs: 5_000, intervalMs: 100, describe: () => 'the first polls to finish' },
	);
}

const checks = [
	...nodeTypeChecks({ provider: 'FluentCRM', node: 'fluentCrm', credential: 'fluentCrmApi' }),

	{
		name: 'FluentCRM contact Get Many (limit 5)',
		async run({ n8n, emulators }) {
			const fc = emulators.fluentcrm;
			const seen = await fc.mark();
			const items = itemsOf(await n8n.webhook('e2e-fluentcrm-get-many', {}), 'Get Many');
			assert.equal(items.length, 5, `expected 5 contacts, got ${items.length}`);
			for (const item of items) {
				assert.ok(Number(item.id) > 0 && typeof item.email === 'string', `not a contact: ${JSON.stringify(item).slice(0, 200)}`);
				assert.ok(!('__bench' in item), 'FluentCRM timing noise (__bench) leaked into an item');
			}
			const requests = await seen();
			assertAuthorised(requests, 'Get Many');
			for (const request of requests) assert.equal(`${request.method} ${request.path}`, `GET ${API}/subscribers`);
			return `${items.length} contacts (ids ${items.map((i) => i.id).join(',')}) in ${requests.length} request(s), query ${JSON.stringify(requests[0].query)}`;
		},
	},

	{
		name: 'FluentCRM contact Create',
		async run({ n8n, emulators }) {
			const fc = emulators.fluentcrm;
			const seen = await fc.mark();
			const email = `e2e.create.${Date.now()}@example.test`;
			const items = itemsOf(await n8n.webhook('e2e-fluentcrm-create', { email, firstName: 'Erin' }), 'Create');
			assert.equal(items.length, 1, `expected one created contact, got ${items.length}`);
			const [contact] = items;
			assert.equal(contact.email, email);
			assert.equal(contact.first_name, 'Erin');
			assert.equal(contact.last_name, 'Endtoend');
			assert.equal(contact.status, 'subscribed');
			assert.equal(contact.action_type, 'created');
			const requests = await seen();
			assertAuthorised(requests, 'Create');
			const post = requests.find((r) => r.method === 'POST' && r.path === `${API}/subscribers`);
			assert.ok(post, `no POST ${API}/subscribers in ${requests.map((r) => `${r.method} ${r.path}`).join(', ')}`);
			assert.equal(post.body.email, email);
			assert.equal(post.body.status, 'subscribed');
			const { state } = await fc.control('GET', 'fluentcrm/data');
			assert.ok(state.contacts.some((c) => c.email === email), 'the contact is not in the emulator database');
			return `contact ${contact.id} created with POST ${API}/subscribers (${requests.length} request(s))`;
		},
	},

	{
		name: 'FluentCRM API Request GET /tags',
		async run({ n8n, emulators }) {
			const fc = emulators.fluentcrm;
			const seen = await fc.mark();
			const items = itemsOf(await n8n.webhook('e2e-fluentcrm-api-request', {}), 'API Request');
			const text = JSON.stringify(items);
			for (const title of ['VIP Customer', 'Webinar Attendee', 'Lead Magnet']) assert.ok(text.includes(title), `seeded tag "${title}" missing from ${text.slice(0, 300)}`);
			assert.ok(!text.includes('__bench'), 'FluentCRM timing noise (__bench) leaked into the output');
			const requests = await seen();
			assertAuthorised(requests, 'API Request');
			assert.deepEqual(requests.map((r) => `${r.method} ${r.path}`), [`GET ${API}/tags`]);
			return `${items.length} item(s), keys ${Object.keys(items[0] || {}).join(',')}; one GET ${API}/tags`;
		},
	},

	{
		name: 'FluentCRM continueOnFail: good and missing contact, paired items',
		async run({ n8n, emulators }) {
			const fc = emulators.fluentcrm;
			const seen = await fc.mark();
			const ids = [1, 999999, 2];
			const items = itemsOf(await n8n.webhook('e2e-fluentcrm-continue-on-fail', { ids }), 'continueOnFail');
			assert.equal(items.length, ids.length, `expected ${ids.length} items out, got ${items.length}: ${JSON.stringify(items).slice(0, 400)}`);
			items.forEach((item, index) => {
				assert.equal(item.from, `input-${index}`, `output ${index} is paired with ${item.from}`);
			});
			assert.equal(Number(items[0].out.id), 1);
			assert.equal(Number(items[2].out.id), 2);
			assert.ok(!items[0].out.error && !items[2].out.error, 'a good item carries an error');
			const bad = items[1].out;
			assert.ok(typeof bad.error === 'string' && bad.error.length > 0, `the missing contact gave no error: ${JSON.stringify(bad)}`);
			assert.ok(!('id' in bad), 'the error item also carries contact data');
			// FluentCRM answers 422 {"message":"Subscriber not found"}: the user must see that text.
			assert.match(`${bad.error} ${bad.description ?? ''}`, /Subscriber not found/, `FluentCRM's own message is lost: ${JSON.stringify(bad)}`);
			const requests = await seen();
			assert.deepEqual(requests.map((r) => `${r.path} ${r.status}`), [`${API}/subscribers/1 200`, `${API}/subscribers/999999 422`, `${API}/subscribers/2 200`]);
			return `error item: ${JSON.stringify(bad)}; pairedItem ${JSON.stringify(items.map((i) => i.pairedItem))}`;
		},
	},

	{
		name: 'FluentCRM wrong application password at run time',
		async run({ n8n, emulators }) {
			const fc = emulators.fluentcrm;
			const seen = await fc.mark();
			const items = itemsOf(await n8n.webhook('e2e-fluentcrm-wrong-password', {}), 'wrong password');
			assert.equal(items.length, 1);
			const [item] = items;
			assert.ok(typeof item.error === 'string' && item.error.length > 0, `expected an error item, got ${JSON.stringify(item)}`);
			const requests = await seen();
			assert.ok(requests.length >= 1 && requests.every((r) => r.status === 401 && r.hasAuthorization), `expected only 401 answers: ${JSON.stringify(requests.map((r) => r.status))}`);
			// n8n-core's httpRequestWithAuthentication resends once after a 401 for every credential
			// type (it re-runs preAuthentication, a no-op here): 2 requests; more would be our own retry.
			assert.ok(requests.length <= 2, `${requests.length} requests for one item: the node retries a 401`);
			assert.match(item.error, /application password|401/i, 'the error does not point at the credential');
			return `${requests.length} request(s) (n8n resends once after a 401), error item ${JSON.stringify(item)}`;
		},
	},

	...credentialTestChecks({ provider: 'FluentCRM', good, wrong, field: 'applicationPassword', wrongValue: WRONG_PASSWORD }),

	{
		name: 'FluentCRM: credential Test fails on a site without pretty permalinks (its redirect) and says to switch REST Style; ?rest_route= passes there',
		async run({ n8n, emulators }) {
			const fc = emulators.fluentcrm;
			await fc.control('POST', 'fluentcrm/config', { plainPermalinks: true });
			try {
				const redirected = await testCredential(n8n, good);
				assert.equal(redirected.status, 'Error', `Test said ${redirected.status}: ${redirected.message}`);
				assert.match(redirected.message, /REST Style to "\?rest_route="/);
				const viaQuery = await testCredential(n8n, restRoute);
				assert.equal(viaQuery.status, 'OK', `?rest_route= Test said ${viaQuery.status}: ${viaQuery.message}`);
				return `pretty style: "${redirected.message}"; ?rest_route=: ${viaQuery.status}`;
			} finally {
				await fc.control('POST', 'fluentcrm/config', { plainPermalinks: false });
			}
		},
	},

	{
		name: 'FluentCRM: credential Test fails when the ping is answered 200 with a web page or an empty body',
		async run({ n8n, emulators }) {
			const fc = emulators.fluentcrm;
			const messages = [];
			for (const kind of ['html', 'empty']) {
				await fc.faults({ next: [{ status: 200, kind, match: '/reports/ping' }] });
				const result = await testCredential(n8n, good);
				assert.equal(result.status, 'Error', `${kind}: Test said ${result.status}: ${result.message}`);
				assert.match(result.message, /not with FluentCRM’s API/);
				messages.push(`${kind}: "${result.message}"`);
			}
			return messages.join('; ');
		},
	},

	{
		name: 'FluentCRM: Get Many on a site without pretty permalinks is an error item that says to switch REST Style, not 0 contacts',
		async run({ n8n, emulators }) {
			const fc = emulators.fluentcrm;
			await fc.control('POST', 'fluentcrm/config', { plainPermalinks: true });
			try {
				const items = itemsOf(await n8n.webhook('e2e-fluentcrm-get-many-on-error', {}), 'Get Many (plain permalinks)');
				assert.equal(items.length, 1, `expected one error item, got ${JSON.stringify(items).slice(0, 300)}`);
				const [item] = items;
				assert.equal(item.error, 'FluentCRM answered with something that is not the expected JSON', JSON.stringify(item));
				assert.match(item.message ?? '', /REST Style "\?rest_route="/);
				return `error item ${JSON.stringify(item).slice(0, 300)}`;
			} finally {
				await fc.control('POST', 'fluentcrm/config', { plainPermalinks: false });
			}
		},
	},

	{
		name: 'FluentCRM Trigger: "Contact Created" emits a contact once even after it is updated (a field and a tag); "Created or Updated" emits the update too',
		timeoutMs: 90_000,
		async run({ n8n, emulators }) {
			const fc = emulators.fluentcrm;
			const mark = await fc.mark();
			// Activation runs each trigger's first poll, which only sets its cursor.
			await n8n.activate(TRIGGERS.created);
			await n8n.activate(TRIGGERS.changed);
			try {
				await firstPollsDone(mark, ['created_at', 'updated_at']);
				const email = `e2e.trigger.${Date.now()}@example.test`;
				const contact = (await fluentApi(fc, 'POST', '/subscribers', { email, status: 'subscribed', first_name: 'Trudy' })).contact;
				const mine = (items) => items.filter((item) => Number(item.id) === Number(contact.id));
				await waitFor(async () => mine(await emitted(n8n, TRIGGERS.created)).length >= 1 && mine(await emitted(n8n, TRIGGERS.changed)).length >= 1, {
					timeoutMs: 20_000,
					describe: () => `both triggers to emit the new contact ${contact.id}`,
				});
				await fluentApi(fc, 'PUT', `/subscribers/${contact.id}`, { email, city: 'Trier', attach_tags: [1] });
				await waitFor(async () => mine(await emitted(n8n, TRIGGERS.changed)).length >= 2, {
					timeoutMs: 20_000,
					describe: () => `"Created or Updated" to emit the updated contact ${contact.id}`,
				});
				await sleep(QUIET_MS);
				const created = mine(await emitted(n8n, TRIGGERS.created));
				const changed = mine(await emitted(n8n, TRIGGERS.changed));
				assert.equal(created.length, 1, `"Contact Created" emitted contact ${contact.id} ${created.length} times`);
				assert.equal(changed.length, 2, `"Created or Updated" emitted contact ${contact.id} ${changed.length} times`);
				assert.equal(changed[1].city, 'Trier');
				return `Contact Created: 1 emission; Created or Updated: 2 (the second with city ${changed[1].city} and ${changed[1].tags?.length ?? 0} tag(s))`;
			} finally {
				await n8n.deactivate(TRIGGERS.created);
				await n8n.deactivate(TRIGGERS.changed);
			}
		},
	},

	secretHygieneCheck({ provider: 'FluentCRM', emulator: 'fluentcrm', secrets: [PASSWORD, WRONG_PASSWORD] }),
];

export default {
	name: 'FluentCRM',
	emulators: [{ name: 'fluentcrm', script: 'test/emulators/fluentcrm.js', args: ['--seed-contacts', '12'] }],
	credentials,
	workflows,
	checks,
};
