import { pacingClock, slowDown, takeTurn } from '../../nodes/shared/transport/pacing';
import { retryClock } from '../../nodes/shared/transport/retry';

describe('takeTurn (request pacing)', () => {
	let now = 0;
	const waits: number[] = [];
	const realSleep = retryClock.sleep;
	const realNow = pacingClock.now;
	beforeEach(() => {
		now = 1_000_000;
		waits.length = 0;
		pacingClock.now = () => now;
		retryClock.sleep = async (ms) => {
			waits.push(ms);
			now += ms;
		};
	});
	afterAll(() => {
		retryClock.sleep = realSleep;
		pacingClock.now = realNow;
	});

	it('spaces requests by the minimum interval', async () => {
		for (let i = 0; i < 5; i++) (await takeTurn('spacing', { minIntervalMs: 100 }, false))();
		expect(waits).toEqual([100, 100, 100, 100]);
	});

	it('never lets more than perMinute requests into any 60 s window, even when sent in parallel', async () => {
		const times: number[] = [];
		await Promise.all(
			Array.from({ length: 25 }, () =>
				takeTurn('window', { perMinute: 10 }, false).then((answered) => {
					times.push(now);
					answered();
				}),
			),
		);
		for (let i = 10; i < times.length; i++) expect(times[i] - times[i - 10]).toBeGreaterThanOrEqual(60_000);
		expect(times[24] - times[0]).toBeLessThan(3 * 60_000);
	});

	it('limits writes separately from reads', async () => {
		for (let i = 0; i < 3; i++) (await takeTurn('writes', { writesPerMinute: 2 }, true))();
		expect(waits).toEqual([60_000]);
		waits.length = 0;
		(await takeTurn('writes', { writesPerMinute: 2 }, false))();
		expect(waits).toEqual([]);
	});

	it('keeps separate budgets per key', async () => {
		(await takeTurn('a', { minIntervalMs: 1000 }, false))();
		(await takeTurn('b', { minIntervalMs: 1000 }, false))();
		expect(waits).toEqual([]);
	});

	it('counts a request until its answer: the gap runs from the answer, so no travel time can shrink it', async () => {
		(await takeTurn('travel', { minIntervalMs: 100 }, false))();
		const answered = await takeTurn('travel', { minIntervalMs: 100 }, false);
		now += 250;
		answered();
		(await takeTurn('travel', { minIntervalMs: 100 }, false))();
		expect(waits).toEqual([100, 100]);
	});

	it('a request in flight holds its place in the window until it is answered', async () => {
		const first = await takeTurn('flight', { perMinute: 1 }, false);
		let second = false;
		const next = takeTurn('flight', { perMinute: 1 }, false).then((answered) => {
			second = true;
			answered();
		});
		await new Promise((resolve) => setImmediate(resolve));
		expect(second).toBe(false);
		now += 5_000;
		first();
		await next;
		expect(waits).toEqual([60_000]);
	});

	it('a rate-limit refusal pauses the budget as long as the server asked; a long one halves the per-minute share, and answers give it back', async () => {
		const pacing = { perMinute: 4 };
		(await takeTurn('shared', pacing, false))();
		slowDown('shared', 5_000);
		// A second refusal from the same episode (sent before the pause) halves nothing more.
		slowDown('shared', 5_000);
		(await takeTurn('shared', pacing, false))();
		expect(waits).toEqual([5_000]);
		waits.length = 0;
		// Two of the halved share of 2 a minute are used: the next waits for the window.
		(await takeTurn('shared', pacing, false))();
		expect(waits).toHaveLength(1);
		expect(waits[0]).toBeGreaterThan(50_000);
		now += 60_000;
		for (let i = 0; i < 128; i++) {
			(await takeTurn('shared', { minIntervalMs: 1 }, false))();
		}
		waits.length = 0;
		now += 60_000;
		for (let i = 0; i < 4; i++) (await takeTurn('shared', pacing, false))();
		expect(waits).toEqual([]);
	});

	it('a short refusal (two processes within the minimum gap) pauses but keeps the share', async () => {
		const pacing = { minIntervalMs: 100, perMinute: 2 };
		(await takeTurn('gap', pacing, false))();
		now += 1_000;
		slowDown('gap', 1_000);
		(await takeTurn('gap', pacing, false))();
		expect(waits).toEqual([1_000]);
	});

	it('repeated refusals shrink the per-minute share down to a quarter (here 1 a minute), never to nothing', async () => {
		for (let i = 0; i < 6; i++) {
			slowDown('crowded', 2_000);
			now += 2_000;
			now += 1;
		}
		const times: number[] = [];
		for (let i = 0; i < 3; i++) {
			const answered = await takeTurn('crowded', { perMinute: 4 }, false);
			times.push(now);
			answered();
			// The answers gave back a little; refuse again to stay at the floor.
			slowDown('crowded', 2_000);
			now += 2_000;
		}
		expect(times[1] - times[0]).toBeGreaterThanOrEqual(60_000);
		expect(times[2] - times[1]).toBeGreaterThanOrEqual(60_000);
	});
});
