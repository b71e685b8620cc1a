import { retryClock } from './retry';

/** Documented request budgets of a provider, so long runs stay under them instead of hitting them. */
export interface Pacing {
	/** Minimum gap between two requests. */
	minIntervalMs?: number;
	/** Requests allowed in any 60-second window. */
	perMinute?: number;
	/** Writes (POST/PUT/PATCH/DELETE) allowed in any 60-second window. */
	writesPerMinute?: number;
}

const WINDOW_MS = 60_000;

interface Budget {
	last: number;
	recent: number[];
	recentWrites: number[];
	queue: Promise<void>;
}

const budgets = new Map<string, Budget>();

/** Replaceable clock for tests (the waits themselves go through retryClock.sleep). */
export const pacingClock = { now: (): number => Date.now() };

function waitFor(budget: Budget, pacing: Pacing, write: boolean, now: number): number {
	const windowStart = now - WINDOW_MS;
	budget.recent = budget.recent.filter((time) => time > windowStart);
	budget.recentWrites = budget.recentWrites.filter((time) => time > windowStart);
	let wait = pacing.minIntervalMs ? budget.last + pacing.minIntervalMs - now : 0;
	if (pacing.perMinute && budget.recent.length >= pacing.perMinute) {
		wait = Math.max(wait, budget.recent[budget.recent.length - pacing.perMinute] + WINDOW_MS - now);
	}
	if (write && pacing.writesPerMinute && budget.recentWrites.length >= pacing.writesPerMinute) {
		wait = Math.max(wait, budget.recentWrites[budget.recentWrites.length - pacing.writesPerMinute] + WINDOW_MS - now);
	}
	return Math.max(0, wait);
}

/**
 * Waits until one more request fits the budget for `key` (a non-secret "which account at which
 * server"). Callers queue in order, so parallel items share one budget.
 */
export async function takeTurn(key: string, pacing: Pacing, write: boolean): Promise<void> {
	const budget = budgets.get(key) ?? { last: -Infinity, recent: [], recentWrites: [], queue: Promise.resolve() };
	budgets.set(key, budget);
	const turn = budget.queue.then(async () => {
		const wait = waitFor(budget, pacing, write, pacingClock.now());
		if (wait > 0) await retryClock.sleep(wait);
		const now = pacingClock.now();
		budget.last = now;
		budget.recent.push(now);
		if (write) budget.recentWrites.push(now);
	});
	budget.queue = turn;
	await turn;
}
