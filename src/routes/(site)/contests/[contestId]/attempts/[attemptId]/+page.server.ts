import { error, fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { currentParticipant } from '$lib/server/practice/identity';
import { parseId } from '$lib/server/params';
import { answerFromForm } from '$lib/server/practice/answer-form';
import { parseAttemptPublicId } from '$lib/server/practice/answer-endpoints';
import { contestErrorMessage, contestErrorStatus } from '$lib/server/practice/messages';
import { attemptPage } from '$lib/server/contest/public';
import {
	findOwnAttemptId,
	parsePrediction,
	queueAttemptAnswer,
	queueSubmitAttempt
} from '$lib/server/contest/attempts';
import { clientIp } from '$lib/server/client-ip';
import type { Actions, PageServerLoad } from './$types';
import { readForm } from '$lib/server/read-form';

/** The contest id and the attempt's public id (random: attempts cannot be enumerated). */
function ids(params: { contestId: string; attemptId: string }) {
	const contestId = parseId(params.contestId);
	const publicId = parseAttemptPublicId(params.attemptId);
	if (!contestId || !publicId) error(404, 'Not found');
	return { contestId, publicId };
}

export const load = (async (event) => {
	const db = event.locals.app.db;
	const now = Date.now();
	const { contestId, publicId } = ids(event.params);
	const participant = await currentParticipant(event.locals.app, event, now);
	const page = participant
		? await attemptPage(db, contestId, participant.id, publicId, now)
		: undefined;
	if (!page) error(404, 'Not found');
	const q = Number(event.url.searchParams.get('q'));
	const firstOpen = page.questions.findIndex((x) => x.answer === null);
	const index =
		Number.isInteger(q) && q >= 0 && q < page.questions.length ? q : Math.max(0, firstOpen);
	return { ...page, index };
}) satisfies PageServerLoad;

export const actions = {
	save: async (event) => {
		const db = event.locals.app.db;
		const now = Date.now();
		const { contestId, publicId } = ids(event.params);
		const participant = await currentParticipant(event.locals.app, event, now);
		// Ownership first: a stranger's request is a 404 and spends nobody's allowance.
		const page = participant
			? await attemptPage(db, contestId, participant.id, publicId, now)
			: undefined;
		const attemptId = participant
			? await findOwnAttemptId(event.locals.app, participant.id, publicId)
			: null;
		if (!participant || !page || !attemptId) error(404, 'Not found');
		for (const [limiter, key] of [
			[event.locals.app.limiters.practice.savePerPlayer, String(participant.id)],
			[event.locals.app.limiters.practice.savePerAddress, clientIp(event)]
		] as const) {
			const limit = await limiter.consume(key);
			if (!limit.allowed)
				return fail(429, { message: m.contest_err_rate_limited({ seconds: limit.retryAfterSec }) });
		}
		const form = await readForm(event);
		const questionId = Number(form.get('questionId'));
		const shown = page.questions.find((x) => x.id === questionId);
		const saved = await queueAttemptAnswer(event.locals.app, {
			participantId: participant.id,
			attemptId,
			questionId,
			answer: shown ? answerFromForm(shown.question, form) : null,
			now
		});
		if (!saved.ok) {
			return fail(contestErrorStatus(saved.error), { message: contestErrorMessage(saved.error) });
		}
		const go = Number(form.get('go'));
		const next = Number.isInteger(go) && go >= 0 && go < page.questions.length ? go : 0;
		redirect(303, `${event.url.pathname}?q=${next}`);
	},
	submit: async (event) => {
		const now = Date.now();
		const { publicId } = ids(event.params);
		const participant = await currentParticipant(event.locals.app, event, now);
		const attemptId = participant
			? await findOwnAttemptId(event.locals.app, participant.id, publicId)
			: null;
		if (!participant || !attemptId) error(404, 'Not found');
		const form = await readForm(event);
		const prediction = parsePrediction(form.get('prediction'));
		if (!prediction.ok)
			return fail(400, { predictionError: contestErrorMessage('prediction_invalid') });
		const result = await queueSubmitAttempt(event.locals.app, {
			participantId: participant.id,
			attemptId,
			prediction: prediction.value,
			now
		});
		if (!result.ok) {
			return fail(contestErrorStatus(result.error), { message: contestErrorMessage(result.error) });
		}
		redirect(303, event.url.pathname);
	}
} satisfies Actions;
