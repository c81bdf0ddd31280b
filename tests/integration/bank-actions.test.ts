/**
 * The bank pages' form actions, called as SvelteKit calls them: parsed with valibot and the
 * shared validator, Vietnamese field errors with the values kept, and every id scoped to the
 * caller's organization.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { isActionFailure, isHttpError, isRedirect } from '@sveltejs/kit';
import type { Db } from '../../src/lib/server/db';
import type { AppContext } from '../../src/lib/server/app';
import { testApp } from '../../src/lib/server/app-testing';
import { freshDb } from '../../src/lib/server/db/queries/testing';
import { createBank, getBank, listBanks } from '../../src/lib/server/db/queries/banks';
import { addQuestion, listQuestions } from '../../src/lib/server/db/queries/questions';
import type { SessionUser } from '../../src/lib/server/auth/session';
import { actions as newBankActions } from '../../src/routes/(site)/org/banks/new/+page.server';
import { actions as bankActions } from '../../src/routes/(site)/org/banks/[id]/+page.server';
import { actions as newQuestionActions } from '../../src/routes/(site)/org/banks/[id]/questions/new/+page.server';
import { actions as quizActions } from '../../src/routes/(site)/org/quizzes/[id]/+page.server';
import { createQuiz, getQuizItems } from '../../src/lib/server/db/queries/quizzes';

let db: Db;
let app: AppContext;
let orgA: number;
let orgB: number;

function organizer(organizationId: number, role: SessionUser['role'] = 'organizer'): SessionUser {
	return {
		id: 1,
		username: 'u',
		displayName: 'U',
		role,
		isPlatformAdmin: false,
		organizationId,
		organizationSlug: 'x',
		organizationName: 'X',
		timeZone: 'Asia/Ho_Chi_Minh'
	};
}

/** Call an action the way SvelteKit does; returns the failure, the redirect or the data. */
async function call(
	action: (event: never) => unknown,
	opts: { user?: SessionUser; params?: Record<string, string>; form?: Array<[string, string]> }
) {
	const body = new FormData();
	for (const [k, v] of opts.form ?? []) body.append(k, v);
	const url = new URL('http://127.0.0.1/org/banks');
	const event = {
		locals: { app, user: opts.user ?? organizer(orgA) },
		url,
		params: opts.params ?? {},
		request: new Request(url, { method: 'POST', body })
	};
	try {
		return { result: await action(event as never) };
	} catch (thrown) {
		return { thrown };
	}
}

beforeEach(async () => {
	({ db, orgA, orgB } = await freshDb());
	app = await testApp({ db });
});

describe('bank actions', () => {
	it('create a bank and go to it', async () => {
		const { thrown } = await call(newBankActions.default, {
			form: [
				['title', 'Luật Công đoàn 2024'],
				['tags', 'Luật Công đoàn'],
				['visibility', 'private']
			]
		});
		expect(isRedirect(thrown)).toBe(true);
		const [bank] = await listBanks(db, orgA);
		expect(bank).toMatchObject({ title: 'Luật Công đoàn 2024', tags: ['Luật Công đoàn'] });
		expect((thrown as { location: string }).location).toBe(`/org/banks/${bank.id}?done=created`);
	});

	it('answer 400 with Vietnamese field errors and the typed values', async () => {
		const { result } = await call(newBankActions.default, {
			form: [
				['title', ''],
				['description', 'Giữ lại mô tả này'],
				['visibility', 'secret']
			]
		});
		expect(isActionFailure(result)).toBe(true);
		const failure = result as { status: number; data: { values: object; errors: object } };
		expect(failure.status).toBe(400);
		expect(failure.data.errors).toEqual({
			title: 'Hãy nhập tên bộ câu hỏi (tối đa 200 ký tự).',
			visibility: 'Chế độ hiển thị không hợp lệ.'
		});
		expect(failure.data.values).toMatchObject({ description: 'Giữ lại mô tả này' });
		expect(await listBanks(db, orgA)).toEqual([]);
	});

	it('send hosts away (403) and never touch another organization’s bank (404)', async () => {
		const bankB = await createBank(db, orgB, {
			title: 'B',
			description: '',
			tags: [],
			visibility: 'private'
		});
		const host = await call(newBankActions.default, {
			user: organizer(orgA, 'host'),
			form: [['title', 'x']]
		});
		expect(isHttpError(host.thrown, 403)).toBe(true);
		for (const name of [
			'update',
			'visibility',
			'archive',
			'duplicate',
			'move',
			'deleteQuestion'
		] as const) {
			const { thrown } = await call(bankActions[name], {
				params: { id: String(bankB.id) },
				form: [
					['title', 'Đã bị đổi'],
					['visibility', 'published'],
					['archived', '1']
				]
			});
			expect(isHttpError(thrown, 404), name).toBe(true);
		}
		expect(await getBank(db, orgB, bankB.id)).toMatchObject({
			title: 'B',
			visibility: 'private',
			archivedAt: null
		});
	});

	it('refuse to delete a question through a bank it is not in', async () => {
		const mine = await createBank(db, orgA, {
			title: 'A',
			description: '',
			tags: [],
			visibility: 'private'
		});
		const bankB = await createBank(db, orgB, {
			title: 'B',
			description: '',
			tags: [],
			visibility: 'private'
		});
		const questionB = (await addQuestion(db, orgB, bankB.id, {
			type: 'truefalse',
			text: 'Bí mật',
			correct: true,
			timeLimitSec: 20,
			points: 1,
			tags: []
		}))!;
		const { result } = await call(bankActions.deleteQuestion, {
			params: { id: String(mine.id) },
			form: [['id', String(questionB)]]
		});
		expect(result).toMatchObject({ status: 404 });
		expect(await listQuestions(db, orgB, bankB.id)).toHaveLength(1);
	});
});

