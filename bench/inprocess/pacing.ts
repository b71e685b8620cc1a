/**
 * Section 5: the kernel's pacing against the provider's real limit, in real time. One job through
 * our node (n8n-core harness, sequential items, cold credential) against an emulator instance with
 * its rate limit on; the emulator host records when each request arrived and how many it refused.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { failedItems, harnessFor, host, startInstance } from './common';
import type { Provider } from './common';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { measure } = require('../lib/measure.cjs') as { measure: <T>(fn: () => Promise<T>) => Promise<{ ms: number; cpuMs: number; value: T }> };

interface PacingJob {
	label: string;
	parameters: INodeParameters;
	item: (i: number) => IDataObject;
}

const JOBS: Record<'nexudus' | 'faveo', PacingJob> = {
	nexudus: {
		label: 'create coworkers (POST + GET back each)',
		parameters: { resource: 'coworker', operation: 'create', FullName: '={{ $json.name }}', Email: '={{ $json.email }}', CountryId: 1, SimpleTimeZoneId: 2, additionalFields: {} },
		item: (i) => ({ name: `Paced Member ${i}`, email: `paced-${i}-${Date.now()}@bench.example.test` }),
	},
	faveo: {
		label: 'get a ticket',
		parameters: { resource: 'ticket', operation: 'get', ticketId: '1' },
		item: () => ({}),
	},
};

export async function run(options: { provider: 'nexudus' | 'faveo'; items: number }): Promise<IDataObject> {
	const { provider, items } = options;
	const job = JOBS[provider];
	const instance = await startInstance(provider, { mode: 'rateLimited' });
	try {
		const { run: runNode } = harnessFor(provider as Provider, instance);
		await host('reset', { id: instance.id });
		const measured = await measure(async () => await runNode(job.parameters, Array.from({ length: items }, (_, i) => job.item(i))));
		const counted = (await host('stats', { id: instance.id })) as IDataObject & { arrivals: Array<{ ms: number }> };
		const first = counted.arrivals[0]?.ms ?? 0;
		return {
			provider,
			job: job.label,
			items,
			ms: measured.ms,
			cpuMs: measured.cpuMs,
			failed: failedItems(measured.value, items),
			firstError: measured.value.error?.message ?? null,
			throttled: counted.throttled,
			loginRequests: counted.loginRequests,
			apiRequests: counted.apiRequests,
			arrivals: counted.arrivals.map((arrival) => ({ ...arrival, ms: Math.round((arrival.ms - first) * 10) / 10 })),
		};
	} finally {
		await host('stop', { id: instance.id });
	}
}
