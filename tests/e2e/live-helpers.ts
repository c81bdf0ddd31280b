import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { e2eDb, login, makeUser, phoneContext } from './helpers';
import { game as gameTable } from '../../src/lib/server/db/schema';
import type { Question } from '../../src/lib/quiz/question';

export const SCREENS = 'test-results/screens';
/** The host screen is shot as a 16:9 projector sees it. */
export const PROJECTOR = { width: 1280, height: 720 };

export interface HostSession {
	context: BrowserContext;
	page: Page;
	gameId: number;
	pin: string;
}

export interface NewGameOptions {
	mode?: 'classic' | 'teams' | 'elimination';
	reserveQuestions?: number;
	teams?: string[];
	hiddenFields?: Array<'fullName' | 'unit' | 'phone'>;
	scoring?: 'speed-streak' | 'speed' | 'accuracy';
	maxRescues?: number;
	/** The quiz to play, by its title; default the demo quiz. */
	quizTitle?: string;
	/** The host's screen; default PROJECTOR. */
	viewport?: { width: number; height: number };
}

/** A host of the demo organization creates a game from the demo quiz through the real form. */
export async function startHostedGame(
	browser: Browser,
	options: NewGameOptions = {}
): Promise<HostSession> {
	const { username } = await makeUser('demo', 'host');
	const context = await browser.newContext({ viewport: options.viewport ?? PROJECTOR });
	const page = await context.newPage();
	await login(page, username);
	await page.goto('/org/events/new');
	const quizId = await page
		.locator('#quizId option', { hasText: options.quizTitle ?? 'Demo – 10 câu hỏi' })
		.getAttribute('value');
	await page.getByLabel('Bộ đề', { exact: true }).selectOption(quizId ?? '');
	if (options.mode) await page.locator(`input[name=mode][value=${options.mode}]`).check();
	if (options.teams) await page.getByLabel(/Tên các đội/).fill(options.teams.join('\n'));
	if (options.reserveQuestions !== undefined)
		await page.getByLabel(/Số câu dự phòng/).fill(String(options.reserveQuestions));
	if (options.scoring) await page.locator(`input[name=scoring][value=${options.scoring}]`).check();
	if (options.maxRescues !== undefined)
		await page.getByLabel('Số lần cứu trợ tối đa').fill(String(options.maxRescues));
	for (const field of options.hiddenFields ?? []) {
		await page.locator(`input[name=hiddenFields][value=${field}]`).check();
	}
	await page.getByRole('button', { name: /Tạo và mở màn hình trình chiếu/ }).click();
	await page.waitForURL(/\/host\/\d+$/);
	const gameId = Number(new URL(page.url()).pathname.split('/').pop());
	const pinText = await page.getByTestId('host-pin').first().textContent();
	const pin = (pinText ?? '').replace(/\D/g, '');
	expect(pin).toMatch(/^\d{6}$/);
	return { context, page, gameId, pin };
}

export interface Phone {
	context: BrowserContext;
	page: Page;
	nickname: string;
}

/** A phone (360×740) scans the QR code: opens /join/PIN, picks a nickname, lands in the lobby. */
export async function joinPhone(
	browser: Browser,
	pin: string,
	nickname: string,
	extra: (page: Page) => Promise<void> = async () => {}
): Promise<Phone> {
	const context = await phoneContext(browser);
	const page = await context.newPage();
	await page.goto(`/join/${pin}`);
	await page.getByLabel('Biệt danh', { exact: true }).fill(nickname);
	await extra(page);
	await page.getByRole('button', { name: 'Vào phòng' }).click();
	await page.waitForURL(`**/play/${pin}`);
	await expect(page.getByRole('heading', { name: 'Bạn đã vào phòng!' })).toBeVisible();
	return { context, page, nickname };
}

/** The questions of a game as snapshotted (main ones first, then reserve ones). */
export function gameQuestions(gameId: number): Question[] {
	const row = e2eDb().select().from(gameTable).where(eq(gameTable.id, gameId)).get();
	if (!row) throw new Error(`no game ${gameId}`);
	return row.questions as Question[];
}

/** The question a phone shows, found by its text among the game's questions. */
export async function questionOnPhone(page: Page, questions: Question[]): Promise<Question> {
	const text = (await page.locator('#q-text').textContent())?.trim();
	const question = questions.find((q) => q.text.trim() === text);
	if (!question) throw new Error(`question not found: ${text}`);
	return question;
}

/** Answer the open question on a phone, right or wrong, through the real controls. */
export async function answerOnPhone(
	page: Page,
	questions: Question[],
	right: boolean
): Promise<Question> {
	await expect(page.locator('#q-text')).toBeVisible();
	const q = await questionOnPhone(page, questions);
	const choices = page.locator('button.choice');
	const send = page.getByRole('button', { name: 'Gửi câu trả lời' });
	switch (q.type) {
		case 'single':
			await choices.nth(right ? q.correct : (q.correct + 1) % q.options.length).click();
			break;
		case 'truefalse':
			await choices.nth(q.correct === right ? 0 : 1).click();
			break;
		case 'multiple': {
			const wrong = q.options.findIndex((_, i) => !q.correct.includes(i));
			for (const i of right ? q.correct : [wrong]) await choices.nth(i).click();
			await send.click();
			break;
		}
		case 'typeanswer':
			await page.getByLabel('Câu trả lời của bạn').fill(right ? q.accepted[0] : 'không biết');
			await send.click();
			break;
		case 'numeric':
			await page
				.getByLabel('Nhập con số')
				.fill(String(right ? q.value : q.value + q.tolerance + 1000).replace('.', ','));
			await send.click();
			break;
		case 'ordering': {
			const texts = async () =>
				(await page.locator('ol.ordering .item').allTextContents()).map((t) => t.trim());
			if (right) {
				for (let target = 0; target < q.items.length; target++) {
					let at = (await texts()).indexOf(q.items[target]);
					while (at > target) {
						await page.getByRole('button', { name: `Đưa "${q.items[target]}" lên` }).click();
						at -= 1;
					}
				}
			} else if ((await texts()).every((t, i) => t === q.items[i])) {
				await page.getByRole('button', { name: `Đưa "${q.items[0]}" xuống` }).click();
			}
			await send.click();
			break;
		}
	}
	await expect(page.getByTestId('answer-sent')).toBeVisible();
	return q;
}

/** Press a host shortcut key (the screen shows them) with nothing focused. */
export async function hostKey(page: Page, key: string): Promise<void> {
	// The host screen ignores a shortcut while the previous command awaits its acknowledgement
	// (every control is disabled then), as a person double-pressing would see: wait as they would.
	const toolbar = page.locator('.controls[role="toolbar"]');
	if (await toolbar.isVisible())
		await expect(toolbar.locator('button:enabled').first()).toBeVisible();
	await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
	await page.keyboard.press(key);
}

export async function shot(page: Page, name: string): Promise<void> {
	await page.screenshot({ path: `${SCREENS}/${name}.png` });
}

/**
 * Waits until every animation that ends (the podium rising, bars growing, rows sliding in) has
 * ended, so a screenshot shows the settled screen; looping ones (confetti, a pulsing bell) are ignored.
 */
export async function animationsSettled(page: Page): Promise<void> {
	await page.waitForFunction(() =>
		document
			.getAnimations()
			.every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().endTime === Infinity)
	);
}
