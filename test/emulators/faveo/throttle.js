'use strict';
// §6 Laravel `throttle`: `rateLimit` requests per `rateLimitWindowSeconds`, keyed by user id
// (or client IP before login). Laravel's own window is fixed from the first hit; a rolling
// window is used here because it never lets more than the limit through in any window (harsher).
// Refused requests are not counted (tooManyAttempts() runs before hit()).

function createThrottle({ now, config }) {
	const hits = new Map(); // key → timestamps (ms)

	function check(key) {
		const limit = Number(config.rateLimit) || 0;
		if (limit <= 0) return { limited: false, headers: {} };
		const windowMs = (Number(config.rateLimitWindowSeconds) || 60) * 1000;
		const t = now();
		const list = (hits.get(key) || []).filter((at) => at > t - windowMs);
		hits.set(key, list);
		if (list.length >= limit) {
			const retryAfter = Math.max(1, Math.ceil((list[0] + windowMs - t) / 1000));
			return { limited: true, retryAfter, headers: { 'X-RateLimit-Limit': String(limit), 'X-RateLimit-Remaining': '0' } };
		}
		list.push(t);
		return { limited: false, headers: { 'X-RateLimit-Limit': String(limit), 'X-RateLimit-Remaining': String(limit - list.length) } };
	}

	return { check, reset: () => hits.clear(), snapshot: () => Object.fromEntries([...hits].map(([k, v]) => [k, v.length])) };
}

module.exports = { createThrottle };
