import { pacingClock, takeTurn } from '../../nodes/shared/transport/pacing';
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
});
