'use strict';
// Laravel's `throttle`: `rateLimit` requests per fixed window of `rateLimitWindowSeconds` that starts
// with the first request of the key (RateLimiter::hit); observed on v2.0.3: the 61st request in a
// 60 s window is refused. Keyed by client IP (or by user id with throttleBy 'user').
// Refused requests are not counted (tooManyAttempts() runs before hit()).

function createThrottle({ now, config }) {
	const windows = new Map(); // key → { start (ms), count }

	function check(key) {
		const limit = Number(config.rateLimit) || 0;
		if (limit <= 0) return { limited: false, headers: {} };
		const windowMs = (Number(config.rateLimitWindowSeconds) || 60) * 1000;
		const t = now();
		let window = windows.get(key);
		if (!window || t >= window.start + windowMs) windows.set(key, (window = { start: t, count: 0 }));
		if (window.count >= limit) {
			const retryAfter = Math.max(1, Math.ceil((window.start + windowMs - t) / 1000));
			return { limited: true, retryAfter, headers: { 'X-RateLimit-Limit': String(limit), 'X-RateLimit-Remaining': '0' } };
		}
		window.count += 1;
		return { limited: false, headers: { 'X-RateLimit-Limit': String(limit), 'X-RateLimit-Remaining': String(limit - window.count) } };
	}

	return { check, reset: () => windows.clear(), snapshot: () => Object.fromEntries([...windows].map(([k, v]) => [k, v.count])) };
}

module.exports = { createThrottle };
