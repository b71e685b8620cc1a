// Number formats and the spread of repeated runs, shared by the table's rows.

export const int = (n) => Math.round(n).toLocaleString('en-US');
export const secs = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(ms >= 100_000 ? 1 : 2)} s` : `${Math.round(ms)} ms`);
export const mb = (bytes) => `${(bytes / 1e6).toFixed(bytes >= 1e7 ? 0 : 1)} MB`;
export const x = (ratio) => `${ratio.toFixed(2)}×`;
export const k = (n) => (n >= 1000 ? `${n / 1000}k` : String(n));
export const plural = (n, word) => `${int(n)} ${word}${n === 1 ? '' : 's'}`;

export function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median, min and max of repeated measurements. */
export const spread = (values) => ({ median: median(values), min: Math.min(...values), max: Math.max(...values), runs: values.length });

/** "1.12× [1.05–1.20]": the median, then the range of the runs. */
export const xSpread = (s) => `${x(s.median)} [${s.min.toFixed(2)}–${s.max.toFixed(2)}]`;

/**
 * A goal "≤ limit", judged on the median of the runs; when the runs fall on both sides of the limit
 * the spread is too wide to judge and the verdict says so.
 */
export function judge(s, limit, what) {
	if (s.min <= limit && s.max > limit) return `? ${what} ${xSpread(s)} spans ${x(limit)}: too wide to judge (median ${s.median <= limit ? '≤' : '>'} ${x(limit)})`;
	return s.median <= limit ? `✓ ${what} ${x(s.median)} ≤ ${x(limit)}` : `✗ ${what} ${x(s.median)} > ${x(limit)}`;
}
