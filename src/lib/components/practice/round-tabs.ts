import { m } from '$lib/paraglide/messages.js';

/** One tab per round of a contest, then the overall ranking (`round=overall`). */
export function roundTabs(
	rounds: ReadonlyArray<{ id: number; title: string }>,
	current: number | null,
	href: (round: number | 'overall') => string
) {
	return [
		...rounds.map((r) => ({ href: href(r.id), label: r.title, current: current === r.id })),
		{ href: href('overall'), label: m.contest_lb_overall(), current: current === null }
	];
}
