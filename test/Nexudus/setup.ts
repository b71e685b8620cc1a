import type { IDataObject } from 'n8n-workflow';

import { NexudusApi } from '../../credentials/NexudusApi.credentials';
import { Nexudus } from '../../nodes/Nexudus/Nexudus.node';
import { useFakeClock } from '../harness/fakeClock';
import { useEmulator } from '../harness/useEmulator';
import type { EmulatorLike } from '../harness/useEmulator';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startNexudus } = require('../emulators/nexudus') as { startNexudus: (options?: IDataObject) => Promise<NexudusEmulator> };

export interface NexudusEmulator extends EmulatorLike {
	url: string;
	/** `clockMs`: when the request arrived, on the test's fake clock. */
	requests: Array<{ method: string; path: string; query: IDataObject; body: unknown; status?: number; clockMs?: number }>;
	counters: Record<string, number>;
	config: IDataObject & { rateLimit: IDataObject };
	state: Record<string, IDataObject[]>;
	configure(patch: IDataObject): void;
	resetCounters(): void;
	resetRateLimits(): void;
	/** Inserts a record as it is (no API call, no validation): for a test's own fixtures. */
	insert(table: string, values: IDataObject): IDataObject;
}

export const ADMIN = { email: 'admin@nexudus.test', password: 'Nexudus-Admin-Pass-2025' };

let serial = 0;

/** An email no other test uses. */
export const uniqueEmail = (name: string) => `${name}.${process.pid}.${++serial}@example.test`;

/** A complete coworker as Nexudus stores it, so a full-record PUT of it passes validation. */
export function coworkerFixture(values: IDataObject = {}): IDataObject {
	const attendance = Object.fromEntries(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'].map((day) => [`${day}Attendance`, 5]));
	return { CoworkerType: 1, FullName: 'Test Member', Email: uniqueEmail('member'), CountryId: 1, SimpleTimeZoneId: 2, Gender: 1, TaxRateType: 1, ...attendance, Active: true, ...values };
}

/**
 * Emulator with its rate limits off unless a test opts in, and the node's pacing and retry waits
 * on a fake clock that the emulator's rate limiter and request log share.
 */
export function useNexudus(emulatorOptions: IDataObject = {}) {
	const clock = useFakeClock();
	const context = useEmulator<NexudusEmulator>({
		start: async () => await startNexudus({ rateLimit: 'off', clock: () => clock.now, ...emulatorOptions }),
		nodes: [new Nexudus()],
		credentialTypes: [new NexudusApi()],
		credentialType: 'nexudusApi',
		credentialData: (emulator) => ({ baseUrl: `${emulator.url}/api`, ...ADMIN }),
	});
	/** A coworker of this test's own. */
	const addCoworker = (values: IDataObject = {}) => context.emulator.insert('coworkers', coworkerFixture(values));
	return Object.assign(context, { waits: clock.waits, addCoworker });
}
