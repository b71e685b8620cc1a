'use strict';
// Wall time, CPU time (this process, all threads: what the client itself burns, steady even when
// the machine is loaded) and peak memory of one measured run. Run the process with --expose-gc for stable baselines.
//
// Peak RSS on Linux comes from the kernel: writing 5 to /proc/self/clear_refs resets the process's
// high-water mark (VmHWM), which is read back after the run — exact and free of sampling overhead.
// Elsewhere the RSS is sampled every 5 ms.

const fs = require('node:fs');
const { performance } = require('node:perf_hooks');

function collectGarbage() {
	if (typeof global.gc === 'function') {
		global.gc();
		global.gc();
	}
}

const statusKb = (field) => {
	const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(fs.readFileSync('/proc/self/status', 'utf8'));
	return match ? Number(match[1]) * 1024 : undefined;
};

let kernelPeak;
function canResetPeak() {
	if (kernelPeak === undefined) {
		try {
			fs.writeFileSync('/proc/self/clear_refs', '5');
			kernelPeak = statusKb('VmHWM') !== undefined;
		} catch {
			kernelPeak = false;
		}
	}
	return kernelPeak;
}

/** Starts a peak-RSS window; `stop()` → { baselineRss, peakRss }. */
function peakWindow() {
	if (canResetPeak()) {
		fs.writeFileSync('/proc/self/clear_refs', '5');
		const baselineRss = process.memoryUsage.rss();
		return { stop: () => ({ baselineRss, peakRss: Math.max(statusKb('VmHWM'), baselineRss) }), method: 'VmHWM' };
	}
	const baselineRss = process.memoryUsage.rss();
	let peakRss = baselineRss;
	const sample = () => {
		peakRss = Math.max(peakRss, process.memoryUsage.rss());
	};
	const timer = setInterval(sample, 5);
	return {
		stop: () => {
			clearInterval(timer);
			sample();
			return { baselineRss, peakRss };
		},
		method: 'sampled every 5 ms',
	};
}

/**
 * Runs `fn` → { ms, cpuMs, baselineRss, peakRss, peakRssDelta, retainedHeap, value }, the baseline taken
 * after a full GC. `retainedHeap` = JS heap still in use after the run and another full GC while the
 * result is held: what the output itself occupies.
 */
async function measure(fn) {
	collectGarbage();
	const baseHeap = process.memoryUsage().heapUsed;
	const window = peakWindow();
	const cpuBefore = process.cpuUsage();
	const started = performance.now();
	let value;
	let ms;
	let cpuMs;
	try {
		value = await fn();
	} finally {
		ms = performance.now() - started;
		const cpu = process.cpuUsage(cpuBefore);
		cpuMs = (cpu.user + cpu.system) / 1000;
	}
	const { baselineRss, peakRss } = window.stop();
	collectGarbage();
	const retainedHeap = process.memoryUsage().heapUsed - baseHeap;
	return { ms, cpuMs, baselineRss, peakRss, peakRssDelta: peakRss - baselineRss, retainedHeap, rssMethod: window.method, value };
}

const median = (values) => {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

module.exports = { measure, collectGarbage, median };
