/**
 * Structural invariants shared by every node: one skeleton for all five providers (so learning one
 * teaches all five), and a description that agrees with the router.
 */
import fs from 'fs';
import path from 'path';
import type { ICredentialType, INodeProperties, INodeType } from 'n8n-workflow';

import type { ResourceModule, ResourceTable } from '../nodes/shared/actions/router';

const ROOT = path.join(__dirname, '..');
const NODES = path.join(ROOT, 'nodes');
const packageJson = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { n8n: { nodes: string[]; credentials: string[] } };

const providers = fs
	.readdirSync(NODES)
	.filter((name) => name !== 'shared' && fs.statSync(path.join(NODES, name)).isDirectory())
	.sort();

const sourceOf = (distPath: string) => path.join(ROOT, distPath.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
const load = (file: string) => require(file) as Record<string, unknown>;
const files = (...parts: string[]) => (fs.existsSync(path.join(NODES, ...parts)) ? fs.readdirSync(path.join(NODES, ...parts)).sort() : []);

function nodeOf(provider: string): INodeType {
	const exports = load(path.join(NODES, provider, `${provider}.node.ts`));
	return new (exports[provider] as new () => INodeType)();
}

function resourcesOf(provider: string): ResourceTable {
	const router = load(path.join(NODES, provider, 'actions', 'router.ts'));
	const tables = Object.entries(router).filter(([name]) => name.endsWith('Resources'));
	expect(tables.map(([name]) => name)).toHaveLength(1);
	return tables[0][1] as ResourceTable;
}

/** The credential types a node uses, as classes from credentials/. */
function credentialsOf(node: INodeType): ICredentialType[] {
	return (node.description.credentials ?? []).map((reference) => {
		const file = packageJson.n8n.credentials.map(sourceOf).find((candidate) => {
			const exports = load(candidate);
			return Object.values(exports).some((value) => typeof value === 'function' && new (value as new () => ICredentialType)().name === reference.name);
		});
		expect({ credential: reference.name, file: Boolean(file) }).toEqual({ credential: reference.name, file: true });
		const exports = load(file!);
		return new (Object.values(exports)[0] as new () => ICredentialType)();
	});
}

describe('the package', () => {
	it('registers every node and credential source file, and nothing else', () => {
		const nodeFiles = providers.flatMap((provider) => files(provider).filter((name) => name.endsWith('.node.ts')).map((name) => path.join(NODES, provider, name)));
		expect(packageJson.n8n.nodes.map(sourceOf).sort()).toEqual(nodeFiles.sort());
		const credentialFiles = fs.readdirSync(path.join(ROOT, 'credentials')).map((name) => path.join(ROOT, 'credentials', name));
		expect(packageJson.n8n.credentials.map(sourceOf).sort()).toEqual(credentialFiles.sort());
	});

	it('has five provider folders', () => {
		expect(providers).toHaveLength(5);
	});
});

describe.each(providers)('%s follows the one skeleton', (provider) => {
	const lower = provider[0].toLowerCase() + provider.slice(1);

	it('top level: the node, its trigger, its codex file and two different icons; only actions/, helpers/, methods/, transport/ below', () => {
		const entries = files(provider);
		expect(entries).toEqual(expect.arrayContaining([`${provider}.node.ts`, `${provider}Trigger.node.ts`, `${provider}.node.json`, `${lower}.svg`, `${lower}.dark.svg`]));
		const folders = entries.filter((name) => fs.statSync(path.join(NODES, provider, name)).isDirectory());
		expect(folders.filter((name) => !['actions', 'helpers', 'methods', 'transport'].includes(name))).toEqual([]);
		expect(folders).toEqual(expect.arrayContaining(['actions', 'transport']));
		const light = fs.readFileSync(path.join(NODES, provider, `${lower}.svg`), 'utf8');
		expect(fs.readFileSync(path.join(NODES, provider, `${lower}.dark.svg`), 'utf8')).not.toBe(light);
	});

	it('actions/: router.ts plus exactly one file per resource, each exporting its description and its operations', () => {
		const table = resourcesOf(provider);
		const resourceFiles = files(provider, 'actions').filter((name) => name !== 'router.ts');
		expect(resourceFiles).toEqual(Object.keys(table).map((resource) => `${resource}.ts`).sort());
		expect(Object.keys(table)).toContain('apiRequest');
		for (const [resource, module] of Object.entries(table)) {
			const exported = load(path.join(NODES, provider, 'actions', `${resource}.ts`));
			expect({ resource, exports: Object.keys(exported).sort() }).toEqual({ resource, exports: ['description', 'operations'] });
			expect(exported).toBe(module);
			const { description, operations } = module as ResourceModule;
			expect(Array.isArray(description)).toBe(true);
			expect(Object.values(operations).every((operation) => typeof operation === 'function')).toBe(true);
		}
	});

	it('transport/: url, policy and index, plus login exactly when the credential logs in', () => {
		const node = nodeOf(provider);
		const logsIn = credentialsOf(node).some((credential) => typeof credential.preAuthentication === 'function');
		const expected = ['index.ts', 'policy.ts', 'url.ts', ...(logsIn ? ['login.ts'] : [])].sort();
		expect(files(provider, 'transport')).toEqual(expected);
	});

	it('methods/ and helpers/ hold only TypeScript modules', () => {
		for (const folder of ['methods', 'helpers']) expect(files(provider, folder).filter((name) => !name.endsWith('.ts'))).toEqual([]);
	});
});

const optionValues = (property: INodeProperties) => (property.options ?? []).map((option) => (option as { value: string }).value);

describe.each(providers)('%s node description', (provider) => {
	let node: INodeType;
	let table: ResourceTable;
	let properties: INodeProperties[];
	let resource: INodeProperties;
	let operationSelectors: INodeProperties[];
	beforeAll(() => {
		node = nodeOf(provider);
		table = resourcesOf(provider);
		properties = node.description.properties;
		resource = properties.find((property) => property.name === 'resource')!;
		operationSelectors = properties.filter((property) => property.name === 'operation');
	});

	it('is usable as an AI tool and lists its credentials', () => {
		expect(node.description.usableAsTool).toBe(true);
		expect(node.description.credentials?.length).toBeGreaterThan(0);
	});

	it('shows exactly the fields of its resource files', () => {
		const fromFiles = Object.values(table).flatMap((module) => module.description);
		expect(properties.filter((property) => !['resource', 'authentication'].includes(property.name))).toEqual(fromFiles.sort((a, b) => properties.indexOf(a) - properties.indexOf(b)));
	});

	it('offers exactly the resources and operations the router implements', () => {
		const described = operationSelectors.flatMap((selector) =>
			(selector.displayOptions?.show?.resource as string[]).flatMap((res) => optionValues(selector).map((operation) => `${res}.${operation}`)),
		);
		const implemented = Object.entries(table).flatMap(([res, module]) => Object.keys(module.operations).map((operation) => `${res}.${operation}`));
		expect(described.sort()).toEqual(implemented.sort());
		expect(optionValues(resource).sort()).toEqual(Object.keys(table).sort());
	});

	it('gives every operation an action and keeps option lists alphabetical', () => {
		for (const selector of [resource, ...operationSelectors]) {
			const names = (selector.options ?? []).map((option) => (option as { name: string }).name);
			expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		}
		for (const selector of operationSelectors) {
			for (const option of selector.options ?? []) expect((option as { action?: string }).action).toBeTruthy();
		}
	});

	it('scopes every other field to a resource that exists', () => {
		const resources = optionValues(resource);
		for (const property of properties) {
			if (['resource', 'authentication'].includes(property.name)) continue;
			const shown = property.displayOptions?.show?.resource as string[] | undefined;
			expect({ name: property.name, shown }).toEqual({ name: property.name, shown: expect.any(Array) });
			for (const res of shown!) expect(resources).toContain(res);
		}
	});
});
