import type { IDataObject } from 'n8n-workflow';

import { NexudusApi } from '../../credentials/NexudusApi.credentials';
import { Nexudus } from '../../nodes/Nexudus/Nexudus.node';
import { useFakeClock } from '../harness/fakeClock';
import { useEmulator } from '../harness/useEmulator';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startNexudus } = require('../emulators/nexudus') as { startNexudus: (options?: IDataObject) => Promise<NexudusEmulator> };

export interface NexudusEmulator {
	url: string;
	requests: Array<{ method: string; path: string; query: IDataObject; body: unknown; status?: number }>;
	counters: Record<string, number>;
	config: IDataObject & { rateLimit: IDataObject };
	state: Record<string, IDataObject[]>;
	configure(patch: IDataObject): void;
	resetCounters(): void;
	resetRateLimits(): void;
	resetLog(): void;
	stop(): Promise<void>;
}

export const ADMIN = { email: 'admin@nexudus.test', password: 'Nexudus-Admin-Pass-2025' };

/** Emulator with its rate limits off and the node's own pacing waiting in fake time, unless a test opts in. */
export function useNexudus(emulatorOptions: IDataObject = {}) {
	const clock = useFakeClock();
	const context = useEmulator<NexudusEmulator>({
		start: async () => await startNexudus({ rateLimit: 'off', ...emulatorOptions }),
		nodes: [new Nexudus()],
		credentialTypes: [new NexudusApi()],
		credentialType: 'nexudusApi',
		credentialData: (emulator) => ({ baseUrl: `${emulator.url}/api`, ...ADMIN }),
	});
	return Object.assign(context, { waits: clock.waits });
}
