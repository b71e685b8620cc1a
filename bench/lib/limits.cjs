'use strict';
// The providers' request limits as the emulators enforce them, and what they allow: the fastest
// schedule any client could follow for a given sequence of requests, and how full each window was.
//
// Nexudus: one request per 100 ms, 120 a minute, 60 writes a minute, each over a rolling minute
// (test/emulators/nexudus/ratelimit.js). Faveo 2.x: 60 requests per fixed 60 s window that opens
// with the first request after the last window closed, logins included; the 61st is refused.

const path = require('node:path');

const { DEFAULT_RATE_LIMIT } = require(path.join(__dirname, '..', '..', 'test', 'emulators', 'nexudus', 'ratelimit.js'));

const MINUTE = 60_000;
const isWrite = (request) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(request.method) && !request.login;

const LIMITS = {
	nexudus: {
		words: `≥ ${DEFAULT_RATE_LIMIT.minIntervalMs} ms apart, ≤ ${DEFAULT_RATE_LIMIT.perMinute} requests and ≤ ${DEFAULT_RATE_LIMIT.writesPerMinute} writes in any 60 s`,
		minIntervalMs: DEFAULT_RATE_LIMIT.minIntervalMs,
		rolling: true,
		rules: [
			{ name: 'requests', max: DEFAULT_RATE_LIMIT.perMinute, counts: () => true },
			{ name: 'writes', max: DEFAULT_RATE_LIMIT.writesPerMinute, counts: isWrite },
		],
	},
	faveo: {
		words: '≤ 60 requests per fixed 60 s window (logins included)',
		minIntervalMs: 0,
		rolling: false,
		rules: [{ name: 'requests', max: 60, counts: () => true }],
	},
};

/** Earliest send time of every request (ms from the first), zero time per request: a lower bound for any client. */
function fastestSchedule(requests, limits) {
	const times = [];
	const counted = limits.rules.map(() => []);
	let windowStart = 0;
	let inWindow = 0;
	for (const request of requests) {
		let t = times.length ? times[times.length - 1] + limits.minIntervalMs : 0;
		if (limits.rolling) {
			limits.rules.forEach((rule, r) => {
				const earlier = counted[r];
				if (rule.counts(request) && earlier.length >= rule.max) t = Math.max(t, earlier[earlier.length - rule.max] + MINUTE);
			});
		} else if (inWindow >= limits.rules[0].max) {
			t = Math.max(t, windowStart + MINUTE);
		}
		if (!limits.rolling && (times.length === 0 || t >= windowStart + MINUTE)) {
			windowStart = t;
			inWindow = 0;
		}
		inWindow += 1;
		limits.rules.forEach((rule, r) => rule.counts(request) && counted[r].push(t));
		times.push(t);
	}
	return times;
}

/** Requests of each rule per 60 s window, windows opening as Faveo opens them (the first request after the last one closed). */
function windowCounts(requests, limits) {
	const windows = [];
	let start;
	for (const request of requests) {
		if (start === undefined || request.ms >= start + MINUTE) {
			start = request.ms;
			windows.push(limits.rules.map(() => 0));
		}
		limits.rules.forEach((rule, r) => rule.counts(request) && (windows[windows.length - 1][r] += 1));
	}
	return windows;
}

/**
 * How far below the limit's rate a run stayed once it was bound by it: for each rule, its maximum
 * over the least-used complete window (every window but the last); the tightest rule counts.
 * Undefined when the run had no complete window.
 */
function sustainedRatio(requests, limits) {
	const complete = windowCounts(requests, limits).slice(0, -1);
	if (complete.length === 0) return undefined;
	const ratios = limits.rules.map((rule, r) => rule.max / Math.max(1e-9, Math.min(...complete.map((window) => window[r]))));
	return Math.min(...ratios);
}

const closestGap = (requests) => Math.min(...requests.slice(1).map((request, i) => request.ms - requests[i].ms));

module.exports = { LIMITS, MINUTE, fastestSchedule, windowCounts, sustainedRatio, closestGap, isWrite };
