import { fail, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guard';
import { createQuiz, listQuizzes } from '$lib/server/db/queries/quizzes';
import { parseQuizForm } from '$lib/server/bank/forms';
import type { Actions, PageServerLoad } from './$types';
import { readForm } from '$lib/server/read-form';

export const load = (async ({ locals, url }) => {
	const user = requireUser(locals, url, 'organizer');
	return {
		quizzes: (await listQuizzes(locals.app.db, user.organizationId)).map((q) => ({
			id: q.id,
			title: q.title,
			description: q.description,
			itemCount: q.itemCount,
			updatedAt: q.updatedAt.getTime()
		})),
		deleted: url.searchParams.get('deleted')?.slice(0, 200) ?? null
	};
}) satisfies PageServerLoad;

export const actions = {
	create: async ({ locals, url, request }) => {
		const user = requireUser(locals, url, 'organizer');
		const parsed = parseQuizForm(await readForm(request));
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		const quiz = await createQuiz(locals.app.db, user.organizationId, parsed.input);
		redirect(303, `/org/quizzes/${quiz.id}?done=created`);
	}
} satisfies Actions;
