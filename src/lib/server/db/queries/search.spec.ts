import { beforeAll, describe, expect, it } from 'vitest';
import { createBank, deleteBank } from './banks';
import { addQuestion } from './questions';
import { searchQuestions, toFtsQuery, toTsQuery } from './search';
import { freshDb, single } from './testing';

async function setup() {
	const { db, orgA, orgB } = await freshDb();
	const mk = async (org: number, title: string) =>
		(await createBank(db, org, { title, description: '', tags: [], visibility: 'private' })).id;
	const a = await mk(orgA, 'A');
	const b = await mk(orgB, 'B');
	await addQuestion(
		db,
		orgA,
		a,
		single('Thời gian thử việc tối đa đối với người quản lý doanh nghiệp?')
	);
	await addQuestion(
		db,
		orgA,
		a,
		single('Tiền lương thử việc ít nhất bằng bao nhiêu?', {
			citation: { document: 'Bộ luật Lao động 2019', number: '45/2019/QH14', article: 'Điều 26' }
		})
	);
	await addQuestion(db, orgA, a, single('Đoàn viên công đoàn có quyền gì?'));
	await addQuestion(db, orgA, a, single('Doanh nghiệp công nghệ được hưởng ưu đãi gì?'));
	await addQuestion(
		db,
		orgA,
		a,
		single('Công ty có doanh thu thấp có phải đóng kinh phí công đoàn?')
	);
	await addQuestion(db, orgB, b, single('Thử việc ở tổ chức B – bí mật'));
	return { db, orgA, orgB, a, b };
}

describe('question search', () => {
	// One database for the tests that only read it (each new PostgreSQL database costs a second).
	let world: Awaited<ReturnType<typeof setup>>;
	beforeAll(async () => {
		world = await setup();
	});

	it.each([
		['thu viec', 2],
		['thử việc', 2],
		['THU VIEC', 2],
		['doan vien', 1],
		['đoàn viên công đoàn', 1],
		['dieu 26', 1],
		['45/2019/QH14', 1],
		['qh14', 1],
		['Bộ luật Lao động 2019', 1],
		['thu vi', 2],
		['cong doan', 2],
		['cong doa', 3],
		['bảo hiểm y tế', 0]
	])('finds %s in %i of the organization’s questions', async (query, hits) => {
		const { db, orgA } = world;
		expect(await searchQuestions(db, orgA, query)).toHaveLength(hits);
	});

	it('never returns another organization’s questions', async () => {
		const { db, orgA, orgB } = world;
		expect(await searchQuestions(db, orgA, 'bi mat')).toEqual([]);
		expect((await searchQuestions(db, orgB, 'thu viec')).map((h) => h.body.text)).toEqual([
			'Thử việc ở tổ chức B – bí mật'
		]);
	});

	it('ranks the closer match first and can stay within one bank', async () => {
		const { db, orgA, a } = world;
		const hits = await searchQuestions(db, orgA, 'tien luong thu viec', { bankId: a });
		expect(hits[0].body.text).toMatch(/^Tiền lương thử việc/);
		expect(await searchQuestions(db, orgA, 'thu viec', { bankId: a + 1000 })).toEqual([]);
	});

	it('finds whole words first: "cong doan" is not flooded with "doanh nghiệp"', async () => {
		const { db, orgA } = world;
		const texts = (await searchQuestions(db, orgA, 'cong doan')).map((h) => h.body.text);
		expect(texts).toHaveLength(2);
		expect(texts).toContain('Đoàn viên công đoàn có quyền gì?');
		expect(texts).not.toContain('Doanh nghiệp công nghệ được hưởng ưu đãi gì?');
	});

	it('forgets a deleted bank’s questions', async () => {
		const { db, orgA, a } = await setup();
		await deleteBank(db, orgA, a);
		expect(await searchQuestions(db, orgA, 'thu viec')).toEqual([]);
	});

	it('turns FTS and tsquery syntax into plain words', () => {
		expect(toFtsQuery('"NEAR(a b)" OR *')).toBe('"near" "a" "b" "or"*');
		expect(toFtsQuery('  ')).toBeNull();
		expect(toTsQuery("!a & (b | c:*) <-> 'd'")).toBe('a & b & c & d:*');
		expect(toTsQuery('Điều 105', { prefix: false })).toBe('dieu & 105');
		expect(toTsQuery(' ; ')).toBeNull();
	});

	it('finds folded words in every part of a question, whatever punctuation joins them', async () => {
		const { db, orgA } = await freshDb();
		const bank = await createBank(db, orgA, {
			title: 'T',
			description: '',
			tags: [],
			visibility: 'private'
		});
		await addQuestion(
			db,
			orgA,
			bank.id,
			single('Mức 5.1 theo Điều 105 (email hr@cty.vn)?', {
				options: ['Nghỉ-phép', 'Khác'],
				explanation: 'Xem khoản_2',
				tags: ['An toàn']
			})
		);
		for (const query of [
			'dieu 105',
			'ĐIỀU 105',
			'5.1',
			'5 1',
			'hr cty vn',
			'hr@cty.vn',
			'nghi phep',
			'khoan 2',
			'an toan',
			'dieu 10'
		])
			expect(await searchQuestions(db, orgA, query), query).toHaveLength(1);
		for (const query of ['oan', '105 dieu zz', 'dieu 1050'])
			expect(await searchQuestions(db, orgA, query), query).toHaveLength(0);
	});

	it('ranks a short question with the words before a long one, then by id', async () => {
		const { db, orgA } = await freshDb();
		const bank = await createBank(db, orgA, {
			title: 'T',
			description: '',
			tags: [],
			visibility: 'private'
		});
		const long = await addQuestion(
			db,
			orgA,
			bank.id,
			single(
				'Người lao động có quyền gì khi doanh nghiệp chậm trả lương nhiều tháng liên tiếp và không báo trước?'
			)
		);
		const short = await addQuestion(db, orgA, bank.id, single('Trả lương chậm?'));
		const hits = await searchQuestions(db, orgA, 'tra luong cham');
		expect(hits.map((h) => h.id)).toEqual([short, long]);
		expect(hits.map((h) => h.bankTitle)).toEqual(['T', 'T']);
		expect(await searchQuestions(db, orgA, 'luong', { limit: 1 })).toHaveLength(1);
	});
});
