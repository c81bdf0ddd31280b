/**
 * Event day (issue 11, live game): each test plays one point as the host, the workers on their
 * phones and the organizer would, and saves what they saw (projector 1920×1080, phone 360×740)
 * as test artifacts and under test-results/screens.
 */
import { test, expect, type Page, type TestInfo } from '@playwright/test';
import ExcelJS from 'exceljs';
import {
	answerOnPhone,
	gameQuestions,
	hostKey,
	joinPhone,
	questionOnPhone,
	SCREENS,
	startHostedGame,
	type HostSession,
	type Phone
} from './live-helpers';
import { e2eDb, ensureOrg, phoneContext, unique } from './helpers';
import { listBanks } from '../../src/lib/server/db/queries/banks';
import { listQuestions } from '../../src/lib/server/db/queries/questions';
import { addQuizQuestions, createQuiz } from '../../src/lib/server/db/queries/quizzes';
import { seedDemoBankAndQuiz } from '../../src/lib/server/seed/demo-quiz';
import { DEMO_BANK } from '../../src/lib/server/seed/demo-bank';
import type { Question } from '../../src/lib/quiz/question';

const PROJECTOR_HD = { width: 1920, height: 1080 };

/** A quiz of the demo organization: a single-choice question, then a multi-answer one. */
async function singleThenMultipleQuiz(): Promise<string> {
	const db = e2eDb();
	const organizationId = ensureOrg('demo');
	await seedDemoBankAndQuiz(db, organizationId);
	const demoBank = (await listBanks(db, organizationId)).find((b) => b.title === DEMO_BANK.title);
	if (!demoBank) throw new Error('no demo bank');
	const rows = await listQuestions(db, organizationId, demoBank.id);
	const pick = (type: Question['type']) => rows.find((row) => row.body.type === type)?.id ?? 0;
	const title = unique('Một và nhiều đáp án ');
	const created = await createQuiz(db, organizationId, { title, description: '' });
	await addQuizQuestions(db, organizationId, created.id, [pick('single'), pick('multiple')]);
	return title;
}

