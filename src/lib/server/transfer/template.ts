/** The downloadable, empty-but-for-examples question template (one example row per type). */
import type { Question } from '../../quiz/question';
import { writeCsv, writeXlsx } from './sheet/write';
import type { CsvSeparator } from './csv';
import type { ExportedFile, Locale, TemplateFormat } from './types';
import { CONTENT_TYPES } from './export';

const LABOUR_CODE = { document: 'Bộ luật Lao động 2019', number: '45/2019/QH14' };

/** Example rows: real facts, so importing the untouched template gives sensible questions. */
export function templateExamples(locale: Locale): Question[] {
	const vi = locale === 'vi';
	return [
		{
			type: 'single',
			text: vi
				? 'Thời giờ làm việc bình thường không quá bao nhiêu giờ trong 01 ngày?'
				: 'Normal working hours may not exceed how many hours a day?',
			options: vi
				? ['6 giờ', '8 giờ', '10 giờ', '12 giờ']
				: ['6 hours', '8 hours', '10 hours', '12 hours'],
			correct: 1,
			timeLimitSec: 20,
			points: 1,
			difficulty: 'easy',
			explanation: vi
				? 'Thời giờ làm việc bình thường không quá 08 giờ trong 01 ngày và không quá 48 giờ trong 01 tuần.'
				: 'Normal working hours are at most 8 hours a day and 48 hours a week.',
			citation: { ...LABOUR_CODE, article: 'Điều 105' },
			tags: ['Bộ luật Lao động']
		},
		{
			type: 'multiple',
			text: vi
				? 'Những ngày nào sau đây là ngày nghỉ lễ, tết được hưởng nguyên lương?'
				: 'Which of these days are paid public holidays?',
			options: vi
				? [
						'Tết Dương lịch (01/01)',
						'Ngày Chiến thắng (30/4)',
						'Ngày Quốc tế lao động (01/5)',
						'Ngày Nhà giáo Việt Nam (20/11)'
					]
				: [
						'New Year (1 Jan)',
						'Victory Day (30 Apr)',
						'International Labour Day (1 May)',
						"Teachers' Day (20 Nov)"
					],
			correct: [0, 1, 2],
			timeLimitSec: 30,
			points: 1,
			difficulty: 'medium',
			explanation: vi
				? 'Người lao động được nghỉ 11 ngày lễ, tết hưởng nguyên lương; 20/11 không nằm trong số đó.'
				: 'Workers get 11 paid public-holiday days; 20 November is not one of them.',
			citation: { ...LABOUR_CODE, article: 'Điều 112' },
			tags: ['Bộ luật Lao động']
		},
		{
			type: 'truefalse',
			text: vi
				? 'Làm thêm giờ vào ngày nghỉ lễ, tết được trả lương ít nhất bằng 300%, chưa kể tiền lương ngày lễ.'
				: 'Overtime on a public holiday is paid at least 300%, on top of the holiday pay itself.',
			correct: true,
			timeLimitSec: 15,
			points: 1,
			difficulty: 'medium',
			citation: { ...LABOUR_CODE, article: 'Điều 98' },
			tags: ['Bộ luật Lao động']
		},
		{
			type: 'typeanswer',
			text: vi
				? 'Tháng nào hằng năm là Tháng Công nhân?'
				: 'Which month is Workers’ Month every year?',
			accepted: vi ? ['Tháng 5', 'Tháng năm', '5'] : ['May', '5'],
			ignoreDiacritics: true,
			timeLimitSec: 20,
			points: 1,
			difficulty: 'easy',
			tags: ['Công đoàn']
		},
		{
			type: 'numeric',
			text: vi
				? 'Người làm công việc trong điều kiện bình thường được nghỉ hằng năm bao nhiêu ngày làm việc?'
				: 'How many working days of annual leave does a worker in normal conditions get?',
			value: 12,
			tolerance: 0,
			unit: vi ? 'ngày' : 'days',
			timeLimitSec: 20,
			points: 2,
			difficulty: 'medium',
			citation: { ...LABOUR_CODE, article: 'Điều 113' },
			tags: ['Bộ luật Lao động']
		},
		{
			type: 'ordering',
			text: vi
				? 'Sắp xếp thời gian thử việc tối đa từ dài nhất đến ngắn nhất.'
				: 'Order the maximum probation periods from longest to shortest.',
			items: vi
				? [
						'Người quản lý doanh nghiệp',
						'Trình độ cao đẳng trở lên',
						'Trình độ trung cấp, công nhân kỹ thuật',
						'Công việc khác'
					]
				: [
						'Enterprise managers',
						'College degree or higher',
						'Intermediate level, technical workers',
						'Other jobs'
					],
			timeLimitSec: 30,
			points: 1,
			difficulty: 'hard',
			explanation: vi
				? 'Tối đa 180 ngày, 60 ngày, 30 ngày và 06 ngày làm việc.'
				: 'At most 180 days, 60 days, 30 days and 6 working days.',
			citation: { ...LABOUR_CODE, article: 'Điều 25' },
			tags: ['Bộ luật Lao động']
		}
	];
}

/** The empty template organizers download, with one example row per question type. */
export async function buildTemplate(
	format: TemplateFormat,
	options: { locale?: Locale; separator?: CsvSeparator } = {}
): Promise<ExportedFile> {
	const locale = options.locale ?? 'vi';
	const questions = templateExamples(locale);
	const base = locale === 'vi' ? 'mau-cau-hoi-chuong-vang' : 'chuong-vang-question-template';
	if (format === 'csv')
		return {
			bytes: writeCsv(questions, locale, options.separator),
			filename: `${base}.csv`,
			contentType: CONTENT_TYPES.csv
		};
	return {
		bytes: await writeXlsx({ questions, locale, meta: { title: '' } }),
		filename: `${base}.xlsx`,
		contentType: CONTENT_TYPES.xlsx
	};
}
