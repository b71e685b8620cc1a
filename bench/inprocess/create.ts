/**
 * Section 3, in-process side: create FluentCRM contacts through our node (n8n-core harness,
 * its sequential item loop), through a reference client on n8n's request helper (a bare node that
 * only calls n8n-core's `httpRequestWithAuthentication` per item) and through a raw `fetch` loop —
 * each against its own fresh emulator instance (started by bench/sections/create.mjs).
 * The HTTP Request node side runs in real n8n (bench/realn8n/run.mjs).
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType } from 'n8n-workflow';

import { NodeHarness } from '../../test/harness/runNode';
import { NODES, failedItems, harnessFor } from './common';
import type { Instance } from './common';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { measure } = require('../lib/measure.cjs') as { measure: <T>(fn: () => Promise<T>) => Promise<{ ms: number; cpuMs: number; value: T }> };

const emailFor = (prefix: string, i: number) => `${prefix}-${i}@bench.example.test`;

function helperNode(credentialType: string, root: string): INodeType {
	return {
		description: {
			displayName: 'Bench Helper Client',
			name: 'benchHelperClient',
			group: ['transform'],
			version: 1,
			description: 'One POST per item through n8n-core request helpers only',
			defaults: { name: 'Bench Helper Client' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: credentialType, required: true }],
			properties: [],
		} as unknown as INodeType['description'],
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			const output: INodeExecutionData[] = [];
			const items = this.getInputData();
			for (let i = 0; i < items.length; i++) {
				const body = { email: String(items[i].json.email), status: 'subscribed' };
				const answer = (await this.helpers.httpRequestWithAuthentication.call(this, credentialType, { method: 'POST', url: `${root}/subscribers`, body, json: true, headers: { Accept: 'application/json' } })) as IDataObject;
				output.push({ json: answer.contact as IDataObject, pairedItem: { item: i } });
			}
			return [output];
		},
	};
}

/**
 * One client for one fresh emulator instance, kept alive in a worker process so bench/sections/create.mjs can
 * interleave the three clients run by run; each run creates `items` new contacts.
 */
export async function prepare(options: { variant: 'ours' | 'raw' | 'helper'; instance: Instance }) {
	const { variant, instance } = options;
	const data = instance.credential.data;
	let create: (prefix: string, count: number) => Promise<number>; // → failed items
	if (variant === 'raw') {
		const headers = {
			Authorization: `Basic ${Buffer.from(`${String(data.username)}:${String(data.applicationPassword)}`).toString('base64')}`,
			'Content-Type': 'application/json',
			Accept: 'application/json',
		};
		create = async (prefix, count) => {
			let failed = 0;
			const created: IDataObject[] = [];
			for (let i = 0; i < count; i++) {
				const response = await fetch(`${instance.apiRoot}/subscribers`, { method: 'POST', headers, body: JSON.stringify({ email: emailFor(prefix, i), status: 'subscribed' }) });
				const body = (await response.json()) as IDataObject;
				if (!response.ok) failed++;
				else created.push(body.contact as IDataObject);
			}
			return failed;
		};
	} else if (variant === 'helper') {
		const harness = new NodeHarness([helperNode(instance.credential.type, instance.apiRoot)], NODES.fluentcrm.credentials());
		const credentialId = harness.addCredential(instance.credential.type, data as never);
		create = async (prefix, count) => {
			const result = await harness.run({ parameters: {}, items: Array.from({ length: count }, (_, i) => ({ email: emailFor(prefix, i) })), credentials: { [instance.credential.type]: credentialId } });
			return failedItems(result, count);
		};
	} else {
		const { run: runNode } = harnessFor('fluentcrm', instance);
		create = async (prefix, count) => {
			const result = await runNode(
				{ resource: 'contact', operation: 'create', email: '={{ $json.email }}', status: 'subscribed' },
				Array.from({ length: count }, (_, i) => ({ email: emailFor(prefix, i) })),
			);
			return failedItems(result, count);
		};
	}
	return {
		warmup: async () => await create(`${variant}-warmup`, 20),
		run: async (rep: number, items: number): Promise<IDataObject> => {
			const measured = await measure(async () => await create(`${variant}-r${rep}`, items));
			return { variant, items, ms: measured.ms, cpuMs: measured.cpuMs, failed: measured.value };
		},
	};
}
