/** Latency summaries for the bench output. */

export interface Percentiles {
	n: number;
	p50: number | null;
	p95: number | null;
	p99: number | null;
	max: number | null;
}

const round = (x: number) => Math.round(x * 10) / 10;

/** Nearest-rank percentiles of a sample, ms rounded to 0.1. */
export function percentiles(values: number[]): Percentiles {
	if (values.length === 0) return { n: 0, p50: null, p95: null, p99: null, max: null };
	const sorted = Float64Array.from(values).sort();
	const at = (p: number) =>
		round(sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]);
	return {
		n: sorted.length,
		p50: at(0.5),
		p95: at(0.95),
		p99: at(0.99),
		max: round(sorted[sorted.length - 1])
	};
}

export function formatPercentiles(p: Percentiles): string {
	if (p.n === 0) return 'no samples';
	return `p50 ${p.p50} ms · p95 ${p.p95} ms · p99 ${p.p99} ms · max ${p.max} ms (n=${p.n})`;
}

/** Adds the counts of `from` into `into`. */
export function mergeCounts(into: Record<string, number>, from: Record<string, number>): void {
	for (const [key, value] of Object.entries(from)) into[key] = (into[key] ?? 0) + value;
}
