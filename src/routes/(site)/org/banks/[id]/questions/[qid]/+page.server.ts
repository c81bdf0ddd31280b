import { error, fail, redirect } from '@sveltejs/kit';
import type { Db } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guard';
import { getBank, listOrgTags } from '$lib/server/db/queries/banks';
import { getQuestion, listQuestions, updateQuestion } from '$lib/server/db/queries/questions';
import { parseId } from '$lib/server/params';
import { questionFromForm } from '$lib/server/bank/question-save';
import type { Actions, PageServerLoad } from './$types';
import { readForm } from '$lib/server/read-form';

/** The bank and question of the URL, both the organization's and the question in that bank. */
async function questionOf(db: Db, organizationId: number, params: { id: string; qid: string }) {
	const bankId = parseId(params.id);
	const questionId = parseId(params.qid);
	const bank = bankId ? await getBank(db, organizationId, bankId) : undefined;
	const question = questionId ? await getQuestion(db, organizationId, questionId) : undefined;
	if (!bank || !question || question.bankId !== bank.id) error(404, 'Not found');
	return { bank, question };
}

export const load = (async ({ locals, url, params }) => {
	const user = requireUser(locals, url, 'organizer');
	const { bank, question } = await questionOf(locals.app.db, user.organizationId, params);
	const ids = (await listQuestions(locals.app.db, user.organizationId, bank.id)).map((q) => q.id);
	return {
		bank: { id: bank.id, title: bank.title, tags: bank.tags },
		question: { id: question.id, body: question.body, number: ids.indexOf(question.id) + 1 },
		tags: await listOrgTags(locals.app.db, user.organizationId)
	};
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url, 'organizer');
		const { bank, question } = await questionOf(locals.app.db, user.organizationId, params);
		const form = await readForm(request);
		const result = await questionFromForm(locals.app, user.organizationId, form);
		if (!result.ok) return fail(400, { values: result.values, errors: result.errors });
		await updateQuestion(locals.app.db, user.organizationId, question.id, result.question);
		if (form.get('next') === 'new') redirect(303, `/org/banks/${bank.id}/questions/new?saved`);
		redirect(303, `/org/banks/${bank.id}?done=saved#q-${question.id}`);
	}
} satisfies Actions;
