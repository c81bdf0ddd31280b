import fs from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import { login, makeUser, phoneContext, unique } from './helpers';

// An organizer builds a bank with one question of each type, reorders it, previews it, imports a
// file with errors, reads them, fixes the file, imports it, and exports the bank.
// Screenshots go to test-results/screens/ (bank list, editor, import preview; desktop and phone).

const SCREENS = 'test-results/screens';

/** The smallest valid PNG (1×1). */
const PNG = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
	'base64'
);

const HEADER =
	'STT,Loại câu hỏi,Câu hỏi,Phương án A,Phương án B,Phương án C,Phương án D,Đáp án đúng,Sai số,Đơn vị,Bỏ qua dấu,Thời gian (giây),Điểm,Độ khó,Giải thích,Văn bản pháp luật,Số hiệu,Điều/khoản,Thẻ';
function csv(correctOfRow3: string): Buffer {
	return Buffer.from(
		[
			HEADER,
			'1,Một đáp án,Người lao động được nghỉ bao nhiêu ngày lễ tết hưởng nguyên lương?,10 ngày,11 ngày,12 ngày,,B,,,,20,1,Dễ,,Bộ luật Lao động 2019,45/2019/QH14,Điều 112,Bộ luật Lao động',
			`2,Một đáp án,Làm thêm giờ ngày thường được trả ít nhất bao nhiêu phần trăm?,100%,150%,200%,,${correctOfRow3},,,,20,1,Trung bình,,Bộ luật Lao động 2019,45/2019/QH14,Điều 98,Bộ luật Lao động`,
			'3,Đúng/Sai,Lao động nữ được nghỉ thai sản 06 tháng.,,,,,Đúng,,,,15,1,Dễ,,Bộ luật Lao động 2019,45/2019/QH14,Điều 139,Bộ luật Lao động',
			''
		].join('\r\n'),
		'utf8'
	);
}

async function openNewQuestion(page: Page, bankUrl: string) {
	if (!page.url().includes('/questions/new')) {
		await page.goto(`${bankUrl}/questions/new`);
	}
	await expect(page.getByRole('heading', { name: 'Câu hỏi mới' })).toBeVisible();
	await page.waitForLoadState('networkidle');
}

async function saveAndNext(page: Page) {
	await page.getByRole('button', { name: 'Lưu và thêm câu mới' }).click();
	await expect(page.getByText('Đã lưu câu hỏi.')).toBeVisible();
	await page.waitForLoadState('networkidle');
}

