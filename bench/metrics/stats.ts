/**
 * Percentiles and medians for the report. Latency samples are kept raw (a Float64Array of at most a
 * few million entries) and sorted once: exact percentiles, no histogram resolution to explain.
 * An update that never arrived counts as Infinity, so loss shows in the high percentiles instead of
 * silently improving them.
 */

/** Nearest-rank percentile (p in 0..100) of samples sorted ascending; null when there are none. */
export function percentileSorted(sorted: ArrayLike<number>, p: number): number | null {
	if (sorted.length === 0) return null;
	const rank = Math.ceil((p / 100) * sorted.length);
	return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] ?? null;
}

export interface Percentiles {
	p50: number | null;
	p95: number | null;
	p99: number | null;
	/** How many samples the percentiles are over. */
	count: number;
}

export function percentiles(samples: Float64Array): Percentiles {
	const sorted = samples.slice().sort();
	return {
		p50: percentileSorted(sorted, 50),
		p95: percentileSorted(sorted, 95),
		p99: percentileSorted(sorted, 99),
		count: sorted.length
	};
}

/**
 * Median of the repeats' values. Infinity (a lost update at that percentile) is a value like any
 * other; nulls (not measured) are left out.
 */
export function median(values: readonly (number | null | undefined)[]): number | null {
	const present = values.filter((value): value is number => typeof value === 'number' && !Number.isNaN(value)).sort((a, b) => a - b);
	if (present.length === 0) return null;
	const middle = Math.floor(present.length / 2);
	if (present.length % 2 === 1) return present[middle] ?? null;
	const low = present[middle - 1] ?? 0;
	const high = present[middle] ?? 0;
	// The mean of two middles is undefined when one is Infinity: take the lower, the kinder one.
	return Number.isFinite(high) ? (low + high) / 2 : low;
}

/** Smallest of the values that are present (the "best peer"). */
export function best(values: readonly (number | null)[]): number | null {
	const present = values.filter((value): value is number => typeof value === 'number');
	return present.length === 0 ? null : Math.min(...present);
}