/** Saves a screenshot under test-results/screens and attaches it to the test's report. */
async function snap(page: Page, testInfo: TestInfo, name: string): Promise<void> {
	const path = `${SCREENS}/day-${name}.png`;
	await page.screenshot({ path });
	await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** Waits for the screen's finite animations (podium steps rising, confetti) before a picture. */
async function animationsDone(page: Page): Promise<void> {
	await page.evaluate(() =>
		Promise.all(
			document
				.getAnimations()
				.filter((a) => a.effect?.getTiming().iterations !== Infinity)
				.map((a) => a.finished.catch(() => undefined))
		)
	);
}

/** From the reveal or the leaderboard, on to the next question (through the leaderboard). */
async function nextQuestion(host: Page): Promise<void> {
	const next = host.getByRole('button', { name: /Câu tiếp theo/ });
	if (!(await next.isVisible())) await hostKey(host, 'Enter');
	await expect(next).toBeVisible();
	await hostKey(host, 'Enter');
}

/** Skips questions (host key S) until the phone shows one of `type`; returns it. */
async function skipTo(
	host: HostSession,
	phone: Phone,
	questions: Question[],
	type: Question['type']
): Promise<Question> {
	for (;;) {
		await expect(phone.page.locator('#q-text')).toBeVisible();
		const q = await questionOnPhone(phone.page, questions);
		if (q.type === type) return q;
		await hostKey(host.page, 's');
		await expect(host.page.getByRole('button', { name: /Bảng xếp hạng/ })).toBeVisible();
		await nextQuestion(host.page);
		await expect(phone.page.locator('#q-text')).not.toHaveText(q.text);
	}
}

async function closeAll(host: HostSession, phones: Phone[]): Promise<void> {
	for (const phone of phones) await phone.context.close();
	await host.context.close();
}

test('1. Rung chuông vàng ends with the bell, a results button and a podium by survival', async ({
	browser
}, testInfo) => {
	test.setTimeout(240_000);
	const host = await startHostedGame(browser, {
		mode: 'elimination',
		reserveQuestions: 2,
		maxRescues: 1,
		viewport: PROJECTOR_HD
	});
	const questions = gameQuestions(host.gameId);
	const lan = await joinPhone(browser, host.pin, 'Chị Lan');
	const hung = await joinPhone(browser, host.pin, 'Anh Hùng');
	const mai = await joinPhone(browser, host.pin, 'Cô Mai');
	await expect(host.page.getByTestId('lobby-count')).toHaveText('3');
	await snap(host.page, testInfo, 'projector-lobby');
	await snap(lan.page, testInfo, 'phone-lobby');
	await hostKey(host.page, 'Enter');

	// Question 1: Mai is out. A latecomer only watches and is told how many are still in.
	await answerOnPhone(lan.page, questions, true);
	await snap(host.page, testInfo, 'projector-question');
	await snap(lan.page, testInfo, 'phone-question');
	await answerOnPhone(hung.page, questions, true);
	await answerOnPhone(mai.page, questions, false);
	await hostKey(host.page, 'c');
	await expect(host.page.getByTestId('remaining')).toContainText('2');
	const late = await joinPhoneLate(browser, host.pin, 'Bác Tư');
	await expect(late.page.getByTestId('players-left')).toHaveText('Còn 2 người chơi');

	// The one rescue allowed brings Mai back; the engine then refuses a second one, and the host
	// sees why on a disabled button instead of a button that fails.
	await hostKey(host.page, 'r');
	await host.page.getByRole('button', { name: /Cứu tất cả/ }).click();
	await expect(host.page.getByTestId('remaining')).toContainText('3');
	await expect(host.page.locator('[data-command=rescue]')).toBeDisabled();
	await expect(host.page.locator('[data-command=rescue]')).toContainText(
		'Đã dùng hết số lần cứu trợ.'
	);
	await snap(host.page, testInfo, 'projector-reveal');
	await hostKey(host.page, 'Enter'); // leaderboard
	await expect(host.page.getByRole('heading', { name: 'Bảng xếp hạng' })).toBeVisible();
	await snap(host.page, testInfo, 'projector-leaderboard');
	await expect(lan.page.getByTestId('my-rank')).toBeVisible();
	await snap(lan.page, testInfo, 'phone-leaderboard');
	await hostKey(host.page, 'Enter'); // question 2

	// Question 2: only Lan is right; she is the last one standing.
	await answerOnPhone(lan.page, questions, true);
	await answerOnPhone(hung.page, questions, false);
	await answerOnPhone(mai.page, questions, false);
	await expect(late.page.getByTestId('watching')).toContainText('Còn 3 người chơi');
	await snap(late.page, testInfo, 'phone-spectator-question');
	await hostKey(host.page, 'c');
	await expect(host.page.getByTestId('winner-banner')).toHaveText(/Rung chuông vàng! — Chị Lan/);
	const primary = host.page.locator('.control.primary');
	await expect(primary).toHaveText(/Kết thúc \/ xem kết quả/);
	await expect(host.page.getByRole('button', { name: /Câu tiếp theo/ })).toHaveCount(0);
	await expect(lan.page.getByTestId('winner')).toBeVisible();
	await snap(host.page, testInfo, 'projector-rcv-decided');
	await snap(lan.page, testInfo, 'phone-rcv-winner-reveal');

	// One press ends it: no warning about unscored questions, the bell and the places.
	await primary.click();
	await expect(host.page.getByRole('dialog')).toHaveCount(0);
	await expect(host.page.getByTestId('winner-name')).toHaveText('Chị Lan');
	const runners = host.page.getByTestId('runners-up').locator('li');
	await expect(runners).toHaveCount(2);
	await expect(runners.nth(0)).toContainText('Anh Hùng');
	await expect(runners.nth(0)).toContainText('Bị loại ở vòng 2');
	await expect(runners.nth(1)).toContainText('Cô Mai');
	await expect(host.page.getByRole('link', { name: 'Xem kết quả' })).toBeVisible();
	await expect(lan.page.getByRole('heading', { name: 'Bạn đã rung chuông vàng!' })).toBeVisible();
	await expect(hung.page.getByText('Người rung chuông vàng: Chị Lan')).toBeVisible();
	await animationsDone(host.page);
	await snap(host.page, testInfo, 'projector-rcv-ending');
	await snap(lan.page, testInfo, 'phone-rcv-ending-winner');
	await snap(hung.page, testInfo, 'phone-rcv-ending-out');

	// The results rank by the mode's rule: the survivor first, whatever the scores.
	await host.page.getByRole('link', { name: 'Xem kết quả' }).click();
	const rows = host.page.locator('section[aria-labelledby=rank-h] tbody tr');
	await expect(rows.nth(0)).toContainText('Chị Lan');
	await expect(rows.nth(0)).toContainText('Hoàn thành');
	await expect(rows.nth(1)).toContainText('Bị loại');
	await expect(host.page.getByText('Đang chơi')).toHaveCount(0);
	await closeAll(host, [lan, hung, mai, late]);
});

/** A phone joining after the start (elimination: a spectator), landing on the play page. */
async function joinPhoneLate(
	browser: Parameters<typeof joinPhone>[0],
	pin: string,
	nickname: string
): Promise<Phone> {
	const context = await phoneContext(browser);
	const page = await context.newPage();
	await page.goto(`/join/${pin}`);
	await page.getByLabel('Biệt danh', { exact: true }).fill(nickname);
	await page.getByRole('button', { name: 'Vào phòng' }).click();
	await page.waitForURL(`**/play/${pin}`);
	return { context, page, nickname };
}

test('2. a multi-answer question asks for every right answer, counts them and has a submit button', async ({
	browser
}, testInfo) => {
	test.setTimeout(180_000);
	const quizTitle = await singleThenMultipleQuiz();
	const host = await startHostedGame(browser, { quizTitle, viewport: PROJECTOR_HD });
	const questions = gameQuestions(host.gameId);
	const an = await joinPhone(browser, host.pin, 'Anh An');
	await hostKey(host.page, 'Enter');

	// Played in the game's order: whichever of the two kinds comes first.
	const firstOf = (type: Question['type']) => questions.findIndex((q) => q.type === type);
	const kinds = (['single', 'multiple'] as const)
		.filter((type) => firstOf(type) >= 0)
		.sort((a, b) => firstOf(a) - firstOf(b));
	expect(kinds).toHaveLength(2);
	for (const [i, kind] of kinds.entries()) {
		const q = await skipTo(host, an, questions, kind);
		if (q.type === 'single') {
			// A single-choice question stays one tap: no hint, no submit button.
			await expect(an.page.getByTestId('pick-all')).toHaveCount(0);
			await expect(an.page.getByRole('button', { name: 'Gửi câu trả lời' })).toHaveCount(0);
			await an.page.locator('button.choice').nth(q.correct).click();
			await expect(an.page.getByTestId('answer-sent')).toBeVisible();
		} else if (q.type === 'multiple') {
			await expect(an.page.getByText('Chọn tất cả đáp án đúng')).toBeVisible();
			await expect(an.page.getByTestId('picked-count')).toHaveText('Đã chọn 0');
			const send = an.page.getByRole('button', { name: 'Gửi câu trả lời' });
			await expect(send).toBeDisabled();
			for (const [n, slot] of q.correct.entries()) {
				await an.page.locator('button.choice').nth(slot).click();
				await expect(an.page.getByTestId('picked-count')).toHaveText(`Đã chọn ${n + 1}`);
			}
			await expect(an.page.getByTestId('answer-sent')).toHaveCount(0); // nothing sent yet
			await snap(an.page, testInfo, 'phone-multi-answer');
			await send.click();
			await expect(an.page.getByTestId('answer-sent')).toBeVisible();
		}
		if (i < kinds.length - 1) {
			await hostKey(host.page, 'c');
			await nextQuestion(host.page);
		}
	}
	await closeAll(host, [an]);
});

test('4. the reveal says "2/3 người trả lời đúng", one figure one way', async ({
	browser
}, testInfo) => {
	test.setTimeout(180_000);
	const host = await startHostedGame(browser, { viewport: PROJECTOR_HD });
	const questions = gameQuestions(host.gameId);
	const phones = [
		await joinPhone(browser, host.pin, 'Chị Ba'),
		await joinPhone(browser, host.pin, 'Anh Tư'),
		await joinPhone(browser, host.pin, 'Cô Năm'),
		await joinPhone(browser, host.pin, 'Chú Sáu')
	];
	await hostKey(host.page, 'Enter');
	await skipTo(host, phones[0], questions, 'single');
	await answerOnPhone(phones[0].page, questions, true);
	await answerOnPhone(phones[1].page, questions, true);
	await answerOnPhone(phones[2].page, questions, false);
	// Chú Sáu does not answer: the figure is of those who answered.
	await hostKey(host.page, 'c');
	const figure = host.page.getByTestId('correct-count');
	await expect(figure).toHaveText(/2\/3\s*người trả lời đúng/);
	for (const figureText of await host.page.locator('.reveal .remaining').allTextContents())
		expect(figureText).not.toContain('%');
	await snap(host.page, testInfo, 'projector-reveal-wording');
	await snap(phones[0].page, testInfo, 'phone-reveal');
	await closeAll(host, phones);
});

test('5. phones after a kick, a reload during the reveal, and the end', async ({
	browser
}, testInfo) => {
	test.setTimeout(240_000);
	const host = await startHostedGame(browser, {
		mode: 'teams',
		teams: ['Công đoàn Dệt', 'Công đoàn Điện'],
		viewport: PROJECTOR_HD
	});
	const questions = gameQuestions(host.gameId);
	const pickTeam = (team: string) => async (page: Page) => {
		await page.getByLabel('Đội / đơn vị').selectOption({ label: team });
	};
	const hoa = await joinPhone(browser, host.pin, 'Chị Hoa', pickTeam('Công đoàn Dệt'));
	const binh = await joinPhone(browser, host.pin, 'Anh Bình', pickTeam('Công đoàn Điện'));
	const khoa = await joinPhone(browser, host.pin, 'Khoa', pickTeam('Công đoàn Điện'));
	await expect(hoa.page.getByText('Đội: Công đoàn Dệt')).toBeVisible();

	// Kicked: a clear sentence, not a reconnecting banner.
	await host.page.getByRole('button', { name: 'Mời Khoa ra khỏi phòng' }).click();
	await host.page
		.getByRole('dialog', { name: 'Mời người chơi ra?' })
		.getByRole('button', { name: 'Mời ra' })
		.click();
	await expect(khoa.page.getByTestId('kicked')).toHaveText('Bạn đã bị mời ra khỏi phòng.');
	await expect(khoa.page.getByTestId('connection')).toHaveCount(0);
	await snap(khoa.page, testInfo, 'phone-kicked');

	await hostKey(host.page, 'Enter');
	const q = await skipTo(host, hoa, questions, 'single');
	if (q.type !== 'single') throw new Error('not a single question');
	await answerOnPhone(hoa.page, questions, true);
	await hostKey(host.page, 'c');
	await expect(hoa.page.getByTestId('reveal-score')).toBeVisible();

	// A reload in the reveal, with the tab's own copy gone: the server's view has the options.
	await hoa.page.evaluate(() => sessionStorage.clear());
	await hoa.page.reload();
	await expect(hoa.page.locator('.correct-answer')).toContainText(q.options[q.correct]);
	await snap(hoa.page, testInfo, 'phone-reveal-after-reload');

	// The leaderboard names the phone's team.
	await hostKey(host.page, 'Enter');
	await expect(binh.page.getByTestId('my-team')).toHaveText('Đội: Công đoàn Điện');
	await snap(binh.page, testInfo, 'phone-team-leaderboard');

	// The end: the join page says so and offers the results or the home page.
	await hostKey(host.page, 'e');
	await host.page
		.getByRole('dialog', { name: 'Kết thúc cuộc thi?' })
		.getByRole('button', { name: 'Kết thúc cuộc thi' })
		.click();
	await expect(host.page.getByRole('heading', { name: 'Bục vinh quang' })).toBeVisible();
	await animationsDone(host.page);
	await snap(host.page, testInfo, 'projector-podium');
	await expect(hoa.page.getByTestId('final-rank')).toBeVisible();
	await snap(hoa.page, testInfo, 'phone-podium');
	await hoa.page.goto(`/join/${host.pin}`);
	const ended = hoa.page.getByTestId('game-ended');
	await expect(ended.getByRole('heading', { name: 'Cuộc thi đã kết thúc' })).toBeVisible();
	await expect(ended.getByRole('link', { name: 'Về trang chủ' })).toBeVisible();
	await snap(hoa.page, testInfo, 'phone-join-ended');
	await ended.getByRole('link', { name: 'Xem kết quả của tôi' }).click();
	await expect(hoa.page.getByTestId('final-rank')).toBeVisible();
	await closeAll(host, [hoa, binh, khoa]);
});

test('6. phone polish at 360×740: header, menu, shared ranks everywhere, a wrong PIN', async ({
	browser
}, testInfo) => {
	test.setTimeout(240_000);
	// The public menu shows every item on a small phone.
	const visitor = await phoneContext(browser);
	const home = await visitor.newPage();
	await home.goto('/');
	const links = home.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link');
	await expect(links).toHaveCount(5);
	for (const link of await links.all()) {
		const box = await link.boundingBox();
		expect(box && box.x >= 0 && box.x + box.width <= 360, (await link.textContent()) ?? '').toBe(
			true
		);
	}
	await snap(home, testInfo, 'phone-public-menu');

	// A malformed PIN stays in the field with the reason; an unknown one too.
	const pinForm = home.locator('form[action="/join"]');
	const pinField = pinForm.getByLabel('Mã PIN (6 chữ số)');
	await pinField.fill('12345');
	await pinForm.getByRole('button', { name: 'Vào phòng' }).click();
	await expect(home.getByText('Mã PIN gồm đúng 6 chữ số.')).toBeVisible();
	await expect(pinField).toHaveValue('12345');
	await pinField.fill('999999');
	await pinForm.getByRole('button', { name: 'Vào phòng' }).click();
	await home.waitForURL('**/join/999999');
	await expect(
		home.getByText('Không tìm thấy phòng với mã PIN này.', { exact: false })
	).toBeVisible();
	await expect(home.getByLabel('Mã PIN (6 chữ số)')).toHaveValue('999999');
	await snap(home, testInfo, 'phone-wrong-pin');
	await visitor.close();

	// Four teams of one, points without speed: Đỏ, Vàng and Xanh right on one question, Đỏ alone
	// on the next, Tím never → team ranks 1, 2, 2, 4 on the phone, the projector and the export.
	const host = await startHostedGame(browser, {
		mode: 'teams',
		teams: ['Đỏ', 'Vàng', 'Xanh', 'Tím'],
		scoring: 'accuracy',
		viewport: PROJECTOR_HD
	});
	const questions = gameQuestions(host.gameId);
	const team = (name: string) => async (page: Page) => {
		await page.getByLabel('Đội / đơn vị').selectOption({ label: name });
	};
	const na = await joinPhone(browser, host.pin, 'Bé Na', team('Đỏ'));
	const vang = await joinPhone(browser, host.pin, 'Vàng Anh', team('Vàng'));
	const xanh = await joinPhone(browser, host.pin, 'Xanh Lá', team('Xanh'));
	const tim = await joinPhone(browser, host.pin, 'Tím', team('Tím'));
	await hostKey(host.page, 'Enter');
	await skipTo(host, na, questions, 'single');
	await answerOnPhone(na.page, questions, true);
	await answerOnPhone(vang.page, questions, true);
	await answerOnPhone(xanh.page, questions, true);
	await hostKey(host.page, 'c');
	await nextQuestion(host.page);
	await skipTo(host, na, questions, 'single');
	await answerOnPhone(na.page, questions, true);
	await hostKey(host.page, 'c');

	// The header: a 4-digit score and a short name on one line, the name whole.
	const score = na.page.getByTestId('my-score');
	await expect(score).toHaveText(/^\d\.\d{3}$/);
	const bar = na.page.locator('header.bar');
	expect((await bar.boundingBox())?.height).toBeLessThan(56);
	const nick = na.page.locator('.me .nick');
	await expect(nick).toHaveText('Bé Na');
	expect(await nick.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
	await snap(na.page, testInfo, 'phone-header-4-digits');

	await hostKey(host.page, 'Enter'); // leaderboard
	const teamRows = host.page.locator('section[aria-labelledby=lb-teams] li');
	await expect(teamRows).toHaveCount(4);
	const ranksOf = async (rows: ReturnType<Page['locator']>, cell: string) =>
		(await rows.locator(cell).allTextContents()).map((t) => t.trim());
	expect(await ranksOf(teamRows, '.rank')).toEqual(['1', '2', '2', '4']);
	await snap(host.page, testInfo, 'projector-team-ties');
	const phoneTeams = tim.page.locator('ol.top').last().locator('li');
	await expect(phoneTeams).toHaveCount(4);
	expect(await ranksOf(phoneTeams, '.r')).toEqual(['1', '2', '2', '4']);
	await snap(tim.page, testInfo, 'phone-team-ties');

	const download = host.page.waitForEvent('download');
	await host.page.goto(`/org/events/${host.gameId}/results`);
	await host.page
		.getByRole('link', { name: /xlsx|Excel/i })
		.first()
		.click();
	const file = await (await download).path();
	const book = new ExcelJS.Workbook();
	await book.xlsx.readFile(file);
	const sheet = book.worksheets.find((s) => s.name === 'Đội');
	const exported: string[] = [];
	sheet?.eachRow((row, n) => {
		if (n > 1) exported.push(String(row.getCell(1).value));
	});
	expect(exported).toEqual(['1', '2', '2', '4']);
	await closeAll(host, [na, vang, xanh, tim]);
});

test('7. after the end every status is final and a player who answered nothing shows "—"', async ({
	browser
}, testInfo) => {
	test.setTimeout(180_000);
	const host = await startHostedGame(browser, { viewport: PROJECTOR_HD });
	const questions = gameQuestions(host.gameId);
	const thu = await joinPhone(browser, host.pin, 'Chị Thu');
	const quiet = await joinPhone(browser, host.pin, 'Anh Im');
	const gone = await joinPhone(browser, host.pin, 'Người Lạ');
	await host.page.getByRole('button', { name: 'Mời Người Lạ ra khỏi phòng' }).click();
	await host.page
		.getByRole('dialog', { name: 'Mời người chơi ra?' })
		.getByRole('button', { name: 'Mời ra' })
		.click();
	await expect(host.page.getByTestId('lobby-count')).toHaveText('2');
	await hostKey(host.page, 'Enter');
	await answerOnPhone(thu.page, questions, true);
	await hostKey(host.page, 'c');
	await hostKey(host.page, 'e');
	await host.page
		.getByRole('dialog', { name: 'Kết thúc cuộc thi?' })
		.getByRole('button', { name: 'Kết thúc cuộc thi' })
		.click();
	await expect(host.page.getByRole('link', { name: 'Xem kết quả' })).toBeVisible();
	await host.page.getByRole('link', { name: 'Xem kết quả' }).click();
	const row = (name: string) =>
		host.page.locator('section[aria-labelledby=rank-h] tbody tr', { hasText: name });
	await expect(row('Chị Thu')).toContainText('Hoàn thành');
	await expect(row('Chị Thu')).toContainText('1/1');
	await expect(row('Anh Im')).toContainText('Đã rời (không trả lời câu nào)');
	const quietCells = (await row('Anh Im').locator('td.num').allTextContents()).map((t) => t.trim());
	expect(quietCells.slice(1)).toEqual(['—', '—']);
	await expect(row('Người Lạ')).toContainText('Bị mời ra');
	await expect(host.page.getByText('Đang chơi')).toHaveCount(0);
	await snap(host.page, testInfo, 'results-final-statuses');
	await closeAll(host, [thu, quiet, gone]);
});
