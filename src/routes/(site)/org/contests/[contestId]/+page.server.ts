import { error, fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { requireUser } from '$lib/server/auth/guard';
import {
	addRound,
	deleteContest,
	deleteRound,
	getContest,
	getRound,
	listOrgPublishedBanks,
	listRounds,
	updateContest,
	updateRound
} from '$lib/server/db/queries/contests';
import {
	availableTags,
	contestFormValues,
	contestShortages,
	parseContestForm,
	parseRoundForm,
	publishBlockers
} from '$lib/server/contest/organizer';
import {
	contestFieldMessages,
	publishBlockerMessage,
	roundErrorMessage
} from '$lib/server/practice/messages';
import { parseId } from '$lib/server/params';
import { resetHeldCache } from '$lib/server/contest/held';
import { toDateTimeInput } from '$lib/practice/format';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { readForm } from '$lib/server/read-form';

/** The caller's contest or a 404 (also for another organization's). */
async function owned(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	const user = requireUser(event.locals, event.url, 'organizer');
	const id = parseId(event.params.contestId);
	const contest = id ? await getContest(event.locals.app.db, user.organizationId, id) : undefined;
	if (!contest) error(404, 'Not found');
	return { user, contest };
}

export const load = (async (event) => {
	const { user, contest } = await owned(event);
	const db = event.locals.app.db;
	return {
		contest: { id: contest.id, title: contest.title, status: contest.status },
		values: contestFormValues(contest),
		banks: await listOrgPublishedBanks(db, user.organizationId),
		tags: await availableTags(db, user.organizationId),
		rounds: (await listRounds(db, user.organizationId, contest.id)).map((r) => ({
			id: r.id,
			title: r.title,
			opensAt: toDateTimeInput(r.opensAt.getTime(), user.timeZone),
			closesAt: toDateTimeInput(r.closesAt.getTime(), user.timeZone)
		})),
		shortages: (await contestShortages(db, contest)).map((s) =>
			m.contest_org_shortage({
				row: [s.row.tag ?? m.contest_org_any(), s.row.difficulty ?? m.contest_org_any()].join(
					' · '
				),
				need: s.row.count,
				have: s.available
			})
		)
	};
}) satisfies PageServerLoad;

export const actions = {
	save: async (event) => {
		const { user, contest } = await owned(event);
		const parsed = await parseContestForm(
			event.locals.app.db,
			user.organizationId,
			await readForm(event)
		);
		if (!parsed.input)
			return fail(400, { values: parsed.values, errors: contestFieldMessages(parsed.errors) });
		await updateContest(event.locals.app.db, user.organizationId, contest.id, parsed.input);
		return { saved: true };
	},
	publish: async (event) => {
		const { user, contest } = await owned(event);
		const blockers = await publishBlockers(event.locals.app.db, contest);
		if (blockers.length > 0)
			return fail(400, { publishErrors: blockers.map(publishBlockerMessage) });
		await updateContest(event.locals.app.db, user.organizationId, contest.id, {
			status: 'published'
		});
		resetHeldCache(event.locals.app); // its banks leave public practice now, not in a few seconds
		return { saved: true };
	},
	unpublish: async (event) => {
		const { user, contest } = await owned(event);
		await updateContest(event.locals.app.db, user.organizationId, contest.id, { status: 'draft' });
		resetHeldCache(event.locals.app);
		return { saved: true };
	},
	addRound: async (event) => {
		const { user, contest } = await owned(event);
		const db = event.locals.app.db;
		const parsed = parseRoundForm(
			await readForm(event),
			await listRounds(db, user.organizationId, contest.id),
			user.timeZone
		);
		if (!parsed.input) {
			return fail(400, {
				roundValues: parsed.values,
				roundError: roundErrorMessage(parsed.error!, parsed.overlapWith)
			});
		}
		await addRound(db, user.organizationId, contest.id, parsed.input);
		return { saved: true };
	},
	updateRound: async (event) => {
		const { user, contest } = await owned(event);
		const db = event.locals.app.db;
		const form = await readForm(event);
		const round = await getRound(db, user.organizationId, Number(form.get('roundId')));
		if (!round || round.contestId !== contest.id) error(404, 'Not found');
		const others = (await listRounds(db, user.organizationId, contest.id)).filter(
			(r) => r.id !== round.id
		);
		const parsed = parseRoundForm(form, others, user.timeZone);
		if (!parsed.input) {
			return fail(400, {
				roundId: round.id,
				roundError: roundErrorMessage(parsed.error!, parsed.overlapWith)
			});
		}
		await updateRound(db, user.organizationId, round.id, parsed.input);
		return { saved: true };
	},
	deleteRound: async (event) => {
		const { user, contest } = await owned(event);
		const db = event.locals.app.db;
		const roundId = Number((await readForm(event)).get('roundId'));
		const round = await getRound(db, user.organizationId, roundId);
		if (!round || round.contestId !== contest.id) error(404, 'Not found');
		if ((await deleteRound(db, user.organizationId, round.id)) === 'in_use') {
			return fail(400, { roundId: round.id, roundError: m.contest_org_round_in_use() });
		}
		return { saved: true };
	},
	delete: async (event) => {
		const { user, contest } = await owned(event);
		await deleteContest(event.locals.app.db, user.organizationId, contest.id);
		redirect(303, '/org/contests');
	}
} satisfies Actions;
