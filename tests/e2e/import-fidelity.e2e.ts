import fs from 'node:fs';
import { test, expect } from '@playwright/test';
import { login, makeUser, unique } from './helpers';

// Issue 12 in the browser, against the production build (so the import worker runs from the
// built server chunks): a Moodle GIFT file with one broken question and one that Moodle reads
// differently is previewed with each problem at its line, and the organizer imports the good
// questions; a Kahoot workbook imports through the same worker.

const SCREENS = 'test-results/screens';

const GIFT = [
	'::Ca đêm:: Ca làm việc ban đêm tính từ mấy giờ? {=22 giờ ~21 giờ ~23 giờ}',
	'',
	'::Hỏng:: Câu hỏi này quên đóng ngoặc {=Có ~Không',
	'',
	'::Hai đáp án:: Cơ quan nào có thể thành lập công đoàn cơ sở? {=Công đoàn cấp trên trực tiếp =Liên đoàn Lao động tỉnh ~Doanh nghiệp}',
	''
].join('\n');

test('a GIFT file with a broken question: problems by line, then the good questions are imported', async ({
	page
}) => {
	const { username } = await makeUser(unique('imp-'), 'organizer');
	await login(page, username);
	await page.goto('/org/banks/import');
	await page.getByLabel('Chọn tệp câu hỏi').setInputFiles({
		name: 'moodle-mau.gift',
		mimeType: 'text/plain',
		buffer: Buffer.from(GIFT, 'utf8')
	});
	await page.getByRole('button', { name: 'Xem trước' }).click();

	await expect(page.getByText('2 câu hợp lệ, 1 câu có lỗi.')).toBeVisible();
	const errors = page.getByTestId('import-errors');
	await expect(errors.getByRole('row').nth(1)).toContainText('3');
	await expect(errors).toContainText('Dòng 3:');
	const warnings = page.getByTestId('import-warnings');
	await expect(warnings).toContainText('Dòng 5:');
	await expect(warnings).toContainText('“Liên đoàn Lao động tỉnh”');
	// Each previewed question says where it came from, with its own warning beside it.
	const questions = page.getByTestId('import-question');
	await expect(questions.nth(0)).toContainText('Dòng 1 trong tệp');
	await expect(questions.nth(1)).toContainText('Dòng 5 trong tệp');
	await expect(questions.nth(1)).toContainText('“Liên đoàn Lao động tỉnh”');
	await page.screenshot({ path: `${SCREENS}/import-partial-1280.png`, fullPage: true });

	await expect(page.getByRole('button', { name: 'Nhập 2 câu hỏi' })).toBeDisabled();
	await page.getByRole('button', { name: 'Chỉ nhập các câu hợp lệ (2)' }).click();
	await expect(page.getByText('Đã nhập 2 câu hỏi.')).toBeVisible();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('moodle-mau');
});

test('a Kahoot workbook is read by the import worker of the built server', async ({ page }) => {
	const { username } = await makeUser(unique('impx-'), 'organizer');
	await login(page, username);
	await page.goto('/org/banks/import');
	await page.getByLabel('Chọn tệp câu hỏi').setInputFiles({
		name: 'kahoot-quiz.xlsx',
		mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		buffer: fs.readFileSync('tests/fixtures/import/kahoot-quiz.xlsx')
	});
	await page.getByRole('button', { name: 'Xem trước' }).click();
	await expect(page.getByText('3 câu hợp lệ, 2 câu có lỗi.')).toBeVisible();
	await expect(page.getByTestId('import-question').nth(0)).toContainText(
		'Thời giờ làm việc bình thường tối đa mỗi tuần?'
	);
	await page.getByRole('button', { name: 'Chỉ nhập các câu hợp lệ (3)' }).click();
	await expect(page.getByText('Đã nhập 3 câu hỏi.')).toBeVisible();
});

test('a new typed-answer question accepts answers without diacritics unless the organizer says otherwise', async ({
	page
}) => {
	const { username } = await makeUser(unique('impd-'), 'organizer');
	await login(page, username);
	await page.goto('/org/banks/new');
	await page.getByLabel('Tên bộ câu hỏi').fill(`Gõ không dấu ${unique('')}`);
	await page.getByRole('button', { name: 'Tạo bộ câu hỏi' }).click();
	await expect(page.getByText('Đã tạo bộ câu hỏi.')).toBeVisible();
	const bankUrl = new URL(page.url()).pathname;

	await page.goto(`${bankUrl}/questions/new`);
	await page.waitForLoadState('networkidle');
	await page.getByLabel('Loại câu hỏi').selectOption('typeanswer');
	const lenient = page.getByLabel(/Chấp nhận cả khi gõ không dấu/);
	await expect(lenient).toBeChecked();
	await expect(
		page.getByText(/nhiều điện thoại của người chơi chưa cài bàn phím tiếng Việt/)
	).toBeVisible();
	await expect(page.getByText(/Dấu \* thay cho một đoạn bất kỳ/)).toBeVisible();
	await page.screenshot({ path: `${SCREENS}/editor-typeanswer-1280.png`, fullPage: true });

	await page.getByLabel('Nội dung câu hỏi').fill('Ca làm việc ban đêm bắt đầu lúc mấy giờ?');
	await page.getByLabel('Các đáp án được chấp nhận (mỗi dòng một đáp án)').fill('Hai mươi hai giờ');
	await page.getByRole('button', { name: 'Lưu câu hỏi' }).click();
	await expect(page.getByText('Đã lưu câu hỏi.')).toBeVisible();
	await page.goto(bankUrl);
	await page.getByRole('link', { name: 'Sửa Câu 1' }).click();
	await expect(page.getByLabel(/Chấp nhận cả khi gõ không dấu/)).toBeChecked();
});
