// FluentCRM in real n8n: credential, webhook workflows and checks, against the FluentCRM emulator
// (test/emulators/fluentcrm.js). Node parameter names: nodes/FluentCrm/.

import assert from 'node:assert/strict';

import { credentialTestChecks, nodeTypeChecks, secretHygieneCheck } from '../lib/checks.mjs';
import { codeNode, credentialRef, webhookWorkflow } from '../lib/workflow.mjs';

const NODE = 'n8n-nodes-crm-bridge.fluentCrm';
const PASSWORD = 'abcd efgh ijkl mnop qrst uvwx'; // the emulator's default admin application password
const WRONG_PASSWORD = 'zzzz zzzz zzzz zzzz zzzz zzzz';
const API = '/wp-json/fluent-crm/v2';

const good = { id: 'e2eFluentGood0001', name: 'FluentCRM e2e', type: 'fluentCrmApi' };
const wrong = { id: 'e2eFluentWrong001', name: 'FluentCRM e2e (wrong password)', type: 'fluentCrmApi' };

function credentials({ emulators }) {
	const base = { siteUrl: emulators.fluentcrm.siteUrl, username: 'admin', restStyle: 'wpJson', ignoreSslIssues: false };
	return [
		{ ...good, data: { ...base, applicationPassword: PASSWORD } },
		{ ...wrong, data: { ...base, applicationPassword: WRONG_PASSWORD } },
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

	secretHygieneCheck({ provider: 'FluentCRM', emulator: 'fluentcrm', secrets: [PASSWORD, WRONG_PASSWORD] }),
];

export default {
	name: 'FluentCRM',
	emulators: [{ name: 'fluentcrm', script: 'test/emulators/fluentcrm.js', args: ['--seed-contacts', '12'] }],
	credentials,
	workflows,
	checks,
};
