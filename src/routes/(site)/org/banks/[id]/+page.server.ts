import { error, fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { requireUser } from '$lib/server/auth/guard';
import { bankOf } from '$lib/server/bank/lookup';
import { duplicateBank, setBankArchived, updateBank } from '$lib/server/db/queries/banks';
import {
	deleteQuestion,
	duplicateQuestion,
	listQuestions,
	moveQuestion
} from '$lib/server/db/queries/questions';
import { parseBankForm, parseItemForm } from '$lib/server/bank/forms';
import type { Actions, PageServerLoad } from './$types';
import { readForm } from '$lib/server/read-form';

const DONE = ['created', 'duplicated', 'imported', 'saved'] as const;

/** The bank of the URL, within the user's organization, or a 404. */
export const load = (async ({ locals, url, params }) => {
	const user = requireUser(locals, url, 'organizer');
	const bank = await bankOf(locals.app.db, user.organizationId, params.id);
	const done = url.searchParams.get('done');
	return {
		bank: {
			id: bank.id,
			title: bank.title,
			description: bank.description,
			tags: bank.tags,
			visibility: bank.visibility,
			archived: bank.archivedAt !== null
		},
		questions: (await listQuestions(locals.app.db, user.organizationId, bank.id)).map((q) => ({
			id: q.id,
			body: q.body
		})),
		done: DONE.find((d) => d === done) ?? null,
		count: Number(url.searchParams.get('count')) || 0
	};
}) satisfies PageServerLoad;

/** `id` and optional `to` of a question action, parsed with valibot. */
async function questionForm(request: Request) {
	const parsed = parseItemForm(await readForm(request));
	return { id: parsed?.id, to: parsed?.to };
}

export const actions = {
	update: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url, 'organizer');
		const bank = await bankOf(locals.app.db, user.organizationId, params.id);
		const parsed = parseBankForm(await readForm(request));
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		await updateBank(locals.app.db, user.organizationId, bank.id, parsed.input);
		return { done: m.bank_saved() };
	},
	visibility: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url, 'organizer');
		const bank = await bankOf(locals.app.db, user.organizationId, params.id);
		const value = (await readForm(request)).get('visibility');
		if (value !== 'private' && value !== 'published')
			return fail(400, { error: m.bank_err_visibility() });
		await updateBank(locals.app.db, user.organizationId, bank.id, { visibility: value });
		return { done: value === 'published' ? m.bank_published() : m.bank_unpublished() };
	},
	archive: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url, 'organizer');
		const bank = await bankOf(locals.app.db, user.organizationId, params.id);
		const archived = (await readForm(request)).get('archived') === '1';
		await setBankArchived(locals.app.db, user.organizationId, bank.id, archived);
		return { done: archived ? m.bank_archived() : m.bank_restored() };
	},
	duplicate: async ({ locals, url, params }) => {
		const user = requireUser(locals, url, 'organizer');
		const bank = await bankOf(locals.app.db, user.organizationId, params.id);
		const title = m.bank_copy_title({ title: bank.title }).slice(0, 200);
		const copy = await duplicateBank(locals.app.db, user.organizationId, bank.id, title);
		if (!copy) error(404, 'Not found');
		redirect(303, `/org/banks/${copy.id}?done=duplicated`);
	},
	move: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url, 'organizer');
		const bank = await bankOf(locals.app.db, user.organizationId, params.id);
		const { id, to } = await questionForm(request);
		const question = id
			? (await listQuestions(locals.app.db, user.organizationId, bank.id)).find((q) => q.id === id)
			: undefined;
		if (!question || to === undefined) return fail(404, { error: m.bank_q_not_found() });
		await moveQuestion(locals.app.db, user.organizationId, question.id, to);
		return { moved: true };
	},
	duplicateQuestion: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url, 'organizer');
		const bank = await bankOf(locals.app.db, user.organizationId, params.id);
		const { id } = await questionForm(request);
		const inBank =
			id &&
			(await listQuestions(locals.app.db, user.organizationId, bank.id)).some((q) => q.id === id);
		if (!inBank || !(await duplicateQuestion(locals.app.db, user.organizationId, id)))
			return fail(404, { error: m.bank_q_not_found() });
		return { done: m.bank_q_duplicated() };
	},
	deleteQuestion: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url, 'organizer');
		const bank = await bankOf(locals.app.db, user.organizationId, params.id);
		const { id } = await questionForm(request);
		const inBank =
			id &&
			(await listQuestions(locals.app.db, user.organizationId, bank.id)).some((q) => q.id === id);
		if (!inBank || !(await deleteQuestion(locals.app.db, user.organizationId, id)))
			return fail(404, { error: m.bank_q_not_found() });
		return { done: m.bank_q_deleted() };
	}
} satisfies Actions;
