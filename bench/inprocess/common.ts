/**
 * Shared pieces of the in-process runs: our nodes through the n8n-core harness
 * (test/harness/runNode.ts), a fake clock for the kernel's pacing, and the emulator host client.
 */
import type { ICredentialType, IDataObject, INodeParameters, INodeType } from 'n8n-workflow';

import { CrmPlatformApi } from '../../credentials/CrmPlatformApi.credentials';
import { CrmPlatformJwtApi } from '../../credentials/CrmPlatformJwtApi.credentials';
import { FaveoHelpdeskApi } from '../../credentials/FaveoHelpdeskApi.credentials';
import { FluentCrmApi } from '../../credentials/FluentCrmApi.credentials';
import { FuseUniversalApi } from '../../credentials/FuseUniversalApi.credentials';
import { NexudusApi } from '../../credentials/NexudusApi.credentials';
import { CrmPlatform } from '../../nodes/CrmPlatform/CrmPlatform.node';
import { FaveoHelpdesk } from '../../nodes/FaveoHelpdesk/FaveoHelpdesk.node';
import { FluentCrm } from '../../nodes/FluentCrm/FluentCrm.node';
import { FuseUniversal } from '../../nodes/FuseUniversal/FuseUniversal.node';
import { Nexudus } from '../../nodes/Nexudus/Nexudus.node';
import { pacingClock } from '../../nodes/shared/transport/pacing';
import { retryClock } from '../../nodes/shared/transport/retry';
import { NodeHarness } from '../../test/harness/runNode';
import type { RunResult } from '../../test/harness/runNode';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { rpc } = require('../lib/hostClient.cjs') as { rpc: (url: string, cmd: string, body?: IDataObject) => Promise<any> };

export type Provider = 'fuse' | 'crmplatform' | 'faveo' | 'fluentcrm' | 'nexudus';

export interface Instance {
	id: string;
	url: string;
	siteUrl: string;
	apiRoot: string;
	credential: { type: string; data: IDataObject };
	seedMs: number;
}

export interface HostStats {
	loginRequests: number;
	apiRequests: number;
	accepted: number;
	unauthorized: number;
	otherErrors: number;
	kills: number;
	logins: number;
	failedLogins: number;
	rotations: number;
}

export const hostUrl = (): string => {
	const url = process.env.BENCH_HOST;
	if (!url) throw new Error('BENCH_HOST is not set: run through bench/run.mjs');
	return url;
};
export const host = async (cmd: string, body: IDataObject = {}) => await rpc(hostUrl(), cmd, body);
export const startInstance = async (provider: string, body: IDataObject = {}): Promise<Instance> => (await host('start', { provider, ...body })) as Instance;
export const stats = async (id: string): Promise<HostStats> => (await host('stats', { id })) as HostStats;

export const NODES: Record<Provider, { node: () => INodeType; credentials: () => ICredentialType[] }> = {
	fuse: { node: () => new FuseUniversal(), credentials: () => [new FuseUniversalApi()] },
	crmplatform: { node: () => new CrmPlatform(), credentials: () => [new CrmPlatformApi(), new CrmPlatformJwtApi()] },
	faveo: { node: () => new FaveoHelpdesk(), credentials: () => [new FaveoHelpdeskApi()] },
	fluentcrm: { node: () => new FluentCrm(), credentials: () => [new FluentCrmApi()] },
	nexudus: { node: () => new Nexudus(), credentials: () => [new NexudusApi()] },
};

/** One harness with one stored credential for an emulator instance. */
export function harnessFor(provider: Provider, instance: Instance) {
	const harness = new NodeHarness([NODES[provider].node()], NODES[provider].credentials());
	const credentialId = harness.addCredential(instance.credential.type, instance.credential.data as never);
	const run = async (parameters: INodeParameters, items: IDataObject[], continueOnFail = true): Promise<RunResult> =>
		await harness.run({ parameters, items, credentials: { [instance.credential.type]: credentialId }, continueOnFail });
	return { harness, credentialId, run };
}

/** Items that did not succeed: error items, or every item when the run itself failed. */
export function failedItems(result: RunResult, expected: number): number {
	if (result.error) return expected - result.items.filter((item) => item.json.error === undefined).length;
	return result.items.filter((item) => item.json.error !== undefined).length + Math.max(0, expected - result.items.length);
}

/**
 * The kernel paces Nexudus (1 request / 100 ms, 120 / min, 60 writes / min) and Faveo (58 / min) in
 * real time. Where the bench is not about pacing (every section but 5), its clock is replaced: waits
 * advance a virtual clock instantly.
 * Returns how much virtual time the pacing (and retries) would have waited.
 */
export function useFakeClock(): { waitedMs: () => number } {
	let now = Date.now();
	let waited = 0;
	pacingClock.now = () => now;
	retryClock.sleep = async (ms: number) => {
		now += ms;
		waited += ms;
	};
	return { waitedMs: () => waited };
}
