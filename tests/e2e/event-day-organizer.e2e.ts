import { test, expect, type Browser, type Page } from '@playwright/test';
import fs from 'node:fs';
import { eq } from 'drizzle-orm';
import { e2eDb, login, makeUser, phoneContext, unique } from './helpers';
import { makePublishedBank } from './practice-data';
import { createBank } from '../../src/lib/server/db/queries/banks';
import { insertQuestions } from '../../src/lib/server/db/queries/questions';
import {
	game as gameTable,
	organization,
	practiceReview,
	practiceSession
} from '../../src/lib/server/db/schema';
import { formatDateTime } from '../../src/lib/practice/format';
import type { Question } from '../../src/lib/quiz/question';

// What an organizer meets on the event day (issue 11, items 8–11): the dashboard after games, a
// one-step lobby, exports that open as columns in Vietnamese Excel, times in the event's zone,
// phone photos in the editor, accent-free search and the review count.
const SHOTS = 'test-results/screens';
const PROJECTOR = { width: 1920, height: 1080 };
const DEMO_QUIZ = 'Demo – 10 câu hỏi';

test.beforeAll(() => fs.mkdirSync(SHOTS, { recursive: true }));

/** One click on a quiz's "Tổ chức trò chơi", a phone joins and answers, the host ends the game. */
async function runGameFromQuiz(browser: Browser, page: Page, nickname: string) {
	await page.goto('/org/quizzes');
	await page.getByRole('button', { name: `Tổ chức trò chơi từ bộ đề ${DEMO_QUIZ}` }).click();
	await page.waitForURL(/\/host\/\d+$/);
	const gameId = Number(new URL(page.url()).pathname.split('/').pop());
	const pin = ((await page.getByTestId('host-pin').first().textContent()) ?? '').replace(/\D/g, '');
	expect(pin).toMatch(/^\d{6}$/);
	await expect(page.getByText('Đang chờ người chơi…')).toBeVisible();

	const phone = await phoneContext(browser);
	const phonePage = await phone.newPage();
	await phonePage.goto(`/join/${pin}`);
	await phonePage.getByLabel('Biệt danh', { exact: true }).fill(nickname);
	await phonePage.getByRole('button', { name: 'Vào phòng' }).click();
	await expect(phonePage.getByRole('heading', { name: 'Bạn đã vào phòng!' })).toBeVisible();
	await expect(page.getByTestId('lobby-count')).toHaveText('1');

	await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
	await page.keyboard.press('Enter');
	await expect(phonePage.locator('#q-text')).toBeVisible();
	await phonePage.locator('button.choice').first().click();
	await expect(phonePage.getByTestId('answer-sent')).toBeVisible();
	await page
		.getByRole('button', { name: /Kết thúc cuộc thi/ })
		.first()
		.click();
	await page
		.getByRole('dialog', { name: 'Kết thúc cuộc thi?' })
		.getByRole('button', { name: 'Kết thúc cuộc thi' })
		.click();
	await expect
		.poll(() => e2eDb().select().from(gameTable).where(eq(gameTable.id, gameId)).get()?.status)
		.toBe('ended');
	await phone.close();
	const row = e2eDb().select().from(gameTable).where(eq(gameTable.id, gameId)).get();
	return { gameId, pin, endedAt: row?.endedAt ?? new Date() };
}

test('8: a quiz becomes a lobby in one click, and the dashboard lists the game just run', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const { username } = await makeUser('demo', 'organizer');
	const context = await browser.newContext({ viewport: PROJECTOR });
	const page = await context.newPage();
	await login(page, username);

	await page.goto('/org/quizzes');
	await expect(
		page.getByText(/Nút «Tổ chức trò chơi» mở ngay phòng chờ \(chế độ cổ điển\)/)
	).toBeVisible();
	await page.screenshot({ path: `${SHOTS}/org-quizzes-host-button.png`, fullPage: true });
	const { gameId, endedAt } = await runGameFromQuiz(browser, page, 'Chị Lành');

	await page.goto('/org');
	const recent = page.getByTestId('recent-games');
	await expect(page.getByRole('heading', { name: 'Trò chơi gần đây' })).toBeVisible();
	await expect(page.getByText('Chưa có hoạt động nào')).toHaveCount(0);
	const item = recent.locator('li', {
		has: page.locator(`a[href="/org/events/${gameId}/results"]`)
	});
	await expect(item).toContainText(DEMO_QUIZ);
	await expect(item).toContainText('Đã kết thúc');
	await expect(item).toContainText('1 người chơi');
	await expect(item).toContainText(formatDateTime(endedAt, 'Asia/Ho_Chi_Minh'));
	await page.screenshot({ path: `${SHOTS}/org-dashboard-recent-games.png`, fullPage: true });

	await item.getByRole('link', { name: 'Kết quả' }).click();
	await expect(page.getByRole('cell', { name: 'Chị Lành' })).toBeVisible();
	await context.close();
});

