import { error, redirect } from '@sveltejs/kit';
import type { Db } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guard';
import { deleteQuiz, getQuiz } from '$lib/server/db/queries/quizzes';
import { parseId } from '$lib/server/params';
import type { Actions, PageServerLoad } from './$types';

async function quizOf(db: Db, organizationId: number, param: string) {
	const id = parseId(param);
	const quiz = id ? await getQuiz(db, organizationId, id) : undefined;
	if (!quiz) error(404, 'Not found');
	return quiz;
}

export const load = (async ({ locals, url, params }) => {
	const user = requireUser(locals, url, 'organizer');
	const quiz = await quizOf(locals.app.db, user.organizationId, params.id);
	return { quiz: { id: quiz.id, title: quiz.title } };
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ locals, url, params }) => {
		const user = requireUser(locals, url, 'organizer');
		const quiz = await quizOf(locals.app.db, user.organizationId, params.id);
		await deleteQuiz(locals.app.db, user.organizationId, quiz.id);
		redirect(303, `/org/quizzes?deleted=${encodeURIComponent(quiz.title)}`);
	}
} satisfies Actions;
