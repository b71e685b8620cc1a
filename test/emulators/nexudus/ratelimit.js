'use strict';
// throttling: per client, 1 request per 100 ms, 120/min, 5,000/h, 200,000/day; writes
// 60/min and 5,000/day. Exceeding any → 409 + Retry-After. All numbers live in
// config.rateLimit and can change at run time. Times come from the caller (the emulator's `clock`
// option, real time by default), never from the store's shifted record clock.

const crypto = require('node:crypto');

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WRITE_METHODS = new Set(['POST', 'PUT', 'DELETE']);

const DEFAULT_RATE_LIMIT = { enabled: true, minIntervalMs: 100, perMinute: 120, perHour: 5000, perDay: 200000, writesPerMinute: 60, writesPerDay: 5000, retryAfterSeconds: null };

// First index whose time is > since (arrays are sorted).
function firstAfter(times, since) {
	let lo = 0;
	let hi = times.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (times[mid] > since) hi = mid;
		else lo = mid + 1;
	}
	return lo;
}

function createRateLimiter({ config, counters }) {
	const clients = new Map();

	// "Limits apply per client (request signature)": keyed by a hash of the Authorization
	// header (never the header itself), or the remote address when there is none.
	const clientKey = (req) => crypto.createHash('sha256').update(String(req.headers.authorization || `addr:${req.socket.remoteAddress}`)).digest('hex').slice(0, 16);

	function windowCheck(times, now, span, limit, rule) {
		if (!limit && limit !== 0) return undefined;
		const start = firstAfter(times, now - span);
		if (times.length - start < limit) return undefined;
		return { rule, waitMs: times[start] + span - now };
	}

	// Returns undefined (let through) or { rule, retryAfter } and records the attempt.
	function check(req, now = Date.now()) {
		const limits = config.rateLimit;
		if (!limits || !limits.enabled) return undefined;
		const key = clientKey(req);
		let client = clients.get(key);
		if (!client) clients.set(key, (client = { last: -Infinity, all: [], writes: [] }));
		const isWrite = WRITE_METHODS.has(req.method);
		const drop = firstAfter(client.all, now - DAY);
		if (drop > 1000) client.all.splice(0, drop);
		const dropWrites = firstAfter(client.writes, now - DAY);
		if (dropWrites > 1000) client.writes.splice(0, dropWrites);

		let hit;
		if (limits.minIntervalMs && now - client.last < limits.minIntervalMs) hit = { rule: 'minInterval', waitMs: client.last + limits.minIntervalMs - now };
		hit = hit || windowCheck(client.all, now, MINUTE, limits.perMinute, 'perMinute') || windowCheck(client.all, now, HOUR, limits.perHour, 'perHour') || windowCheck(client.all, now, DAY, limits.perDay, 'perDay');
		if (!hit && isWrite) hit = windowCheck(client.writes, now, MINUTE, limits.writesPerMinute, 'writesPerMinute') || windowCheck(client.writes, now, DAY, limits.writesPerDay, 'writesPerDay');
		// Spacing is measured from the last attempt, refused ones included [uncertain] — harsher:
		// hammering without honouring Retry-After keeps being refused.
		client.last = now;
		if (hit) {
			counters.throttled += 1;
			counters.throttledByRule[hit.rule] = (counters.throttledByRule[hit.rule] || 0) + 1;
			const fixed = limits.retryAfterSeconds;
			const retryAfter = fixed !== null && fixed !== undefined ? Number(fixed) : Math.max(1, Math.ceil(hit.waitMs / 1000));
			return { rule: hit.rule, retryAfter };
		}
		client.all.push(now);
		if (isWrite) client.writes.push(now);
		return undefined;
	}

	return { check, reset: () => clients.clear(), clients };
}

module.exports = { createRateLimiter, DEFAULT_RATE_LIMIT };
