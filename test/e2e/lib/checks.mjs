// Check builders every provider can reuse. A check is { name, run(t) } where run resolves to a
// short detail string (or throws). t = { n8n, emulators, info, results }.

import assert from 'node:assert/strict';

import { PACKAGE_NAME } from './n8n.mjs';

let nodeTypesCache;
let credentialTypesCache;

async function nodeTypes(n8n) {
	nodeTypesCache ??= await n8n.nodeTypes();
	return nodeTypesCache;
}

async function credentialTypes(n8n) {
	if (!credentialTypesCache) {
		const response = await n8n.typesFile('credentials.json');
		credentialTypesCache = response;
	}
	return credentialTypesCache;
}

const optionValues = (description, name) =>
	(description.properties || []).filter((p) => p.name === name).flatMap((p) => (p.options || []).map((o) => o.value));

/** The node, its AI-tool variant and its credential are known to n8n (what the editor loads). */
export function nodeTypeChecks({ provider, node, credential }) {
	const type = `${PACKAGE_NAME}.${node}`;
	return [
		{
			name: `${provider}: n8n knows ${type} and ${type}Tool`,
			async run({ n8n }) {
				const all = await nodeTypes(n8n);
				const main = all.filter((d) => d.name === type);
				const tool = all.filter((d) => d.name === `${type}Tool`);
				assert.ok(main.length > 0, `${type} is not among the ${all.length} node types of /types/nodes.json`);
				assert.ok(tool.length > 0, `${type}Tool (usableAsTool variant) is not among the node types`);
				const [m] = main;
				const [t] = tool;
				assert.ok(JSON.stringify(t.outputs).includes('ai_tool'), `${type}Tool outputs ${JSON.stringify(t.outputs)}, expected ai_tool`);
				assert.deepEqual(t.inputs, [], `${type}Tool inputs ${JSON.stringify(t.inputs)}`);
				assert.ok((m.credentials || []).some((c) => c.name === credential), `${type} does not list credential ${credential}`);
				const resources = optionValues(m, 'resource');
				const custom = resources.includes('__CUSTOM_API_CALL__');
				return `${type} v${JSON.stringify(m.version)} "${m.displayName}", ${type}Tool "${t.displayName}" outputs ${JSON.stringify(t.outputs)}; resources: ${resources.join(', ')}${custom ? ' (n8n injected "Custom API Call")' : ''}`;
			},
		},
		{
			name: `${provider}: n8n knows credential type ${credential}`,
			async run({ n8n }) {
				const all = await credentialTypes(n8n);
				const found = all.find((c) => c.name === credential);
				assert.ok(found, `${credential} is not among the ${all.length} credential types of /types/credentials.json`);
				return `"${found.displayName}" with fields ${(found.properties || []).map((p) => p.name).join(', ')}`;
			},
		},
	];
}

/** Runs the credential Test button's REST call for a saved credential; resolves to { status, message }. */
async function testCredential(n8n, credential, changes = {}) {
	const stored = await n8n.rest('GET', `/credentials/${credential.id}?includeData=true`);
	assert.equal(stored.status, 200, `GET /rest/credentials/${credential.id} answered ${stored.status}: ${stored.text.slice(0, 200)}`);
	const saved = stored.json.data;
	// As the editor does: it sends back the form's data, where secrets are still redacted.
	const body = { credentials: { id: saved.id, name: saved.name, type: saved.type, data: { ...saved.data, ...changes } } };
	const response = await n8n.rest('POST', '/credentials/test', body);
	assert.equal(response.status, 200, `POST /rest/credentials/test answered ${response.status}: ${response.text.slice(0, 300)}`);
	return { ...(response.json.data ?? response.json), redacted: saved.data };
}

/**
 * The credential Test button: passes with the right secret, fails with a wrong one.
 * `typedFirst`: run "wrong value typed into the saved credential" before the passing test. For
 * login-then-token credentials a passing Test saves a token, and n8n then tests with that token
 * (the typed password is not re-checked), so the typed-wrong check needs a credential without one.
 */
export function credentialTestChecks({ provider, good, wrong, field, wrongValue, typedFirst = false, label = '' }) {
	const passes = {
		name: `${provider}: credential Test${label} passes with the right ${field}`,
		async run({ n8n }) {
			const result = await testCredential(n8n, good);
			assert.equal(result.status, 'OK', `Test said ${result.status}: ${result.message}`);
			assert.notEqual(result.redacted[field], undefined);
			return `status OK, "${result.message}" (the editor got ${field} as ${JSON.stringify(result.redacted[field])})`;
		},
	};
	const savedWrong = {
		name: `${provider}: credential Test${label} fails with a saved wrong ${field}`,
		async run({ n8n }) {
			const result = await testCredential(n8n, wrong);
			assert.equal(result.status, 'Error', `Test said ${result.status}: ${result.message}`);
			assert.ok(result.message, 'no message for the user');
			return `status Error, message shown: "${result.message}"`;
		},
	};
	const typedWrong = {
		name: `${provider}: credential Test${label} fails when a wrong ${field} is typed into the saved credential`,
		async run({ n8n }) {
			const result = await testCredential(n8n, good, { [field]: wrongValue });
			assert.equal(result.status, 'Error', `Test said ${result.status}: ${result.message}`);
			return `status Error, message shown: "${result.message}"`;
		},
	};
	return typedFirst ? [typedWrong, savedWrong, passes] : [passes, savedWrong, typedWrong];
}

