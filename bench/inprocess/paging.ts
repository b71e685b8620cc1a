/**
 * Sections 2 and 4: "Return All" through our node (n8n-core harness), through a raw `fetch` loop that
 * asks for the same pages, and through a reference client on n8n's request helper, against seeded
 * emulator instances started by bench/run.mjs. Each client lives in its own worker process (own heap, own RSS).
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeParameters, INodeType } from 'n8n-workflow';

import { PAGE_SIZE as CRM_PLATFORM_PAGE_SIZE } from '../../nodes/CrmPlatform/transport';
import { PAGE_SIZE as FLUENTCRM_PAGE_SIZE } from '../../nodes/FluentCrm/transport';
import { PAGE_SIZE as NEXUDUS_PAGE_SIZE } from '../../nodes/Nexudus/transport';
import { NodeHarness } from '../../test/harness/runNode';
import { NODES, failedItems, harnessFor, host, useFakeClock } from './common';
import type { Instance, Provider } from './common';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { measure } = require('../lib/measure.cjs') as {
	measure: <T>(fn: () => Promise<T>) => Promise<{ ms: number; cpuMs: number; peakRssDelta: number; baselineRss: number; peakRss: number; retainedHeap: number; rssMethod: string; value: T }>;
};

type PagingProvider = 'fluentcrm' | 'crmplatform' | 'nexudus';

/** The node's own page sizes: every client asks for the same pages. */
export const PAGE_SIZES: Record<PagingProvider, number> = { fluentcrm: FLUENTCRM_PAGE_SIZE, crmplatform: CRM_PLATFORM_PAGE_SIZE, nexudus: NEXUDUS_PAGE_SIZE };

const GET_ALL: Record<PagingProvider, INodeParameters> = {
	fluentcrm: { resource: 'contact', operation: 'getAll', returnAll: true },
	crmplatform: { authentication: 'credentials', resource: 'contact', operation: 'getAll', returnAll: true },
	nexudus: { resource: 'coworker', operation: 'getAll', returnAll: true },
};

const basic = (user: unknown, password: unknown) => `Basic ${Buffer.from(`${String(user)}:${String(password)}`).toString('base64')}`;

async function getJson(url: string, headers: Record<string, string>): Promise<any> {
	const response = await fetch(url, { headers: { Accept: 'application/json', ...headers } });
	if (!response.ok) throw new Error(`GET ${url} → ${response.status}`);
	return await response.json();
}

/**
 * The page loop a hand-written client would write: the same page queries as the node, collect the
 * records, stop on the provider's "last page" signal. `get` fetches and parses one URL.
 */
async function walkPages(provider: PagingProvider, instance: Instance, get: (url: string) => Promise<any>): Promise<IDataObject[]> {
	const size = PAGE_SIZES[provider];
	const records: IDataObject[] = [];
	if (provider === 'fluentcrm') {
		for (let page = 1; ; page++) {
			const paginator = (await get(`${instance.apiRoot}/subscribers?page=${page}&per_page=${size}`)).subscribers;
			for (const record of paginator.data) records.push(record);
			if (paginator.current_page >= paginator.last_page || paginator.data.length === 0) return records;
		}
	}
	if (provider === 'nexudus') {
		for (let page = 1; ; page++) {
			const body = await get(`${instance.apiRoot}/spaces/coworkers?page=${page}&size=${size}`);
			for (const record of body.Records) records.push(record);
			if (body.HasNextPage !== true) return records;
		}
	}
	for (let start = 0; ; start += size) {
		const body = (await get(`${instance.siteUrl}/crm-plugin/contact?_sort=id%3AASC&_start=${start}&_limit=${size}`)) as IDataObject[];
		for (const record of body) records.push(record);
		if (body.length < size) return records;
	}
}

/** Raw `fetch` (undici, keep-alive) with the provider's auth header. */
function rawClient(provider: PagingProvider, instance: Instance): () => Promise<IDataObject[]> {
	const data = instance.credential.data;
	let headers: Record<string, string> | undefined;
	if (provider === 'fluentcrm') headers = { Authorization: basic(data.username, data.applicationPassword) };
	else if (provider === 'nexudus') headers = { Authorization: basic(data.email, data.password) };
	// CRM Platform: log in on the first call and keep the token, as the node does with its credential.
	const logIn = async () => {
		const login = await fetch(`${instance.siteUrl}/auth/local`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
			body: JSON.stringify({ identifier: data.identifier, password: data.password }),
		});
		return { Authorization: `Bearer ${((await login.json()) as { jwt: string }).jwt}` };
	};
	return async () => {
		headers ??= await logIn();
		return await walkPages(provider, instance, async (url) => await getJson(url, headers!));
	};
}

