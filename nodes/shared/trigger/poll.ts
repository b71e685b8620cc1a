import type { IDataObject, INodeExecutionData, INodeProperties, IPollFunctions } from 'n8n-workflow';

import { pollChanges } from './changeCursor';
import type { ChangeFeed, CursorState } from './changeCursor';

/** How many records "Fetch Test Event" shows. */
const MANUAL_SAMPLE = 3;

interface StoredCursor {
	/** The event the cursor belongs to: switching events starts afresh. */
	event?: string;
	cursor?: CursorState;
}

/** The options every polling trigger offers. */
export const pollingOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Overlap (Minutes)',
			name: 'overlapMinutes',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 10,
			description: 'How far back each poll re-reads to catch late or clock-skewed changes; re-read records are not emitted twice',
		},
		{
			displayName: 'Since',
			name: 'since',
			type: 'dateTime',
			default: '',
			description: 'On the first activation, emit changes from this time on instead of only new ones (in the server’s time)',
		},
	],
};

/** Parses provider timestamps; strings without a zone are read as UTC, consistently for every record. */
export function timestampMs(value: unknown): number {
	const text = String(value ?? '').trim();
	if (!text) return 0;
	const iso = /[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(' ', 'T')}Z`;
	const ms = Date.parse(iso);
	return Number.isFinite(ms) ? ms : 0;
}

/** Runs one poll for `event`, keeping the cursor in the node's static data. */
export async function pollEvent(this: IPollFunctions, event: string, feed: ChangeFeed): Promise<INodeExecutionData[][] | null> {
	if (this.getMode() === 'manual') {
		const sample = (await feed.fetchPage(0)).slice(0, MANUAL_SAMPLE);
		return sample.length ? [this.helpers.returnJsonArray(sample)] : null;
	}
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const stored = this.getWorkflowStaticData('node') as StoredCursor;
	if (stored.event !== event) {
		stored.event = event;
		stored.cursor = {};
	}
	const since = options.since ? timestampMs(options.since) : undefined;
	const overlapMs = Number(options.overlapMinutes ?? 10) * 60_000;
	const { changes, state } = await pollChanges(feed, stored.cursor ?? {}, { overlapMs, since });
	stored.cursor = state;
	return changes.length ? [this.helpers.returnJsonArray(changes)] : null;
}
