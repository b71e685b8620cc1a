import type { IDataObject } from 'n8n-workflow';

import { pollChanges } from '../../nodes/shared/trigger/changeCursor';
import type { ChangeFeed, CursorState } from '../../nodes/shared/trigger/changeCursor';

/** Deterministic pseudo-random numbers so a failure can be replayed. */
function random(seed: number) {
	let state = seed;
	return () => {
		state = (state * 1103515245 + 12345) % 2 ** 31;
		return state / 2 ** 31;
	};
}

/** A server that lists records newest first (timestamp, then id) with offset paging, like the providers do. */
class FakeServer {
	/** id → [timestamp, revision]; the revision stands for the record's changed content. */
	readonly records = new Map<number, [number, number]>();
	nextId = 1;
	clock = 1_000_000;
	revision = 0;
	onPage: (() => void) | undefined;

	change(id: number, skewMs = 0): string {
		const version: [number, number] = [this.clock - skewMs, ++this.revision];
		this.records.set(id, version);
		return `${id}@${version[0]}r${version[1]}`;
	}

	feed(pageSize: number, contentCounts = true): ChangeFeed {
		return {
			pageSize,
			contentCounts,
			timestampOf: (record) => Number(record.ts),
			idOf: (record) => String(record.id),
			fetchPage: async (index) => {
				this.onPage?.();
				const sorted = [...this.records.entries()].sort((a, b) => b[1][0] - a[1][0] || b[0] - a[0]);
				return sorted.slice(index * pageSize, (index + 1) * pageSize).map(([id, [ts, rev]]) => ({ id, ts, rev }) as IDataObject);
			},
		};
	}

	current(): Set<string> {
		return new Set([...this.records.entries()].map(([id, [ts, rev]]) => `${id}@${ts}r${rev}`));
	}
}