test('an organizer builds, reorders, previews, imports and exports a question bank', async ({
	page,
	browser
}) => {
	test.setTimeout(180_000);
	fs.mkdirSync(SCREENS, { recursive: true });
	const { username } = await makeUser(unique('bank-'), 'organizer');
	await login(page, username);

	// The header link and the dashboard tile lead to the banks.
	await expect(page.getByRole('link', { name: 'Bộ câu hỏi', exact: true }).first()).toBeVisible();
	await page.getByRole('link', { name: 'Bộ câu hỏi', exact: true }).first().click();
	await expect(page.getByRole('heading', { name: 'Bộ câu hỏi', level: 1 })).toBeVisible();

	// Create a bank (an empty title is refused in Vietnamese first).
	await page.getByRole('link', { name: 'Tạo bộ câu hỏi' }).click();
	await page.getByRole('button', { name: 'Tạo bộ câu hỏi' }).click();
	await expect(page.getByText('Hãy nhập tên bộ câu hỏi (tối đa 200 ký tự).')).toBeVisible();
	const title = `Luật Lao động ${unique('')}`;
	await page.getByLabel('Tên bộ câu hỏi').fill(title);
	await page.getByLabel('Chủ đề (cách nhau bởi dấu phẩy)').fill('Bộ luật Lao động');
	await page.getByRole('button', { name: 'Tạo bộ câu hỏi' }).click();
	await expect(page.getByRole('heading', { name: title })).toBeVisible();
	await expect(page.getByText('Đã tạo bộ câu hỏi.')).toBeVisible();
	const bankUrl = new URL(page.url()).pathname;

	// 1. Single choice: first without a correct answer (refused, values kept), then fixed.
	await openNewQuestion(page, bankUrl);
	await page.getByLabel('Nội dung câu hỏi').fill('Thời giờ làm việc bình thường tối đa một ngày?');
	for (const [label, text] of [
		['A', '6 giờ'],
		['B', '8 giờ'],
		['C', '10 giờ'],
		['D', '12 giờ']
	])
		await page.getByLabel(`Phương án ${label}`, { exact: true }).fill(text);
	await page.getByLabel('Văn bản').fill('Bộ luật Lao động 2019');
	await page.getByLabel('Số hiệu').fill('45/2019/QH14');
	await page.getByLabel('Điều, khoản').fill('Điều 105, khoản 1');
	await page.getByRole('button', { name: 'Lưu câu hỏi' }).click();
	await expect(page.getByText('Chưa có đáp án đúng')).toBeVisible();
	await expect(page.getByLabel('Phương án D', { exact: true })).toHaveValue('12 giờ');
	await page.waitForLoadState('networkidle');
	await page.getByLabel('Phương án B là đáp án đúng').check();
	// A file that only claims to be a PNG is refused by its content.
	await page
		.getByLabel('Hình ảnh')
		.setInputFiles({ name: 'anh.png', mimeType: 'image/png', buffer: Buffer.from('<svg/>') });
	await page.getByRole('button', { name: 'Lưu và thêm câu mới' }).click();
	await expect(page.getByText(/Ảnh phải là tệp PNG, JPG hoặc WebP thật/)).toBeVisible();
	await page.waitForLoadState('networkidle');
	await page
		.getByLabel('Hình ảnh')
		.setInputFiles({ name: 'anh.png', mimeType: 'image/png', buffer: PNG });
	await expect(page.getByTestId('host-preview')).toContainText('8 giờ');
	await page.screenshot({ path: `${SCREENS}/bank-editor-1280.png`, fullPage: true });
	await saveAndNext(page);

	// 2. Multiple select.
	await page.getByLabel('Loại câu hỏi').selectOption('multiple');
	await page
		.getByLabel('Nội dung câu hỏi')
		.fill('Những mức lương làm thêm giờ tối thiểu nào đúng?');
	for (const [label, text] of [
		['A', 'Ngày thường: 150%'],
		['B', 'Ngày nghỉ hằng tuần: 200%'],
		['C', 'Ngày lễ, tết: 300%'],
		['D', 'Ngày thường: 120%']
	])
		await page.getByLabel(`Phương án ${label}`, { exact: true }).fill(text);
	for (const label of ['A', 'B', 'C'])
		await page.getByLabel(`Phương án ${label} là đáp án đúng`).check();
	await page.getByLabel('Điểm').selectOption('2');
	await saveAndNext(page);

	// 3. True/false.
	await page.getByLabel('Loại câu hỏi').selectOption('truefalse');
	await page.getByLabel('Nội dung câu hỏi').fill('Lao động nữ được nghỉ thai sản 06 tháng.');
	await page.getByRole('radio', { name: 'Đúng', exact: true }).check();
	await saveAndNext(page);

	// 4. Type answer, accent-insensitive.
	await page.getByLabel('Loại câu hỏi').selectOption('typeanswer');
	await page.getByLabel('Nội dung câu hỏi').fill('Tháng nào là Tháng Công nhân?');
	await page
		.getByLabel('Các đáp án được chấp nhận (mỗi dòng một đáp án)')
		.fill('Tháng năm\nTháng 5');
	await page.getByLabel(/Chấp nhận cả khi gõ không dấu/).check();
	await saveAndNext(page);

	// 5. Numeric with tolerance and unit.
	await page.getByLabel('Loại câu hỏi').selectOption('numeric');
	await page.getByLabel('Nội dung câu hỏi').fill('Giới hạn giờ làm thêm trong một tháng?');
	await page.getByLabel('Đáp án (số)').fill('40');
	await page.getByLabel('Sai số cho phép (±)').fill('0');
	await page.getByLabel('Đơn vị').fill('giờ');
	await saveAndNext(page);

	// 6. Ordering.
	await page.getByLabel('Loại câu hỏi').selectOption('ordering');
	await page
		.getByLabel('Nội dung câu hỏi')
		.fill('Xếp thời gian báo trước khi nghỉ việc, dài nhất trước.');
	await page.getByLabel('Mục 1', { exact: true }).fill('Hợp đồng không xác định thời hạn: 45 ngày');
	await page.getByLabel('Mục 2', { exact: true }).fill('Hợp đồng 12–36 tháng: 30 ngày');
	await page.getByLabel('Mục 3', { exact: true }).fill('Hợp đồng dưới 12 tháng: 3 ngày làm việc');
	await expect(page.getByTestId('phone-preview')).toContainText('45 ngày');
	await page.getByRole('button', { name: 'Lưu câu hỏi' }).click();

	// The bank lists the six questions in order.
	await expect(page.getByText('Đã lưu câu hỏi.')).toBeVisible();
	const list = page.getByTestId('question-list');
	await expect(list.locator(':scope > li')).toHaveCount(6);
	await expect(list.locator(':scope > li').first()).toContainText('Thời giờ làm việc');

	// Reorder by keyboard: the handle moves with arrow keys and the move is announced.
	await page.waitForLoadState('networkidle');
	await page.getByRole('button', { name: /^Sắp xếp câu 1:/ }).focus();
	await page.keyboard.press('ArrowDown');
	await expect(page.getByRole('status').filter({ hasText: 'tới vị trí 2 trên 6' })).toBeAttached();
	await expect(list.locator(':scope > li').nth(1)).toContainText('Thời giờ làm việc');
	await expect(page.getByRole('button', { name: /^Sắp xếp câu 2:/ })).toBeFocused();
	// …and by drag and drop (the last question onto the fifth)…
	await page
		.getByRole('button', { name: /^Sắp xếp câu 6:/ })
		.dragTo(list.locator(':scope > li').nth(4));
	await expect(list.locator(':scope > li').nth(4)).toContainText('Xếp thời gian báo trước');
	// …and by the ▲ button; the order survives a reload.
	await page.getByRole('button', { name: 'Chuyển câu 5 lên' }).click();
	await expect(list.locator(':scope > li').nth(3)).toContainText('Xếp thời gian báo trước');
	await page.waitForLoadState('networkidle');
	await page.reload();
	await expect(list.locator(':scope > li').nth(3)).toContainText('Xếp thời gian báo trước');
	await expect(list.locator(':scope > li').nth(1)).toContainText('Thời giờ làm việc');

	// Preview as the host screen and the phone show it.
	await page.getByRole('button', { name: 'Xem trước Câu 2' }).click();
	const dialog = page.getByRole('dialog');
	await expect(dialog.getByTestId('host-preview')).toContainText('8 giờ');
	await expect(dialog.getByTestId('host-preview').locator('img')).toBeVisible();
	await expect(dialog.getByTestId('phone-preview')).toContainText('12 giờ');
	await page.screenshot({ path: `${SCREENS}/bank-preview-1280.png` });
	await dialog.getByRole('button', { name: 'Đóng' }).click();

	// Import a file with errors: the preview lists them by line, field and reason; nothing saved.
	await page.getByRole('link', { name: 'Nhập từ tệp' }).click();
	await page.getByLabel('Chọn tệp câu hỏi').setInputFiles({
		name: 'cau-hoi.csv',
		mimeType: 'text/csv',
		buffer: csv('D')
	});
	await page.getByRole('button', { name: 'Xem trước' }).click();
	const errors = page.getByTestId('import-errors');
	await expect(errors).toContainText("Dòng 3: đáp án đúng 'D' trỏ tới phương án trống");
	await expect(errors.getByRole('row').nth(1)).toContainText('3');
	await expect(errors.getByRole('row').nth(1)).toContainText('Đáp án đúng');
	await expect(page.getByText('2 câu hợp lệ, 1 câu có lỗi.')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Nhập 2 câu hỏi' })).toBeDisabled();
	await expect(page.getByRole('button', { name: 'Chỉ nhập các câu hợp lệ (2)' })).toBeVisible();
	await page.screenshot({ path: `${SCREENS}/bank-import-preview-1280.png`, fullPage: true });
	const importUrl = new URL(page.url());

	// Fix the file and import it.
	await page.getByRole('link', { name: 'Chọn tệp khác' }).click();
	await page.getByLabel('Chọn tệp câu hỏi').setInputFiles({
		name: 'cau-hoi.csv',
		mimeType: 'text/csv',
		buffer: csv('B')
	});
	await page.getByRole('button', { name: 'Xem trước' }).click();
	await expect(page.getByText('3 câu hợp lệ, 0 câu có lỗi.')).toBeVisible();
	await expect(page.getByTestId('import-errors')).toHaveCount(0);
	await page.getByRole('button', { name: 'Nhập 3 câu hỏi' }).click();
	await expect(page.getByText('Đã nhập 3 câu hỏi.')).toBeVisible();
	await expect(list.locator(':scope > li')).toHaveCount(9);

	// The preview of the first (never imported) upload is still refused for "all".
	await page.goto(importUrl.pathname + importUrl.search);
	await expect(page.getByRole('button', { name: 'Nhập 2 câu hỏi' })).toBeDisabled();

	// Export: JSON holds all nine questions; xlsx, csv and GIFT download with their names.
	await page.goto(bankUrl);
	const [json] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'Tải JSON' }).click()
	]);
	const exported = JSON.parse(fs.readFileSync((await json.path())!, 'utf8'));
	expect(exported.questions).toHaveLength(9);
	expect(new Set(exported.questions.map((q: { type: string }) => q.type)).size).toBe(6);
	for (const [label, suffix] of [
		['Tải Excel (.xlsx)', '.xlsx'],
		['Tải CSV', '.csv'],
		['Tải GIFT (Moodle)', '-gift.txt']
	]) {
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			// CSV is a small form: the separator (";" for Vietnamese Excel) and a button.
			page.getByRole(suffix === '.csv' ? 'button' : 'link', { name: label }).click()
		]);
		expect(download.suggestedFilename()).toMatch(new RegExp(`${suffix.replace('.', '\\.')}$`));
	}

	// Accent-insensitive search from the bank list finds the question.
	await page.goto('/org/banks?q=thai+san');
	await expect(
		page.getByRole('link', { name: 'Lao động nữ được nghỉ thai sản 06 tháng.' }).first()
	).toBeVisible();
	await page.goto('/org/banks');
	await expect(page.getByRole('link', { name: title })).toBeVisible();
	await page.screenshot({ path: `${SCREENS}/bank-list-1280.png`, fullPage: true });

	// The same pages on a 360 px phone: nothing overflows sideways.
	const phone = await phoneContext(browser);
	const p = await phone.newPage();
	await login(p, username);
	const shots: Array<[string, string]> = [
		['/org/banks', 'bank-list-360'],
		[`${bankUrl}`, 'bank-detail-360'],
		[`${bankUrl}/questions/new`, 'bank-editor-360'],
		[importUrl.pathname + importUrl.search, 'bank-import-preview-360']
	];
	for (const [path, name] of shots) {
		await p.goto(path);
		await p.waitForLoadState('networkidle');
		const overflow = await p.evaluate(
			() => document.documentElement.scrollWidth - window.innerWidth
		);
		expect(overflow, `${path} overflows at 360 px`).toBeLessThanOrEqual(0);
		await p.screenshot({ path: `${SCREENS}/${name}.png`, fullPage: true });
	}
	await phone.close();
});

