import { test, expect } from '@playwright/test';
import { e2eDb, login, makeUser, unique } from './helpers';
import { expectAllRefused, type CrossOrgCase } from './isolation';
import { createBank, getBank, listBanks } from '../../src/lib/server/db/queries/banks';
import { addQuestion, listQuestions } from '../../src/lib/server/db/queries/questions';
import {
	addQuizQuestions,
	createQuiz,
	getQuiz,
	getQuizItems
} from '../../src/lib/server/db/queries/quizzes';
import { getPendingImport, startImport } from '../../src/lib/server/bank/imports';
import { upload } from '../../src/lib/server/db/schema';
import type { Question } from '../../src/lib/quiz/question';

const question = (text: string): Question => ({
	type: 'single',
	text,
	options: ['Có', 'Không'],
	correct: 0,
	timeLimitSec: 20,
	points: 1,
	tags: []
});

test('an organizer of organization A can neither see nor change banks, questions, quizzes, imports or images of organization B', async ({
	page,
	baseURL
}) => {
	const db = e2eDb();
	const secret = unique('bimat');
	const userA = await makeUser(unique('a-'), 'organizer');
	const { organizationId: orgB } = await makeUser(unique('b-'), 'organizer');
	const orgA = userA.organizationId;

	// B's data, each piece carrying the secret.
	const bankB = await createBank(db, orgB, {
		title: `Bộ ${secret}`,
		description: secret,
		tags: [],
		visibility: 'private'
	});
	const questionB = (await addQuestion(db, orgB, bankB.id, question(`Câu ${secret}`)))!;
	const quizB = await createQuiz(db, orgB, { title: `Đề ${secret}`, description: '' });
	await addQuizQuestions(db, orgB, quizB.id, [questionB]);
	const [itemB] = await getQuizItems(db, orgB, quizB.id);
	const pendingB = await startImport(db, {
		organizationId: orgB,
		bankId: bankB.id,
		filename: `${secret}.gift`,
		bytes: new TextEncoder().encode(`::Q:: ${secret} {=Có ~Không}\n`)
	});
	const pendingNewB = await startImport(db, {
		organizationId: orgB,
		bankId: null,
		filename: `${secret}.gift`,
		bytes: new TextEncoder().encode(`::Q:: ${secret} {=Có ~Không}\n`)
	});
	const imageB = `${'b'.repeat(24)}${Date.now().toString(16).padStart(8, '0').slice(-8)}.png`;
	db.insert(upload)
		.values({
			name: imageB,
			organizationId: orgB,
			contentType: 'image/png',
			size: 1,
			createdAt: new Date()
		})
		.run();

	// A's own bank and quiz, used to smuggle B's ids through A's pages.
	const bankA = await createBank(db, orgA, {
		title: 'Bộ A',
		description: '',
		tags: [],
		visibility: 'private'
	});
	const questionA = (await addQuestion(db, orgA, bankA.id, question('Câu A')))!;
	const quizA = await createQuiz(db, orgA, { title: 'Đề A', description: '' });

	await login(page, userA.username);
	await page.goto('/org/banks');
	await expect(page.getByRole('link', { name: 'Bộ A' })).toBeVisible();
	await expect(page.getByText(secret)).toHaveCount(0);
	await page.goto(`/org/banks?q=${encodeURIComponent(secret)}`);
	await expect(page.getByText('Không có câu hỏi nào khớp')).toBeVisible();

	const B = String(bankB.id);
	const Q = String(questionB);
	const Z = String(quizB.id);
	const bankForm = { title: 'Đã bị đổi', description: '', tags: '', visibility: 'published' };
	const questionForm = {
		type: 'single',
		text: 'Đã bị đổi',
		option: 'Có',
		correct: '0',
		timeLimitSec: '20',
		points: '1'
	};
	const cases: CrossOrgCase[] = [
		// Bank pages and downloads.
		{ name: 'bank page', method: 'GET', path: `/org/banks/${B}` },
		{ name: 'delete page', method: 'GET', path: `/org/banks/${B}/delete` },
		{ name: 'import page', method: 'GET', path: `/org/banks/${B}/import` },
		{
			name: 'import preview of B',
			method: 'GET',
			path: `/org/banks/${B}/import?pending=${pendingB.id}`
		},
		{ name: 'new question page', method: 'GET', path: `/org/banks/${B}/questions/new` },
		{ name: 'question page', method: 'GET', path: `/org/banks/${B}/questions/${Q}` },
		{
			name: 'B question through A bank',
			method: 'GET',
			path: `/org/banks/${bankA.id}/questions/${Q}`
		},
		...['xlsx', 'csv', 'gift', 'json'].map((f): CrossOrgCase => ({
			name: `export ${f}`,
			method: 'GET',
			path: `/org/banks/${B}/export/${f}`
		})),
		// Bank actions.
		{ name: 'update bank', method: 'POST', path: `/org/banks/${B}?/update`, form: bankForm },
		{
			name: 'publish bank',
			method: 'POST',
			path: `/org/banks/${B}?/visibility`,
			form: { visibility: 'published' }
		},
		{
			name: 'archive bank',
			method: 'POST',
			path: `/org/banks/${B}?/archive`,
			form: { archived: '1' }
		},
		{ name: 'duplicate bank', method: 'POST', path: `/org/banks/${B}?/duplicate` },
		{
			name: 'delete bank',
			method: 'POST',
			path: `/org/banks/${B}/delete`,
			form: { confirm: 'yes' }
		},
		{
			name: 'move question',
			method: 'POST',
			path: `/org/banks/${B}?/move`,
			form: { id: Q, to: '0' }
		},
		{
			name: 'duplicate question',
			method: 'POST',
			path: `/org/banks/${B}?/duplicateQuestion`,
			form: { id: Q }
		},
		{
			name: 'delete question',
			method: 'POST',
			path: `/org/banks/${B}?/deleteQuestion`,
			form: { id: Q }
		},
		{
			name: 'move B question via A',
			method: 'POST',
			path: `/org/banks/${bankA.id}?/move`,
			form: { id: Q, to: '0' }
		},
		{
			name: 'duplicate B question via A',
			method: 'POST',
			path: `/org/banks/${bankA.id}?/duplicateQuestion`,
			form: { id: Q }
		},
		{
			name: 'delete B question via A',
			method: 'POST',
			path: `/org/banks/${bankA.id}?/deleteQuestion`,
			form: { id: Q }
		},
		{
			name: 'add question to B',
			method: 'POST',
			path: `/org/banks/${B}/questions/new`,
			form: questionForm
		},
		{
			name: 'edit B question',
			method: 'POST',
			path: `/org/banks/${B}/questions/${Q}`,
			form: questionForm
		},
		{
			name: 'edit B question via A',
			method: 'POST',
			path: `/org/banks/${bankA.id}/questions/${Q}`,
			form: questionForm
		},
		// Imports.
		{ name: 'preview into B', method: 'POST', path: `/org/banks/${B}/import?/preview` },
		{
			name: 'commit into B',
			method: 'POST',
			path: `/org/banks/${B}/import?/commit`,
			form: { pending: pendingB.id, mode: 'valid' }
		},
		{
			name: 'commit B pending into A',
			method: 'POST',
			path: `/org/banks/${bankA.id}/import?/commit`,
			form: { pending: pendingB.id, mode: 'valid' }
		},
		{
			name: 'commit B new-bank pending',
			method: 'POST',
			path: '/org/banks/import?/commit',
			form: { pending: pendingNewB.id, mode: 'all' }
		},
		// Quizzes.
		{ name: 'quiz page', method: 'GET', path: `/org/quizzes/${Z}` },
		{ name: 'quiz sample draw', method: 'GET', path: `/org/quizzes/${Z}?draw=1` },
		{ name: 'quiz delete page', method: 'GET', path: `/org/quizzes/${Z}/delete` },
		{
			name: 'update quiz',
			method: 'POST',
			path: `/org/quizzes/${Z}?/update`,
			form: { title: 'Đã bị đổi' }
		},
		{
			name: 'add to B quiz',
			method: 'POST',
			path: `/org/quizzes/${Z}?/addQuestions`,
			form: { questionId: String(questionA) }
		},
		{
			name: 'add rule to B quiz',
			method: 'POST',
			path: `/org/quizzes/${Z}?/addRule`,
			form: { count: '3' }
		},
		{
			name: 'remove B quiz item',
			method: 'POST',
			path: `/org/quizzes/${Z}?/removeItem`,
			form: { id: String(itemB.id) }
		},
		{
			name: 'move B quiz item',
			method: 'POST',
			path: `/org/quizzes/${Z}?/moveItem`,
			form: { id: String(itemB.id), to: '0' }
		},
		{ name: 'delete B quiz', method: 'POST', path: `/org/quizzes/${Z}/delete` },
		{
			name: 'B question into A quiz',
			method: 'POST',
			path: `/org/quizzes/${quizA.id}?/addQuestions`,
			form: { questionId: Q }
		},
		{
			name: 'B bank rule in A quiz',
			method: 'POST',
			path: `/org/quizzes/${quizA.id}?/addRule`,
			form: { count: '3', bankId: B }
		},
		{
			name: 'remove B item via A quiz',
			method: 'POST',
			path: `/org/quizzes/${quizA.id}?/removeItem`,
			form: { id: String(itemB.id) }
		},
		{
			name: 'move B item via A quiz',
			method: 'POST',
			path: `/org/quizzes/${quizA.id}?/moveItem`,
			form: { id: String(itemB.id), to: '0' }
		}
	];
	await expectAllRefused(page.request, baseURL!, cases, secret);

	// Control: the same GET routes with A's own ids answer 200 (so the 404s above are refusals,
	// not typos in the table).
	for (const path of [
		`/org/banks/${bankA.id}`,
		`/org/banks/${bankA.id}/delete`,
		`/org/banks/${bankA.id}/import`,
		`/org/banks/${bankA.id}/questions/new`,
		`/org/banks/${bankA.id}/questions/${questionA}`,
		`/org/banks/${bankA.id}/export/json`,
		`/org/quizzes/${quizA.id}`,
		`/org/quizzes/${quizA.id}/delete`
	]) {
		expect((await page.request.get(path, { maxRedirects: 0 })).status(), path).toBe(200);
	}

	// A's pick list and sample draw never offer B's questions.
	await page.goto(`/org/quizzes/${quizA.id}?pick=${B}`);
	await expect(page.getByText(secret)).toHaveCount(0);

	// An image of B cannot be attached to A's question (the name is checked against A's uploads).
	const res = await page.request.post(`/org/banks/${bankA.id}/questions/new`, {
		form: { ...questionForm, text: 'Có ảnh của B', image: imageB },
		headers: { origin: baseURL!, 'x-sveltekit-action': 'true', accept: 'application/json' }
	});
	expect(JSON.parse(await res.text())).toMatchObject({ type: 'failure', status: 400 });

	// Nothing of B changed, and nothing of B leaked into A.
	expect(await getBank(db, orgB, bankB.id)).toMatchObject({
		title: `Bộ ${secret}`,
		visibility: 'private',
		archivedAt: null
	});
	expect((await listQuestions(db, orgB, bankB.id)).map((q) => q.body.text)).toEqual([
		`Câu ${secret}`
	]);
	expect((await getQuiz(db, orgB, quizB.id))?.title).toBe(`Đề ${secret}`);
	expect((await getQuizItems(db, orgB, quizB.id)).map((i) => i.id)).toEqual([itemB.id]);
	expect(await getPendingImport(db, orgB, pendingB.id, bankB.id)).toBeDefined();
	expect(await getPendingImport(db, orgB, pendingNewB.id, null)).toBeDefined();
	expect(await listBanks(db, orgB, { status: 'all' })).toHaveLength(1);
	expect((await listBanks(db, orgA, { status: 'all' })).map((b) => b.title)).toEqual(['Bộ A']);
	expect((await listQuestions(db, orgA, bankA.id)).map((q) => q.body.text)).toEqual(['Câu A']);
	expect(await getQuizItems(db, orgA, quizA.id)).toEqual([]);
});
