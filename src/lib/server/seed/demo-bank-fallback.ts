/**
 * A small demo bank used until the full one (`demo-bank.ts`, 40+ questions) lands.
 * Only facts of the Labour Code 2019 (45/2019/QH14) that are certain.
 */
import type { Question } from '../../quiz/question';

const BLLD = { document: 'Bộ luật Lao động 2019', number: '45/2019/QH14' };
const TAGS = ['Bộ luật Lao động'];

const questions: Question[] = [
	{
		type: 'single',
		text: 'Thời giờ làm việc bình thường không quá bao nhiêu giờ trong một ngày?',
		options: ['6 giờ', '8 giờ', '10 giờ', '12 giờ'],
		correct: 1,
		timeLimitSec: 20,
		points: 1,
		explanation:
			'Thời giờ làm việc bình thường không quá 08 giờ trong 01 ngày và không quá 48 giờ trong 01 tuần.',
		citation: { ...BLLD, article: 'Điều 105, khoản 1' },
		difficulty: 'easy',
		tags: TAGS
	},
	{
		type: 'numeric',
		text: 'Thời giờ làm việc bình thường không quá bao nhiêu giờ trong một tuần?',
		value: 48,
		tolerance: 0,
		unit: 'giờ',
		timeLimitSec: 20,
		points: 1,
		citation: { ...BLLD, article: 'Điều 105, khoản 1' },
		difficulty: 'easy',
		tags: TAGS
	},
	{
		type: 'single',
		text: 'Số giờ làm thêm của người lao động không quá bao nhiêu giờ trong một tháng?',
		options: ['30 giờ', '40 giờ', '50 giờ', '60 giờ'],
		correct: 1,
		timeLimitSec: 20,
		points: 1,
		citation: { ...BLLD, article: 'Điều 107, khoản 2' },
		difficulty: 'medium',
		tags: TAGS
	},
	{
		type: 'numeric',
		text: 'Theo quy định chung, số giờ làm thêm không quá bao nhiêu giờ trong một năm?',
		value: 200,
		tolerance: 0,
		unit: 'giờ',
		timeLimitSec: 20,
		points: 1,
		explanation:
			'Không quá 200 giờ trong 01 năm, trừ một số ngành, nghề được làm thêm không quá 300 giờ.',
		citation: { ...BLLD, article: 'Điều 107, khoản 2' },
		difficulty: 'medium',
		tags: TAGS
	},
	{
		type: 'numeric',
		text: 'Người lao động được nghỉ làm việc, hưởng nguyên lương bao nhiêu ngày lễ, tết trong một năm?',
		value: 11,
		tolerance: 0,
		unit: 'ngày',
		timeLimitSec: 20,
		points: 1,
		citation: { ...BLLD, article: 'Điều 112' },
		difficulty: 'easy',
		tags: TAGS
	},
	{
		type: 'single',
		text: 'Người làm công việc trong điều kiện bình thường, đủ 12 tháng làm việc, được nghỉ hằng năm bao nhiêu ngày?',
		options: ['10 ngày', '12 ngày', '14 ngày', '16 ngày'],
		correct: 1,
		timeLimitSec: 20,
		points: 1,
		citation: { ...BLLD, article: 'Điều 113, khoản 1' },
		difficulty: 'easy',
		tags: TAGS
	},
	{
		type: 'ordering',
		text: 'Sắp xếp thời gian thử việc tối đa theo Bộ luật Lao động, từ dài nhất đến ngắn nhất.',
		items: [
			'Người quản lý doanh nghiệp: 180 ngày',
			'Trình độ cao đẳng trở lên: 60 ngày',
			'Trình độ trung cấp, công nhân kỹ thuật: 30 ngày',
			'Công việc khác: 6 ngày làm việc'
		],
		timeLimitSec: 30,
		points: 1,
		citation: { ...BLLD, article: 'Điều 25' },
		difficulty: 'hard',
		tags: TAGS
	},
	{
		type: 'typeanswer',
		text: 'Tiền lương thử việc ít nhất bằng bao nhiêu phần trăm mức lương của công việc đó? (chỉ ghi số)',
		accepted: ['85', '85%'],
		ignoreDiacritics: true,
		timeLimitSec: 20,
		points: 1,
		citation: { ...BLLD, article: 'Điều 26' },
		difficulty: 'medium',
		tags: TAGS
	},
	{
		type: 'single',
		text: 'Người lao động làm việc theo hợp đồng không xác định thời hạn đơn phương chấm dứt hợp đồng phải báo trước ít nhất bao nhiêu ngày?',
		options: ['3 ngày', '30 ngày', '45 ngày', '60 ngày'],
		correct: 2,
		timeLimitSec: 20,
		points: 1,
		citation: { ...BLLD, article: 'Điều 35, khoản 1' },
		difficulty: 'medium',
		tags: TAGS
	},
	{
		type: 'multiple',
		text: 'Những mức tiền lương làm thêm giờ tối thiểu nào dưới đây là đúng?',
		options: [
			'Vào ngày thường: ít nhất 150%',
			'Vào ngày nghỉ hằng tuần: ít nhất 200%',
			'Vào ngày lễ, tết: ít nhất 300% (chưa kể lương ngày lễ)',
			'Vào ngày thường: ít nhất 120%'
		],
		correct: [0, 1, 2],
		timeLimitSec: 30,
		points: 2,
		citation: { ...BLLD, article: 'Điều 98, khoản 1' },
		difficulty: 'hard',
		tags: TAGS
	},
	{
		type: 'truefalse',
		text: 'Lao động nữ được nghỉ thai sản trước và sau khi sinh con là 06 tháng.',
		correct: true,
		timeLimitSec: 15,
		points: 1,
		citation: { ...BLLD, article: 'Điều 139, khoản 1' },
		difficulty: 'easy',
		tags: TAGS
	}
];

export const DEMO_BANK = {
	title: 'Demo – Pháp luật lao động',
	description: 'Bộ câu hỏi mẫu về pháp luật lao động, có trích dẫn điều luật.',
	tags: TAGS,
	questions
};
