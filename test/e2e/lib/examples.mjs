// The importable workflows in examples/ and what it takes to run them against the emulators:
// credentials with the examples' placeholder ids, and the few parameters that depend on the
// instance (tag ids, the Nexudus location, shared secrets, poll interval). Shared by the e2e tier
// (providers/examples.mjs) and `npm run demo` (scripts/demo.mjs).

import fs from 'node:fs';
import path from 'node:path';

import { adaptExample, pollEveryFiveSeconds } from './workflow.mjs';
import { ROOT } from './util.mjs';

export const EXAMPLES_DIR = path.join(ROOT, 'examples');

/** Folder names under examples/ and the names of the nodes whose parameters depend on the instance. */
export const EXAMPLES = {
	sync: { folder: 'fluentcrm-to-crm-platform', trigger: 'FluentCRM contact created or updated', action: 'Create or update CRM Platform contact' },
	nexudus: { folder: 'nexudus-coworker-to-fluentcrm', trigger: 'New Nexudus coworker', action: 'Create or update FluentCRM contact' },
	faveo: { folder: 'faveo-ticket-to-fluentcrm-note', trigger: 'New Faveo ticket', detail: 'Get ticket details', action: 'Add note to the requester in FluentCRM' },
	fuse: { folder: 'fuse-learning-plan-to-fluentcrm-tag', trigger: 'Fuse learning plan completed', action: 'Tag the learner in FluentCRM' },
};

/** The placeholder credential references used in every examples/*.json (see examples/README.md). */
export const EXAMPLE_CREDENTIALS = {
	fluentCrmApi: { id: 'fluentCrmExample', name: 'FluentCRM account', type: 'fluentCrmApi' },
	crmPlatformApi: { id: 'crmPlatformExample', name: 'CRM Platform account', type: 'crmPlatformApi' },
	nexudusApi: { id: 'nexudusExample', name: 'Nexudus account', type: 'nexudusApi' },
	fuseUniversalApi: { id: 'fuseExample', name: 'Fuse Universal account', type: 'fuseUniversalApi' },
	faveoHelpdeskApi: { id: 'faveoExample', name: 'Faveo Helpdesk account', type: 'faveoHelpdeskApi' },
};

export const NEXUDUS_SHARED_SECRET = 'nexudus-example-shared-secret';
export const FUSE_SHARED_SECRET = 'fuse-example-shared-secret';

export function loadExample(key) {
	return JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, EXAMPLES[key].folder, 'workflow.json'), 'utf8'));
}

/**
 * Credentials (import format) with the examples' placeholder ids, pointing at the emulators.
 * `emulators`: { fluentcrm, crmplatform, nexudus, fuse, faveo } each { url, siteUrl }; the accounts
 * are the emulators' default ones.
 */
export function exampleCredentials(emulators) {
	const c = EXAMPLE_CREDENTIALS;
	const strip = ({ type, ...reference }) => ({ ...reference, type });
	return [
		{ ...strip(c.fluentCrmApi), data: { siteUrl: emulators.fluentcrm.siteUrl, username: 'admin', applicationPassword: 'abcd efgh ijkl mnop qrst uvwx', restStyle: 'wpJson', ignoreSslIssues: false } },
		{ ...strip(c.crmPlatformApi), data: { baseUrl: emulators.crmplatform.siteUrl, identifier: 'demo', password: 'demo123', jwt: '' } },
		{ ...strip(c.nexudusApi), data: { email: 'admin@nexudus.test', password: 'Nexudus-Admin-Pass-2025', baseUrl: `${emulators.nexudus.url}/api` } },
		{ ...strip(c.fuseUniversalApi), data: { baseUrl: emulators.fuse.url, apiVersion: 'v5.0', loginName: 'api.admin', password: 'Adm1n-Secret-Pass!', loginFormat: 'json', authToken: '' } },
		{ ...strip(c.faveoHelpdeskApi), data: { baseUrl: emulators.faveo.siteUrl, username: 'demoadmin', password: 'demopass', apiKey: '', placement: 'header', token: '' } },
	];
}

const withTags = (tagId) => (parameters) => ({ ...parameters, additionalFields: { ...parameters.additionalFields, tags: [tagId] } });

/**
 * The four examples, made runnable: `ids` maps example key → workflow id; `instance` holds
 * { coworkerTagId, courseTagId, businessId }; `fastPolling` replaces "every 5 minutes" by every 5 s.
 */
export function exampleWorkflows({ ids, instance, fastPolling = false, activate = false }) {
	const credentials = Object.fromEntries(Object.values(EXAMPLE_CREDENTIALS).map((reference) => [reference.id, reference]));
	const polling = fastPolling ? { pollTimes: pollEveryFiveSeconds() } : undefined;
	const adapt = (key, parameters) => adaptExample(loadExample(key), { id: ids[key], credentials, parameters, activate, meta: { example: EXAMPLES[key].folder } });
	return {
		sync: adapt('sync', polling ? { [EXAMPLES.sync.trigger]: polling } : {}),
		nexudus: adapt('nexudus', {
			[EXAMPLES.nexudus.trigger]: { businessId: instance.businessId, sharedSecret: NEXUDUS_SHARED_SECRET },
			[EXAMPLES.nexudus.action]: withTags(instance.coworkerTagId),
		}),
		faveo: adapt('faveo', polling ? { [EXAMPLES.faveo.trigger]: polling } : {}),
		fuse: adapt('fuse', {
			[EXAMPLES.fuse.trigger]: { sharedSecret: FUSE_SHARED_SECRET },
			[EXAMPLES.fuse.action]: withTags(instance.courseTagId),
		}),
	};
}

/** The webhook path of an example's trigger node (n8n: `<webhookId>/<path of the node's webhook>`). */
export function triggerWebhookPath(workflow, nodeName) {
	const node = workflow.nodes.find((n) => n.name === nodeName);
	return `${node.webhookId}/webhook`;
}

/**
 * Prepares the emulators for the examples: the FluentCRM tags "Coworker" and "Course completed"
 * (control route seed), and the first Nexudus location. Returns { coworkerTagId, courseTagId, businessId }.
 */
export async function prepareExampleData({ fluentcrm, nexudus }) {
	let { state } = await fluentcrm.control('GET', 'fluentcrm/data');
	const missing = ['Coworker', 'Course completed'].filter((title) => !state.tags.some((tag) => tag.title === title));
	if (missing.length) {
		await fluentcrm.control('POST', 'fluentcrm/seed', { tags: missing });
		({ state } = await fluentcrm.control('GET', 'fluentcrm/data'));
	}
	const tagId = (title) => state.tags.find((tag) => tag.title === title).id;
	const nexudusState = (await nexudus.control('GET', 'nexudus/state')).state;
	return { coworkerTagId: tagId('Coworker'), courseTagId: tagId('Course completed'), businessId: nexudusState.businesses[0].Id };
}
