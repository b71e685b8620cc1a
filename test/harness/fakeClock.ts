/**
 * Runs the kernel's request pacing and retry waits on a fake clock for one test file: waits are
 * recorded and "pass" at once, so tests about logins or data are not slowed by real pacing.
 */
import { pacingClock } from '../../nodes/shared/transport/pacing';
import { retryClock } from '../../nodes/shared/transport/retry';

export function useFakeClock() {
	const clock = { waits: [] as number[], now: Date.now() };
	const realSleep = retryClock.sleep;
	const realNow = pacingClock.now;
	beforeAll(() => {
		pacingClock.now = () => clock.now;
		retryClock.sleep = async (ms) => {
			clock.waits.push(ms);
			clock.now += ms;
		};
	});
	afterAll(() => {
		retryClock.sleep = realSleep;
		pacingClock.now = realNow;
	});
	beforeEach(() => {
		clock.waits.length = 0;
	});
	return clock;
}
