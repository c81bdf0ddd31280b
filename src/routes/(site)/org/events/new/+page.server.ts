import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { m } from '$lib/paraglide/messages.js';
import { HIDDEN_FIELDS, LIVE_MODES, LIVE_SCORINGS, TEAM_NAME_MAX, TEAMS_MAX } from '$lib/protocol';
import { requireUser } from '$lib/server/auth/guard';
import { listQuizzes } from '$lib/server/db/queries/quizzes';
import { createLiveGame } from '$lib/server/live/service';
import type { Actions, PageServerLoad } from './$types';
import { readForm as readPostedForm } from '$lib/server/read-form';

export const load = (({ locals, url }) => {
	const user = requireUser(locals, url, 'host');
	const quizzes = listQuizzes(locals.app.db, user.organizationId).map((q) => ({
		id: q.id,
		title: q.title,
		itemCount: q.itemCount
	}));
	return { quizzes, preselect: Number(url.searchParams.get('quiz')) || null };
}) satisfies PageServerLoad;

const Whole = (min: number, max: number) =>
	v.pipe(v.string(), v.trim(), v.digits(), v.transform(Number), v.minValue(min), v.maxValue(max));

/** The form as posted (all strings); checkboxes are present or absent. */
const NewGameForm = v.object({
	quizId: Whole(1, Number.MAX_SAFE_INTEGER),
	mode: v.picklist(LIVE_MODES),
	scoring: v.picklist(LIVE_SCORINGS),
	podiumSize: Whole(3, 10),
	teams: v.pipe(v.string(), v.maxLength(TEAMS_MAX * (TEAM_NAME_MAX + 2))),
	teamScoring: v.picklist(['average', 'sum']),
	hiddenFields: v.array(v.picklist(HIDDEN_FIELDS)),
	nicknameFilter: v.boolean(),
	reserveQuestions: Whole(0, 50),
	rescueAllowed: v.boolean(),
	maxRescues: v.union([v.literal(''), Whole(0, 1000)]),
	whenAllFail: v.picklist(['keep', 'eliminate'])
});

function readForm(form: FormData) {
	const text = (name: string, fallback = '') => String(form.get(name) ?? fallback).slice(0, 4000);
	return {
		quizId: text('quizId'),
		mode: text('mode', 'classic'),
		scoring: text('scoring', 'speed-streak'),
		podiumSize: text('podiumSize', '3'),
		teams: text('teams'),
		teamScoring: text('teamScoring', 'average'),
		hiddenFields: form.getAll('hiddenFields').map(String),
		nicknameFilter: form.has('nicknameFilter'),
		reserveQuestions: text('reserveQuestions', '0') || '0',
		rescueAllowed: form.has('rescueAllowed'),
		maxRescues: text('maxRescues').trim(),
		whenAllFail: text('whenAllFail', 'keep')
	};
}

const FIELD_OF: Record<string, string> = {
	NOT_FOUND: 'quizId',
	NO_QUESTIONS: 'quizId',
	QUESTION_INVALID: 'quizId',
	TEAMS_REQUIRED: 'teams',
	TEAMS_INVALID: 'teams',
	PODIUM_SIZE_INVALID: 'podiumSize'
};

function problemMessage(code: string): string {
	switch (code) {
		case 'NOT_FOUND':
			return m.live_form_err_quiz();
		case 'NO_QUESTIONS':
			return m.live_form_err_no_questions();
		case 'QUESTION_INVALID':
			return m.live_form_err_question_invalid();
		case 'TEAMS_REQUIRED':
			return m.live_form_err_teams_required();
		case 'TEAMS_INVALID':
			return m.live_form_err_teams_invalid({ max: TEAM_NAME_MAX });
		case 'PODIUM_SIZE_INVALID':
			return m.live_form_err_podium();
		default:
			return m.live_form_err_options();
	}
}

export const actions = {
	/** "Tổ chức trò chơi" on a quiz: a classic game with the default options, straight to its lobby. */
	quick: async ({ locals, url, request }) => {
		const user = requireUser(locals, url, 'host');
		const values = readForm(await request.formData());
		const quizId = v.safeParse(NewGameForm.entries.quizId, values.quizId);
		if (!quizId.success) return fail(400, { values, errors: { quizId: m.live_form_err_quiz() } });
		const result = await createLiveGame(locals.app.db, {
			organizationId: user.organizationId,
			quizId: quizId.output,
			mode: 'classic',
			createdBy: user.id
		});
		if (!result.ok) {
			const status = result.problems.includes('NOT_FOUND') ? 404 : 400;
			const errors: Record<string, string> = {};
			for (const code of result.problems) errors[FIELD_OF[code] ?? 'form'] ??= problemMessage(code);
			return fail(status, { values, errors });
		}
		redirect(303, `/host/${result.gameId}`);
	},
	create: async ({ locals, url, request }) => {
		const user = requireUser(locals, url, 'host');
		const values = readForm(await readPostedForm(request));
		const parsed = v.safeParse(NewGameForm, values);
		if (!parsed.success) {
			const errors: Record<string, string> = {};
			for (const issue of parsed.issues) {
				const key = String(issue.path?.[0]?.key ?? 'form');
				errors[key] ??=
					key === 'quizId'
						? m.live_form_err_quiz()
						: key === 'podiumSize'
							? m.live_form_err_podium()
							: key === 'reserveQuestions' || key === 'maxRescues'
								? m.live_form_err_number()
								: m.live_form_err_options();
			}
			return fail(400, { values, errors });
		}
		const f = parsed.output;
		const teams = f.teams
			.split(/\r?\n/)
			.map((t) => t.trim())
			.filter(Boolean);
		if (f.mode === 'teams' && teams.some((t) => t.length > TEAM_NAME_MAX))
			return fail(400, { values, errors: { teams: problemMessage('TEAMS_INVALID') } });
		const result = await createLiveGame(locals.app.db, {
			organizationId: user.organizationId,
			quizId: f.quizId,
			mode: f.mode,
			createdBy: user.id,
			options: {
				scoring: f.scoring,
				podiumSize: f.podiumSize,
				teams: f.mode === 'teams' ? teams : [],
				teamScoring: f.teamScoring,
				hiddenFields: [...new Set(f.hiddenFields)],
				nicknameFilter: f.nicknameFilter,
				reserveQuestions: f.mode === 'elimination' ? f.reserveQuestions : 0,
				elimination: {
					rescueAllowed: f.rescueAllowed,
					maxRescues: f.maxRescues === '' ? null : f.maxRescues,
					whenAllFail: f.whenAllFail
				}
			}
		});
		if (!result.ok) {
			const errors: Record<string, string> = {};
			// A quiz of another organization is a miss like any other: 404, never a hint it exists.
			const status = result.problems.includes('NOT_FOUND') ? 404 : 400;
			for (const code of result.problems) errors[FIELD_OF[code] ?? 'form'] ??= problemMessage(code);
			return fail(status, { values, errors });
		}
		redirect(303, `/host/${result.gameId}`);
	}
} satisfies Actions;