describe('pollChanges (exact polling cursor)', () => {
	it('10,000 changes across 50 polls, bursts sharing one timestamp, updates mid-poll and late commits: nothing lost, nothing twice', async () => {
		const rand = random(42);
		const server = new FakeServer();
		const overlapMs = 5_000;
		for (let i = 0; i < 500; i++) server.change(server.nextId++);
		let state: CursorState = {};
		state = (await pollChanges(server.feed(100), state, { overlapMs })).state;

		const emitted: string[] = [];
		const made = new Set<string>();
		const mustEmit = new Set<string>();
		let changes = 0;
		const makeChange = () => {
			const update = rand() < 0.6 && server.nextId > 1;
			const id = update ? 1 + Math.floor(rand() * (server.nextId - 1)) : server.nextId++;
			// Late commits: a change may carry a timestamp up to 3 s in the past (inside the 5 s overlap).
			made.add(server.change(id, rand() < 0.2 ? Math.floor(rand() * 3000) : 0));
			changes++;
		};
		for (let poll = 0; poll < 50; poll++) {
			// A burst of changes that share one timestamp, then the clock moves on.
			const burst = 150 + Math.floor(rand() * 100);
			for (let i = 0; i < burst; i++) makeChange();
			server.clock += 1000;
			for (let i = 0; i < 40; i++) {
				if (rand() < 0.5) server.clock += 1;
				makeChange();
			}
			// Changes that land while the poll is paging.
			server.onPage = () => {
				for (let i = 0; i < 3; i++) makeChange();
				server.clock += 7;
			};
			const before = server.current();
			const result = await pollChanges(server.feed(100), state, { overlapMs });
			server.onPage = undefined;
			const after = server.current();
			// A version that stayed current through the whole poll must have been emitted by it.
			for (const version of before) if (after.has(version)) mustEmit.add(version);
			state = result.state;
			emitted.push(...result.changes.map((record) => `${String(record.id)}@${String(record.ts)}r${String(record.rev)}`));
			server.clock += 2000;
		}
		// Quiet polls drain whatever landed during the last one.
		for (let i = 0; i < 2; i++) {
			const result = await pollChanges(server.feed(100), state, { overlapMs });
			state = result.state;
			emitted.push(...result.changes.map((record) => `${String(record.id)}@${String(record.ts)}r${String(record.rev)}`));
		}

		expect(changes).toBeGreaterThanOrEqual(10_000);
		expect(new Set(emitted).size).toBe(emitted.length);
		for (const version of emitted) expect(made.has(version)).toBe(true);
		for (const version of mustEmit) if (made.has(version)) expect(emitted).toContain(version);
		// Every record's final state reached the workflow.
		for (const version of server.current()) if (made.has(version)) expect(emitted).toContain(version);
	});

	it('first activation emits nothing (unless "since" is given); later polls emit oldest first', async () => {
		const server = new FakeServer();
		for (let i = 0; i < 30; i++) server.change(server.nextId++);
		const first = await pollChanges(server.feed(10), {}, { overlapMs: 1000 });
		expect(first.changes).toEqual([]);
		server.clock += 5000;
		server.change(3);
		server.change(31);
		const second = await pollChanges(server.feed(10), first.state, { overlapMs: 1000 });
		expect(second.changes.map((record) => record.id)).toEqual([3, 31]);
		const since = await pollChanges(server.feed(10), {}, { overlapMs: 1000, since: server.clock - 1 });
		expect(since.changes.map((record) => record.id)).toEqual([3, 31]);
	});

	it('a change that lands during the first poll is emitted by the next one', async () => {
		const server = new FakeServer();
		for (let i = 0; i < 5; i++) server.change(server.nextId++);
		let reads = 0;
		server.onPage = () => {
			if (++reads === 2) {
				server.clock += 40;
				server.change(server.nextId++);
			}
		};
		const first = await pollChanges(server.feed(10), {}, { overlapMs: 1000 });
		server.onPage = undefined;
		const second = await pollChanges(server.feed(10), first.state, { overlapMs: 1000 });
		expect(second.changes.map((record) => record.id)).toEqual([6]);
	});

	it('keeps only the overlap window of emitted keys (state stays small)', async () => {
		const server = new FakeServer();
		let state: CursorState = (await pollChanges(server.feed(50), {}, { overlapMs: 100 })).state;
		for (let round = 0; round < 20; round++) {
			for (let i = 0; i < 50; i++) server.change(server.nextId++);
			server.clock += 1000;
			state = (await pollChanges(server.feed(50), state, { overlapMs: 100 })).state;
		}
		expect(state.emitted!.length).toBeLessThanOrEqual(50);
	});

	it('"created" events: a record updated after it was emitted is not emitted again', async () => {
		// created_at never moves; the rest of the record (here: rev) changes with every update.
		const created = new Map<number, number>();
		const server = new FakeServer();
		const feed: ChangeFeed = {
			...server.feed(10, false),
			timestampOf: (record) => created.get(Number(record.id)) ?? 0,
			fetchPage: async (index) => {
				const sorted = [...server.records.entries()].sort((a, b) => (created.get(b[0]) ?? 0) - (created.get(a[0]) ?? 0) || b[0] - a[0]);
				return sorted.slice(index * 10, (index + 1) * 10).map(([id, [ts, rev]]) => ({ id, ts, rev }) as IDataObject);
			},
		};
		const create = () => {
			const id = server.nextId++;
			server.change(id);
			created.set(id, server.clock);
			return id;
		};
		for (let i = 0; i < 3; i++) create();
		let state = (await pollChanges(feed, {}, { overlapMs: 60_000 })).state;
		server.clock += 1000;
		const fresh = create();
		const next = await pollChanges(feed, state, { overlapMs: 60_000 });
		expect(next.changes.map((record) => record.id)).toEqual([fresh]);
		state = next.state;
		// An edit inside the overlap window changes the record's content but not its creation time.
		server.clock += 1000;
		server.change(fresh);
		server.change(1);
		expect((await pollChanges(feed, state, { overlapMs: 60_000 })).changes).toEqual([]);
	});

	it('"created or updated" events: a second save within the same timestamp is still emitted', async () => {
		const server = new FakeServer();
		server.change(server.nextId++);
		let state = (await pollChanges(server.feed(10), {}, { overlapMs: 1000 })).state;
		server.clock += 5000;
		server.change(1);
		const first = await pollChanges(server.feed(10), state, { overlapMs: 1000 });
		expect(first.changes.map((record) => record.rev)).toEqual([2]);
		state = first.state;
		server.change(1); // same clock value: the provider's timestamp did not move
		const second = await pollChanges(server.feed(10), state, { overlapMs: 1000 });
		expect(second.changes.map((record) => record.rev)).toEqual([3]);
	});
});
