import crypto from 'node:crypto';
import { error, fail } from '@sveltejs/kit';
import type { Db } from '$lib/server/db';
import { m } from '$lib/paraglide/messages.js';
import { requireUser } from '$lib/server/auth/guard';
import { listBanks, listOrgTags } from '$lib/server/db/queries/banks';
import { listQuestions } from '$lib/server/db/queries/questions';
import { searchQuestions } from '$lib/server/db/queries/search';
import {
	addQuizQuestions,
	addQuizRule,
	getQuiz,
	getQuizForGame,
	getQuizItems,
	moveQuizItem,
	removeQuizItem,
	updateQuiz
} from '$lib/server/db/queries/quizzes';
import { parseIdList, parseItemForm, parseQuizForm, parseRuleForm } from '$lib/server/bank/forms';
import { parseId } from '$lib/server/params';
import type { Actions, PageServerLoad } from './$types';
import { readForm } from '$lib/server/read-form';

async function quizOf(db: Db, organizationId: number, param: string) {
	const id = parseId(param);
	const quiz = id ? await getQuiz(db, organizationId, id) : undefined;
	if (!quiz) error(404, 'Not found');
	return quiz;
}

export const load = (async ({ locals, url, params }) => {
	const user = requireUser(locals, url, 'organizer');
	const org = user.organizationId;
	const db = locals.app.db;
	const quiz = await quizOf(db, org, params.id);
	const items = await getQuizItems(db, org, quiz.id);
	const inQuiz = new Set(items.flatMap((i) => (i.kind === 'question' ? [i.questionId] : [])));
	const banks = (await listBanks(db, org)).map((b) => ({
		id: b.id,
		title: b.title,
		count: b.questionCount
	}));
	const pickBank = parseId(url.searchParams.get('pick'));
	const q = (url.searchParams.get('q') ?? '').slice(0, 200).trim();
	const bankTitles = new Map(banks.map((b) => [b.id, b.title]));
	const candidates = q
		? (await searchQuestions(db, org, q, { limit: 50 })).map((h) => ({
				id: h.id,
				text: h.body.text,
				type: h.body.type,
				bankTitle: h.bankTitle
			}))
		: pickBank
			? (await listQuestions(db, org, pickBank)).map((r) => ({
					id: r.id,
					text: r.body.text,
					type: r.body.type,
					bankTitle: bankTitles.get(r.bankId) ?? ''
				}))
			: [];
	const drawSeed = url.searchParams.get('draw');
	const draw =
		drawSeed && /^\d{1,9}$/.test(drawSeed)
			? ((await getQuizForGame(db, org, quiz.id, Number(drawSeed)))?.questions ?? []).map((g) => ({
					id: g.questionId,
					text: g.text,
					type: g.type
				}))
			: null;
	return {
		quiz: { id: quiz.id, title: quiz.title, description: quiz.description },
		items,
		banks,
		tags: await listOrgTags(db, org),
		pick: {
			bankId: pickBank ?? null,
			q,
			candidates: candidates.map((c) => ({ ...c, inQuiz: inQuiz.has(c.id) }))
		},
		draw,
		/** A fresh seed for the "try a draw" link (random rules resolve differently each time). */
		nextSeed: crypto.randomInt(1, 1e9),
		done: url.searchParams.get('done') === 'created' ? m.bank_quiz_created() : null
	};
}) satisfies PageServerLoad;

export const actions = {
	update: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url, 'organizer');
		const quiz = await quizOf(locals.app.db, user.organizationId, params.id);
		const parsed = parseQuizForm(await readForm(request));
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		await updateQuiz(locals.app.db, user.organizationId, quiz.id, parsed.input);
		return { done: m.bank_quiz_saved() };
	},
	addQuestions: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url, 'organizer');
		const quiz = await quizOf(locals.app.db, user.organizationId, params.id);
		const ids = parseIdList((await readForm(request)).getAll('questionId'));
		if (!ids?.length) return fail(400, { error: m.bank_quiz_added_none() });
		const added = (await addQuizQuestions(locals.app.db, user.organizationId, quiz.id, ids)) ?? 0;
		if (added === 0) return fail(404, { error: m.bank_q_not_found() });
		return { done: m.bank_quiz_added({ count: added }) };
	},
	addRule: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url, 'organizer');
		const quiz = await quizOf(locals.app.db, user.organizationId, params.id);
		const parsed = parseRuleForm(await readForm(request));
		if (!parsed.ok) return fail(400, { ruleErrors: parsed.errors });
		if (!(await addQuizRule(locals.app.db, user.organizationId, quiz.id, parsed.rule)))
			return fail(404, { ruleErrors: { bankId: m.bank_err_choice() } });
		return { done: m.bank_quiz_rule_added() };
	},
	removeItem: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url, 'organizer');
		const quiz = await quizOf(locals.app.db, user.organizationId, params.id);
		const item = parseItemForm(await readForm(request));
		if (!item || !(await removeQuizItem(locals.app.db, user.organizationId, quiz.id, item.id)))
			return fail(404, { error: m.bank_q_not_found() });
		return { done: m.bank_quiz_item_removed() };
	},
	moveItem: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url, 'organizer');
		const quiz = await quizOf(locals.app.db, user.organizationId, params.id);
		const item = parseItemForm(await readForm(request));
		if (
			item?.to === undefined ||
			!(await moveQuizItem(locals.app.db, user.organizationId, quiz.id, item.id, item.to))
		)
			return fail(404, { error: m.bank_q_not_found() });
		return { moved: true };
	}
} satisfies Actions;