/**
 * A reference client on n8n's request helper: the same page loop inside a bare node that sends every
 * page through n8n-core's `httpRequestWithAuthentication` with the provider's credential and returns
 * the records with `returnJsonArray`. Context only (what n8n's helper itself costs); goals are judged
 * against the raw loop.
 */
function helperClient(provider: PagingProvider, instance: Instance): () => Promise<IDataObject[]> {
	const credentialType = instance.credential.type;
	const helperNode: INodeType = {
		description: {
			displayName: 'Bench Helper Client',
			name: 'benchHelperClient',
			group: ['transform'],
			version: 1,
			description: 'Pages through n8n-core request helpers only',
			defaults: { name: 'Bench Helper Client' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: credentialType, required: true }],
			properties: [],
		} as unknown as INodeType['description'],
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			const get = async (url: string) => await this.helpers.httpRequestWithAuthentication.call(this, credentialType, { method: 'GET', url, json: true, headers: { Accept: 'application/json' } });
			return [this.helpers.returnJsonArray(await walkPages(provider, instance, get))];
		},
	};
	const harness = new NodeHarness([helperNode], NODES[provider as Provider].credentials());
	const credentialId = harness.addCredential(credentialType, instance.credential.data as never);
	return async () => {
		const result = await harness.run({ parameters: {}, items: [{}], credentials: { [credentialType]: credentialId } });
		if (result.error) throw new Error(`helper client ${provider} failed: ${result.error.message}`);
		return result.items.map((item) => item.json);
	};
}

async function ourClient(provider: PagingProvider, instance: Instance): Promise<() => Promise<IDataObject[]>> {
	const { run } = harnessFor(provider as Provider, instance);
	return async () => {
		const result = await run(GET_ALL[provider], [{}], false);
		if (result.error || failedItems(result, result.items.length) > 0) throw new Error(`${provider} getAll failed: ${result.error?.message ?? 'error items'}`);
		return result.items.map((item) => item.json);
	};
}

export interface PagingRun {
	n: number;
	ms: number;
	cpuMs: number;
	serverMs: number;
	requests: number;
	records: number;
	/** JS heap still held by the result after a full GC. */
	retainedHeap: number;
	pageSize: number;
	outputBytes?: number;
}

/**
 * One client (`variant`: ours / raw / helper) for the instances of one provider, kept alive in a
 * worker process (bench/inprocess/worker.cjs) so bench/sections/paging.mjs can interleave the clients
 * run by run — drifting machine load then hits all of them alike — while each keeps its own heap and RSS.
 */
export async function prepare(options: { provider: PagingProvider; variant: 'ours' | 'raw' | 'helper'; instances: Array<{ n: number; instance: Instance }> }) {
	const { provider, variant } = options;
	const clock = useFakeClock(); // Nexudus pacing (1 request / 100 ms) would otherwise dominate the timing
	const clients = new Map<number, () => Promise<IDataObject[]>>();
	const instances = new Map(options.instances.map(({ n, instance }) => [n, instance]));
	for (const [n, instance] of instances) {
		const client = variant === 'ours' ? await ourClient(provider, instance) : variant === 'helper' ? helperClient(provider, instance) : rawClient(provider, instance);
		clients.set(n, client);
	}
	const smallest = Math.min(...instances.keys());
	return {
		/** JIT, sockets: runs on the smallest instance. */
		async warmup(count: number) {
			for (let i = 0; i < count; i++) await clients.get(smallest)!();
		},
		/**
		 * Every client's first pass at N, before its timed runs (and CRM Platform's token login): not timed,
		 * but its peak RSS is the memory a "return all" of N needs when the heap has not held N records yet.
		 */
		async firstPass(n: number) {
			const measured = await measure(clients.get(n)!);
			return { peakRssDelta: measured.peakRssDelta, rssMethod: measured.rssMethod };
		},
		/** One timed "return all" over N (and the output size when asked). */
		async run(n: number, withOutputBytes: boolean): Promise<PagingRun> {
			const fetchAll = clients.get(n)!;
			const instance = instances.get(n)!;
			await host('reset', { id: instance.id });
			const measured = await measure(fetchAll);
			const counted = (await host('stats', { id: instance.id })) as { apiRequests: number; loginRequests: number; serverMs: number };
			if (measured.value.length !== n) throw new Error(`${variant} ${provider} returned ${measured.value.length} records, expected ${n}`);
			const run: PagingRun = { n, ms: measured.ms, cpuMs: measured.cpuMs, serverMs: counted.serverMs, requests: counted.apiRequests + counted.loginRequests, records: measured.value.length, retainedHeap: 0, pageSize: PAGE_SIZES[provider] };
			run.retainedHeap = measured.retainedHeap;
			if (withOutputBytes) run.outputBytes = Buffer.byteLength(JSON.stringify(measured.value));
			return run;
		},
		pacingWaitedMs: () => clock.waitedMs(),
	};
}