test('a new bank can be created straight from a file', async ({ page }) => {
	const { username } = await makeUser(unique('bankf-'), 'organizer');
	await login(page, username);
	await page.goto('/org/banks/import');
	await page.getByLabel('Chọn tệp câu hỏi').setInputFiles({
		name: 'de-thi-thu.gift',
		mimeType: 'text/plain',
		buffer: Buffer.from('::A:: Ngày Quốc tế lao động là ngày nào? {=01/5 ~02/9 ~30/4}\n')
	});
	await page.getByRole('button', { name: 'Xem trước' }).click();
	await expect(page.getByText('1 câu hợp lệ, 0 câu có lỗi.')).toBeVisible();
	await page.getByRole('button', { name: 'Nhập 1 câu hỏi' }).click();
	await expect(page.getByText('Đã nhập 1 câu hỏi.')).toBeVisible();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('de-thi-thu');

	// A file over 5 MB gets a clear message, in the browser and from the server.
	await page.goto('/org/banks/import');
	await page.waitForLoadState('networkidle');
	await page.getByLabel('Chọn tệp câu hỏi').setInputFiles({
		name: 'lon.csv',
		mimeType: 'text/csv',
		buffer: Buffer.alloc(5 * 1024 * 1024 + 10, 'a')
	});
	await expect(page.getByText('Tệp nặng 5.0 MB, vượt giới hạn 5 MB.')).toBeVisible();
});