describe('question editor action', () => {
	it('saves a valid question and shows field errors for an invalid one', async () => {
		const bank = await createBank(db, orgA, {
			title: 'A',
			description: '',
			tags: [],
			visibility: 'private'
		});
		const params = { id: String(bank.id) };
		const invalid = await call(newQuestionActions.default, {
			params,
			form: [
				['type', 'multiple'],
				['text', ''],
				['option', 'Một'],
				['option', 'Một'],
				['timeLimitSec', '20'],
				['points', '3']
			]
		});
		const failure = invalid.result as { status: number; data: { errors: Record<string, string> } };
		expect(failure.status).toBe(400);
		expect(failure.data.errors).toMatchObject({
			text: 'Thiếu nội dung câu hỏi',
			options: expect.stringMatching(/trùng/),
			correct: 'Chưa có đáp án đúng',
			points: expect.any(String)
		});
		expect(await listQuestions(db, orgA, bank.id)).toEqual([]);

		const valid = await call(newQuestionActions.default, {
			params,
			form: [
				['type', 'multiple'],
				['text', 'Những mức lương làm thêm nào đúng?'],
				['option', '150% ngày thường'],
				['option', '200% ngày nghỉ hằng tuần'],
				['option', '100% ngày lễ'],
				['correct', '0'],
				['correct', '1'],
				['timeLimitSec', '30'],
				['points', '2'],
				['citationDocument', 'Bộ luật Lao động 2019'],
				['citationArticle', 'Điều 98']
			]
		});
		expect(isRedirect(valid.thrown)).toBe(true);
		expect((await listQuestions(db, orgA, bank.id))[0].body).toMatchObject({
			type: 'multiple',
			correct: [0, 1],
			points: 2,
			citation: { document: 'Bộ luật Lao động 2019', article: 'Điều 98' }
		});
	});
});

describe('quiz builder actions', () => {
	it('add only the organization’s questions and validate random rules', async () => {
		const quiz = await createQuiz(db, orgA, { title: 'Vòng loại', description: '' });
		const bankB = await createBank(db, orgB, {
			title: 'B',
			description: '',
			tags: [],
			visibility: 'private'
		});
		const questionB = (await addQuestion(db, orgB, bankB.id, {
			type: 'truefalse',
			text: 'Bí mật',
			correct: true,
			timeLimitSec: 20,
			points: 1,
			tags: []
		}))!;
		const params = { id: String(quiz.id) };
		const foreign = await call(quizActions.addQuestions, {
			params,
			form: [['questionId', String(questionB)]]
		});
		expect(foreign.result).toMatchObject({ status: 404 });
		const badRule = await call(quizActions.addRule, { params, form: [['count', '0']] });
		expect(badRule.result).toMatchObject({
			status: 400,
			data: { ruleErrors: { count: 'Số câu phải từ 1 đến 100.' } }
		});
		const foreignRule = await call(quizActions.addRule, {
			params,
			form: [
				['count', '3'],
				['bankId', String(bankB.id)]
			]
		});
		expect(foreignRule.result).toMatchObject({ status: 404 });
		const rule = await call(quizActions.addRule, { params, form: [['count', '3']] });
		expect(rule.result).toMatchObject({ done: 'Đã thêm quy tắc bốc ngẫu nhiên.' });
		expect(await getQuizItems(db, orgA, quiz.id)).toMatchObject([
			{ kind: 'rule', rule: { count: 3 } }
		]);
	});
});
