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
/** How far a process slows down when other processes (n8n queue-mode workers) spend the same budget. */
const MAX_SLOWDOWN = 4;
/** Each answer without a rate-limit reply takes back this much of the slowdown. */
const RECOVERY_PER_ANSWER = 1 / 64;
/** A refusal asking to wait at least this long is about a per-minute budget, not the gap between two requests. */
const WINDOW_REFUSAL_MS = 2_000;

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
	/** No request goes out before this time (the server asked to wait). */
	pausedUntil: number;
	/** Divides the per-minute budgets: 1 = the documented ones; 2 = half of them; … */
	slowdown: number;
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

/** The budget this process may spend now: the documented one divided by the slowdown. */
const share = (limit: number | undefined, slowdown: number) => (limit ? Math.max(1, Math.floor(limit / slowdown)) : undefined);

function nextTurn(budget: Budget, pacing: Pacing, write: boolean, now: number): number | Sent {
	budget.sent = budget.sent.filter((request) => request.answeredAt > now - WINDOW_MS);
	let wait = Math.max(0, budget.pausedUntil - now);
	if (pacing.minIntervalMs) {
		for (const request of budget.sent) {
			if (request.answeredAt === Infinity) return request;
			wait = Math.max(wait, request.answeredAt + pacing.minIntervalMs - now);
		}
	}
	const room = [
		windowRoom(budget.sent, share(pacing.perMinute, budget.slowdown), now),
		write ? windowRoom(budget.sent.filter((request) => request.write), share(pacing.writesPerMinute, budget.slowdown), now) : 0,
	];
	for (const limit of room) {
		if (typeof limit !== 'number') return limit;
		wait = Math.max(wait, limit);
	}
	return wait;
}

function budgetFor(key: string): Budget {
	let budget = budgets.get(key);
	if (!budget) budgets.set(key, (budget = { sent: [], queue: Promise.resolve(), pausedUntil: 0, slowdown: 1 }));
	return budget;
}

/**
 * The server refused a request for going too fast although this process kept to the budget: other
 * processes spend it too (n8n's queue-mode workers share the account, each with its own memory). This
 * process waits as long as the server asked. A wait of seconds means a per-minute budget is used up
 * at the server, so this process also halves its share of it (down to a quarter); every answer without
 * a refusal gives a little back, so the processes settle near an even split. A shorter wait is two
 * processes' requests meeting within the minimum gap, which a smaller share would not prevent.
 */
export function slowDown(key: string, waitMs: number): void {
	const budget = budgetFor(key);
	const now = pacingClock.now();
	// Refusals of requests sent before the pause began belong to the same episode.
	if (waitMs >= WINDOW_REFUSAL_MS && now >= budget.pausedUntil) budget.slowdown = Math.min(MAX_SLOWDOWN, budget.slowdown * 2);
	budget.pausedUntil = Math.max(budget.pausedUntil, now + waitMs);
}

/**
 * Waits until one more request fits the budget for `key` (a non-secret "which account at which
 * server"). Callers queue in order, so parallel items share one budget. Resolves to the function
 * the caller must call once the request has been answered (or has failed).
 */
export async function takeTurn(key: string, pacing: Pacing, write: boolean): Promise<() => void> {
	const budget = budgetFor(key);
	let resolveAnswered!: () => void;
	const request: Sent = { write, answeredAt: Infinity, answered: new Promise<void>((resolve) => (resolveAnswered = resolve)) };
	const answer = () => {
		if (request.answeredAt === Infinity) request.answeredAt = pacingClock.now();
		budget.slowdown = Math.max(1, budget.slowdown - RECOVERY_PER_ANSWER);
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
