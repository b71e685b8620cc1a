import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

/**
 * Exact polling over "newest first" lists (sorted by a change timestamp, then id, descending).
 *
 * Why newest-first with offsets is safe: a record created or updated while we page moves to the
 * front, which only shifts later pages down (we may see a row twice, never skip one); the moved
 * record itself is picked up by the next poll under its new timestamp.
 *
 * Exactness: the cursor is the newest timestamp seen; every poll re-reads an overlap window before
 * it (late commits, clock skew, records sharing one timestamp) and drops what was already emitted.
 * What counts as "already emitted" is the event's identity: for "created" events the record's id
 * (its creation time never moves), for "created or updated" events the id, the change timestamp
 * and a digest of the content, so a second save within the timestamp's resolution is not lost.
 */
export interface CursorState {
	/** Newest change timestamp seen (ms). */
	newest?: number;
	/** `id@timestamp` (+ `#digest` for content-keyed feeds) of every change emitted at or after `newest - overlap`. */
	emitted?: string[];
}

export interface ChangeFeed {
	/** Fetches page `index` (0-based) of the newest-first list. */
	fetchPage(index: number): Promise<IDataObject[]>;
	timestampOf(record: IDataObject): number;
	idOf(record: IDataObject): string;
	/** Whether a record whose content changed without a new timestamp is a new change (updated events) or not (created events). */
	contentCounts: boolean;
	pageSize: number;
	/** Safety net against a server that never ends a list. */
	maxPages?: number;
}

export interface PollOptions {
	overlapMs: number;
	/** First poll only: emit changes from this time on (else start from the newest record, emitting nothing). */
	since?: number;
}

const digest = (record: IDataObject) => createHash('sha1').update(JSON.stringify(record)).digest('hex').slice(0, 12);
const keyOf = (feed: ChangeFeed, record: IDataObject) => `${feed.idOf(record)}@${feed.timestampOf(record)}${feed.contentCounts ? `#${digest(record)}` : ''}`;
const timestampOfKey = (key: string) => Number(/@(-?\d+)(#|$)/.exec(key)?.[1]);

/** Reads pages until a page reaches below `floor`; returns the records at or above it. */
async function readDownTo(feed: ChangeFeed, floor: number): Promise<IDataObject[]> {
	const records: IDataObject[] = [];
	const maxPages = feed.maxPages ?? 10_000;
	for (let index = 0; index < maxPages; index++) {
		const page = await feed.fetchPage(index);
		for (const record of page) if (feed.timestampOf(record) >= floor) records.push(record);
		const reachedFloor = page.some((record) => feed.timestampOf(record) < floor);
		if (reachedFloor || page.length < feed.pageSize) break;
	}
	return records;
}

/** One poll: returns new changes oldest first, and the state to store for the next poll. */
export async function pollChanges(feed: ChangeFeed, state: CursorState, options: PollOptions): Promise<{ changes: IDataObject[]; state: CursorState }> {
	const firstPoll = state.newest === undefined;
	if (firstPoll && options.since === undefined) {
		const newestPage = await feed.fetchPage(0);
		const newest = newestPage.length ? Math.max(...newestPage.map((record) => feed.timestampOf(record))) : 0;
		const floor = newest - options.overlapMs;
		// A record that lands between the reads is newer than `newest`: leave it for the next poll to emit.
		const seen = (await readDownTo(feed, floor)).filter((record) => feed.timestampOf(record) <= newest);
		return { changes: [], state: { newest, emitted: seen.map((record) => keyOf(feed, record)) } };
	}
	const floor = firstPoll ? (options.since as number) : (state.newest as number) - options.overlapMs;
	const already = new Set(state.emitted ?? []);
	const fresh = new Map<string, IDataObject>();
	for (const record of await readDownTo(feed, floor)) {
		const key = keyOf(feed, record);
		if (!already.has(key) && !fresh.has(key)) fresh.set(key, record);
	}
	const changes = [...fresh.values()].sort((a, b) => feed.timestampOf(a) - feed.timestampOf(b) || feed.idOf(a).localeCompare(feed.idOf(b), undefined, { numeric: true }));
	const newest = Math.max(state.newest ?? floor, ...changes.map((record) => feed.timestampOf(record)));
	const keep = newest - options.overlapMs;
	const emitted = [...already, ...fresh.keys()].filter((key) => timestampOfKey(key) >= keep);
	return { changes, state: { newest, emitted } };
}