test('8: a new organization with no games says so on its dashboard', async ({ page }) => {
	const { username } = await makeUser(unique('empty-'), 'organizer');
	await login(page, username);
	await page.goto('/org');
	await expect(page.getByText('Chưa có hoạt động nào')).toBeVisible();
});

/** Download through the CSV form with the chosen separator; returns the raw bytes. */
async function downloadCsv(page: Page, formId: string, separator: 'semicolon' | 'comma') {
	await page.locator(`#${formId}-sep`).selectOption(separator);
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.locator(`#${formId}-sep`).locator('xpath=..').getByRole('button').click()
	]);
	return fs.readFileSync((await download.path())!);
}

function expectExcelCsv(bytes: Buffer, separator: ';' | ',', firstLine: string[]) {
	expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	const text = bytes.subarray(3).toString('utf8');
	expect(text.startsWith('sep=')).toBe(false);
	expect(text.split('\r\n')[0].split(separator).slice(0, firstLine.length)).toEqual(firstLine);
}

test('9: exports open as columns in Vietnamese Excel and every time follows the event time zone', async ({
	browser
}) => {
	test.setTimeout(150_000);
	const { username } = await makeUser('demo', 'admin');
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	const page = await context.newPage();
	await login(page, username);
	const { gameId, endedAt } = await runGameFromQuiz(browser, page, 'Anh Đức');
	const demo = e2eDb().select().from(organization).where(eq(organization.slug, 'demo')).get()!;

	try {
		// Live results: ";" by default for the Vietnamese UI, "," on request; diacritics intact.
		await page.goto(`/org/events/${gameId}/results`);
		await expect(page.locator('#results-csv-sep')).toHaveValue('semicolon');
		await page.screenshot({ path: `${SHOTS}/org-results-csv-choice.png`, fullPage: true });
		const semi = await downloadCsv(page, 'results-csv', 'semicolon');
		expectExcelCsv(semi, ';', ['Hạng', 'Biệt danh', 'Điểm']);
		expect(semi.toString('utf8')).toMatch(/\r\n1;Anh Đức;\d+;/);
		const comma = await downloadCsv(page, 'results-csv', 'comma');
		expectExcelCsv(comma, ',', ['Hạng', 'Biệt danh', 'Điểm']);

		// Bank export: same choice, and the file still re-imports (the importer reads ";").
		await page.goto('/org/banks');
		await page.getByRole('link', { name: 'Tìm hiểu pháp luật lao động – công đoàn' }).click();
		const bankCsv = await downloadCsv(page, 'bank-csv', 'semicolon');
		expectExcelCsv(bankCsv, ';', ['STT', 'Loại câu hỏi', 'Câu hỏi']);

		// Contest results export.
		const contests = await page.request.get('/org/contests');
		const contestId = /\/org\/contests\/(\d+)/.exec(await contests.text())?.[1];
		expect(contestId).toBeTruthy(); // the demo organization's seeded contest
		await page.goto(`/org/contests/${contestId}/results`);
		const contestCsv = await downloadCsv(page, 'contest-csv', 'semicolon');
		expect([...contestCsv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		expect(contestCsv.subarray(3).toString('utf8').split('\r\n')[0]).toContain('";"');

		// The events list shows Vietnam time (the server runs in UTC)…
		await page.goto('/org/events');
		const row = page.locator('tr', {
			has: page.locator(`a[href="/org/events/${gameId}/results"]`)
		});
		await expect(row).toContainText(formatDateTime(endedAt, 'Asia/Ho_Chi_Minh'));
		await page.screenshot({ path: `${SHOTS}/org-events-vietnam-time.png`, fullPage: true });

		// …and, once the admin picks another zone for the organization, that zone everywhere.
		await page.goto('/org');
		await page.getByLabel('Múi giờ', { exact: true }).selectOption('Asia/Tokyo');
		await page.getByRole('button', { name: 'Lưu múi giờ' }).click();
		await expect(page.getByText('Đã lưu múi giờ Asia/Tokyo.')).toBeVisible();
		await page.screenshot({ path: `${SHOTS}/org-dashboard-time-zone.png`, fullPage: true });
		const tokyo = formatDateTime(endedAt, 'Asia/Tokyo');
		expect(tokyo).not.toBe(formatDateTime(endedAt, 'Asia/Ho_Chi_Minh'));
		const recent = page.getByTestId('recent-games').locator('li', {
			has: page.locator(`a[href="/org/events/${gameId}/results"]`)
		});
		await expect(recent).toContainText(tokyo);
		await page.goto('/org/events');
		await expect(row).toContainText(tokyo);
	} finally {
		e2eDb()
			.update(organization)
			.set({ timeZone: demo.timeZone })
			.where(eq(organization.id, demo.id))
			.run();
		await context.close();
	}
});

/** Scroll an element to the middle of the screen (the editor's save bar sticks to the bottom). */
async function centre(page: Page, testId: string) {
	await page.getByTestId(testId).evaluate((el) => el.scrollIntoView({ block: 'center' }));
}

/** A 4000×3000 JPEG of a few MB at quality 0.95, drawn in the browser like a phone photo. */
async function phonePhoto(page: Page): Promise<Buffer> {
	const base64 = await page.evaluate(async () => {
		const canvas = document.createElement('canvas');
		canvas.width = 4000;
		canvas.height = 3000;
		const ctx = canvas.getContext('2d')!;
		const image = ctx.createImageData(4000, 3000);
		let seed = 7;
		for (let i = 0; i < image.data.length; i += 4) {
			seed = (seed * 1103515245 + 12345) & 0x7fffffff;
			image.data[i] = seed & 255;
			image.data[i + 1] = (seed >> 8) & 255;
			image.data[i + 2] = (seed >> 16) & 255;
			image.data[i + 3] = 255;
		}
		ctx.putImageData(image, 0, 0);
		ctx.fillStyle = '#fff';
		ctx.fillRect(400, 400, 3200, 2200);
		ctx.fillStyle = '#000';
		ctx.font = '160px serif';
		ctx.fillText('BỘ LUẬT LAO ĐỘNG', 700, 1500);
		const blob = await new Promise<Blob>((r) => canvas.toBlob((b) => r(b!), 'image/jpeg', 0.95));
		const bytes = new Uint8Array(await blob.arrayBuffer());
		let binary = '';
		for (let i = 0; i < bytes.length; i += 0x8000)
			binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
		return btoa(binary);
	});
	return Buffer.from(base64, 'base64');
}

test('10: a phone photo of a law book is shrunk before upload; a file too big keeps the typed question', async ({
	page
}) => {
	test.setTimeout(120_000);
	const { username, organizationId } = await makeUser(unique('photo-'), 'organizer');
	const bank = await createBank(e2eDb(), organizationId, {
		title: 'Ảnh chụp sách luật',
		description: '',
		tags: [],
		visibility: 'private'
	});
	await login(page, username);
	await page.goto(`/org/banks/${bank.id}/questions/new`);
	await page.waitForLoadState('networkidle');

	const photo = await phonePhoto(page);
	expect(photo.byteLength).toBeGreaterThan(2 * 1024 * 1024); // over the server's image limit
	const text = 'Theo ảnh trang sách, thời giờ làm việc bình thường tối đa một ngày là bao nhiêu?';
	await page.getByLabel('Nội dung câu hỏi').fill(text);
	for (const [label, option] of [
		['A', '6 giờ'],
		['B', '8 giờ']
	])
		await page.getByLabel(`Phương án ${label}`, { exact: true }).fill(option);
	await page.getByLabel('Phương án B là đáp án đúng').check();

	// A file the browser cannot shrink and that is too big is stopped here, with the text kept.
	await page.getByLabel('Hình ảnh').setInputFiles({
		name: 'scan.png',
		mimeType: 'image/png',
		buffer: Buffer.alloc(13 * 1024 * 1024, 1)
	});
	await expect(page.getByRole('alert')).toContainText('Tệp gửi lên quá lớn (tối đa 2 MB)');
	await expect(page.getByRole('alert')).toContainText('Nội dung câu hỏi vẫn được giữ nguyên');
	await expect(page.getByLabel('Nội dung câu hỏi')).toHaveValue(text);
	await centre(page, 'image-status');
	await page.screenshot({ path: `${SHOTS}/org-editor-image-too-large.png` });

	// The phone photo: shrunk in the browser, previewed, saved.
	await page.getByLabel('Hình ảnh').setInputFiles({
		name: 'IMG_20250519_0815.jpg',
		mimeType: 'image/jpeg',
		buffer: photo
	});
	await expect(page.getByTestId('image-status')).toContainText(
		/Ảnh đã được thu nhỏ từ [\d,]+ MB xuống [\d,]+ (KB|MB) trước khi tải lên\./
	);
	await expect(page.getByRole('alert')).toHaveCount(0);
	await centre(page, 'image-status');
	await page.screenshot({ path: `${SHOTS}/org-editor-photo-shrunk.png` });
	await page.getByRole('button', { name: 'Lưu câu hỏi' }).click();
	await page.waitForURL(new RegExp(`/org/banks/${bank.id}\\?done=saved`));
	await expect(page.getByText(text)).toBeVisible();
	await page.getByRole('link', { name: 'Sửa Câu 1' }).click();
	const img = page.locator('figure.current img');
	await expect(img).toBeVisible();
	const size = await img.evaluate((el: HTMLImageElement) => [el.naturalWidth, el.naturalHeight]);
	expect(size).toEqual([1600, 1200]);

	// Without the browser's help (no JavaScript), an oversized body gets a readable page, not a bare 413.
	const response = await page.request.post(`/org/banks/${bank.id}/questions/new`, {
		multipart: {
			text,
			imageFile: {
				name: 'big.jpg',
				mimeType: 'image/jpeg',
				buffer: Buffer.alloc(13 * 1024 * 1024, 1)
			}
		},
		headers: { origin: new URL(page.url()).origin }
	});
	expect(response.status()).toBe(413);
	expect(response.headers()['content-type']).toContain('text/html');
	expect(await response.text()).toContain('Tệp gửi lên quá lớn');
});

const SEARCH_QUESTIONS: Question[] = [
	'Đoàn viên công đoàn có quyền gì?',
	'Kinh phí công đoàn được trích bao nhiêu phần trăm quỹ lương?',
	'Doanh nghiệp công nghệ được hưởng ưu đãi gì?',
	'Công ty có doanh thu thấp có được miễn thuế không?',
	'Doanh nghiệp công ích phải công khai báo cáo tài chính không?'
].map((text) => ({
	type: 'truefalse',
	text,
	correct: true,
	timeLimitSec: 20,
	points: 1,
	tags: []
}));

test('11: "cong doan" finds công đoàn, not doanh nghiệp; the review count matches the session', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const { username, organizationId } = await makeUser(unique('search-'), 'organizer');
	const bank = await createBank(e2eDb(), organizationId, {
		title: 'Luật Công đoàn 2024',
		description: '',
		tags: [],
		visibility: 'private'
	});
	await insertQuestions(e2eDb(), organizationId, bank.id, SEARCH_QUESTIONS);
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	const page = await context.newPage();
	await login(page, username);
	await page.goto('/org/banks');
	await page.getByLabel('Tìm bộ câu hỏi và câu hỏi').fill('cong doan');
	await page.getByRole('button', { name: 'Tìm kiếm' }).click();
	const hits = page.locator('ul.hits a');
	await expect(hits).toHaveText([
		/Kinh phí công đoàn|Đoàn viên công đoàn/,
		/Kinh phí công đoàn|Đoàn viên công đoàn/
	]);
	await expect(page.getByText('Doanh nghiệp công nghệ')).toHaveCount(0);
	await page.screenshot({ path: `${SHOTS}/org-search-cong-doan.png`, fullPage: true });
	// A word still being typed is completed when the whole words find nothing.
	await page.getByLabel('Tìm bộ câu hỏi và câu hỏi').fill('doanh ngh');
	await page.getByRole('button', { name: 'Tìm kiếm' }).click();
	await expect(hits).toHaveCount(2);
	await context.close();

	// Review: a participant with three questions due and one whose question was deleted since.
	const { bankId, questionIds } = await makePublishedBank();
	const phone = await phoneContext(browser);
	const p = await phone.newPage();
	await p.goto(`/practice/banks/${bankId}`);
	await p.getByLabel('Biệt danh').fill('Công nhân Thảo');
	await p.getByRole('button', { name: 'Bắt đầu luyện tập' }).click();
	await expect(p).toHaveURL(/\/practice\/s\/\d+/);
	const sessionId = Number(new URL(p.url()).pathname.split('/').pop());
	const participantId = e2eDb()
		.select()
		.from(practiceSession)
		.where(eq(practiceSession.id, sessionId))
		.get()!.participantId;
	const due = Date.now() - 60_000;
	e2eDb()
		.insert(practiceReview)
		.values([
			...questionIds.map((questionId) => ({ participantId, questionId, box: 1, dueAt: due })),
			{ participantId, questionId: 2_000_000_000, box: 1, dueAt: due - 1000 }
		])
		.onConflictDoNothing()
		.run();
	await p.goto('/practice/review');
	await expect(p.getByTestId('review-due')).toHaveText('3 câu đã đến lượt ôn');
	await p.screenshot({ path: `${SHOTS}/practice-review-due-phone.png`, fullPage: true });
	await p.getByRole('button', { name: 'Ôn ngay' }).click();
	await expect(p.getByText('Câu 1/3')).toBeVisible();
	await phone.close();
});
