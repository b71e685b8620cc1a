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

/**
 * A request that took its turn. It reaches the server at some moment between its turn and its
 * answer, which the client cannot see; so a request counts from its turn, and until its answer
 * (`answeredAt`, Infinity while in flight): then no server clock can see two requests closer
 * together, or more of them in a window, than the budget allows, however long they travel.
 */
interface Sent {
	write: boolean;
	answeredAt: number;
	answered: Promise<void>;
}

interface Budget {
	sent: Sent[];
	queue: Promise<void>;
}

const budgets = new Map<string, Budget>();

/** Replaceable clock for tests (the waits themselves go through retryClock.sleep). */
export const pacingClock = { now: (): number => Date.now() };

/** Milliseconds until a budget of `limit` per window has room, or the request in flight that must answer first. */
function windowRoom(counted: Sent[], limit: number | undefined, now: number): number | Sent {
	if (!limit || counted.length < limit) return 0;
	const oldest = [...counted].sort((a, b) => a.answeredAt - b.answeredAt)[counted.length - limit];
	return oldest.answeredAt === Infinity ? counted.find((request) => request.answeredAt === Infinity)! : oldest.answeredAt + WINDOW_MS - now;
}

function nextTurn(budget: Budget, pacing: Pacing, write: boolean, now: number): number | Sent {
	budget.sent = budget.sent.filter((request) => request.answeredAt > now - WINDOW_MS);
	let wait = 0;
	if (pacing.minIntervalMs) {
		for (const request of budget.sent) {
			if (request.answeredAt === Infinity) return request;
			wait = Math.max(wait, request.answeredAt + pacing.minIntervalMs - now);
		}
	}
	const room = [windowRoom(budget.sent, pacing.perMinute, now), write ? windowRoom(budget.sent.filter((request) => request.write), pacing.writesPerMinute, now) : 0];
	for (const limit of room) {
		if (typeof limit !== 'number') return limit;
		wait = Math.max(wait, limit);
	}
	return wait;
}

/**
 * Waits until one more request fits the budget for `key` (a non-secret "which account at which
 * server"). Callers queue in order, so parallel items share one budget. Resolves to the function
 * the caller must call once the request has been answered (or has failed).
 */
export async function takeTurn(key: string, pacing: Pacing, write: boolean): Promise<() => void> {
	const budget = budgets.get(key) ?? { sent: [], queue: Promise.resolve() };
	budgets.set(key, budget);
	let resolveAnswered!: () => void;
	const request: Sent = { write, answeredAt: Infinity, answered: new Promise<void>((resolve) => (resolveAnswered = resolve)) };
	const answer = () => {
		if (request.answeredAt === Infinity) request.answeredAt = pacingClock.now();
		resolveAnswered();
	};
	const turn = budget.queue.then(async () => {
		for (;;) {
			const next = nextTurn(budget, pacing, write, pacingClock.now());
			if (next === 0) break;
			if (typeof next === 'number') await retryClock.sleep(next);
			else await next.answered;
		}
		budget.sent.push(request);
	});
	budget.queue = turn;
	await turn;
	return answer;
}