const variants = (secret) => [secret, secret.replace(/\s+/g, ''), encodeURIComponent(secret), secret.replace(/ /g, '+')];

/** No secret in any URL the emulator saw during the whole run, nor in the n8n log. */
export function secretHygieneCheck({ provider, emulator, secrets }) {
	return {
		name: `${provider}: no secret in any request URL or in the n8n log`,
		async run({ n8n, emulators }) {
			const requests = await emulators[emulator].requests();
			assert.ok(requests.length > 0, 'the emulator saw no request at all');
			for (const request of requests) {
				const url = `${request.path}?${new URLSearchParams(Object.entries(request.query || {}).flatMap(([k, v]) => [].concat(v).map((x) => [k, String(x)]))).toString()}`;
				for (const secret of secrets) {
					for (const form of variants(secret)) assert.ok(!url.includes(form) && !decodeURIComponent(url).includes(form), `a secret appears in ${request.method} ${url}`);
				}
			}
			const log = n8n.logText();
			for (const secret of secrets) for (const form of variants(secret)) assert.ok(!log.includes(form), 'a secret appears in the n8n log');
			const withAuth = requests.filter((r) => r.hasAuthorization).length;
			return `${requests.length} requests checked (${withAuth} with an Authorization header), n8n log clean`;
		},
	};
}

/** Every node file the package lists became a node type; regular nodes have an AI-tool variant, triggers none (run once). */
export function packageNodesCheck(nodeFiles) {
	return {
		name: `every node of ${PACKAGE_NAME} is known to n8n, regular nodes with a Tool variant`,
		async run({ n8n }) {
			const all = (await nodeTypes(n8n)).filter((d) => d.name.startsWith(`${PACKAGE_NAME}.`));
			const names = new Set(all.map((d) => d.name));
			const tools = new Set([...names].filter((name) => name.endsWith('Tool') && names.has(name.slice(0, -'Tool'.length))));
			const nodes = all.filter((d) => !tools.has(d.name));
			const unique = [...new Set(nodes.map((d) => d.name))];
			assert.equal(unique.length, nodeFiles.length, `package.json lists ${nodeFiles.length} nodes, n8n knows ${unique.length}: ${unique.join(', ')}`);
			const isTrigger = (d) => (d.group || []).includes('trigger');
			const missing = nodes.filter((d) => !isTrigger(d) && !names.has(`${d.name}Tool`)).map((d) => d.name);
			assert.deepEqual(missing, [], `no Tool variant for ${missing.join(', ')}`);
			const triggerTools = nodes.filter((d) => isTrigger(d) && names.has(`${d.name}Tool`)).map((d) => d.name);
			assert.deepEqual(triggerTools, [], `trigger nodes with a Tool variant: ${triggerTools.join(', ')}`);
			const short = (d) => `${d.name.slice(PACKAGE_NAME.length + 1)}${isTrigger(d) ? ' (trigger)' : ' (+Tool)'}`;
			return [...new Map(nodes.map((d) => [d.name, short(d)])).values()].join(', ');
		},
	};
}

/** n8n's log has no error or warning about this package (run once, for all providers). */
export function packageLogCheck(nodeNames) {
	return {
		name: `n8n loaded ${PACKAGE_NAME} without errors or warnings in its log`,
		async run({ n8n }) {
			const needles = [PACKAGE_NAME, ...nodeNames];
			const lines = n8n.logText().split('\n');
			// Stack frames ("    at fn (…/n8n-nodes-crm-bridge/…)") belong to the errors the checks provoke on
			// purpose (wrong passwords, missing records); a loading problem shows up as a message line.
			const suspicious = lines.filter(
				(line) => !/^\s+at /.test(line) && /error|warn|fail|skipping|unrecogni[sz]ed|could not|cannot|not installed/i.test(line) && needles.some((n) => line.includes(n)),
			);
			assert.deepEqual(suspicious, [], `log lines about the package:\n${suspicious.join('\n')}`);
			const mentions = lines.filter((line) => line.includes(PACKAGE_NAME)).length;
			return `no error/warning lines naming ${needles.join(', ')} (${mentions} log line(s) mention the package)`;
		},
	};
}
