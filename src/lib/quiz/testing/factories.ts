/** Question fixtures for the engine's specs: small builders with sensible defaults. */
import type {
	MultipleSelectQuestion,
	NumericQuestion,
	OrderingQuestion,
	SingleChoiceQuestion,
	TrueFalseQuestion,
	TypeAnswerQuestion
} from '../question';

const common = { timeLimitSec: 20, points: 1 as const, tags: [] as string[] };

export function singleQuestion(
	overrides: Partial<SingleChoiceQuestion> = {}
): SingleChoiceQuestion {
	return {
		...common,
		type: 'single',
		text: 'Thời giờ làm việc bình thường không quá bao nhiêu giờ trong 01 ngày?',
		options: ['6 giờ', '8 giờ', '10 giờ', '12 giờ'],
		correct: 1,
		explanation: 'Không quá 08 giờ trong 01 ngày và không quá 48 giờ trong 01 tuần.',
		citation: { document: 'Bộ luật Lao động 2019', number: '45/2019/QH14', article: 'Điều 105' },
		...overrides
	};
}

export function multipleQuestion(
	overrides: Partial<MultipleSelectQuestion> = {}
): MultipleSelectQuestion {
	return {
		...common,
		type: 'multiple',
		text: 'Những ngày nào là ngày nghỉ lễ hưởng nguyên lương?',
		options: ['1/1', '30/4', '14/2', '1/5', '8/3'],
		correct: [0, 1, 3],
		...overrides
	};
}

export function trueFalseQuestion(overrides: Partial<TrueFalseQuestion> = {}): TrueFalseQuestion {
	return {
		...common,
		type: 'truefalse',
		text: 'Giờ làm việc ban đêm tính từ 22 giờ đến 06 giờ sáng ngày hôm sau.',
		correct: true,
		...overrides
	};
}

export function typeAnswerQuestion(
	overrides: Partial<TypeAnswerQuestion> = {}
): TypeAnswerQuestion {
	return {
		...common,
		type: 'typeanswer',
		text: 'Công đoàn Việt Nam được thành lập vào ngày tháng năm nào?',
		accepted: ['28/7/1929', 'ngày 28 tháng 7 năm 1929'],
		ignoreDiacritics: true,
		...overrides
	};
}

export function numericQuestion(overrides: Partial<NumericQuestion> = {}): NumericQuestion {
	return {
		...common,
		type: 'numeric',
		text: 'Số giờ làm thêm tối đa trong 01 tháng?',
		value: 40,
		tolerance: 0,
		unit: 'giờ',
		...overrides
	};
}

export function orderingQuestion(overrides: Partial<OrderingQuestion> = {}): OrderingQuestion {
	return {
		...common,
		type: 'ordering',
		text: 'Sắp xếp thời gian thử việc tối đa từ dài đến ngắn.',
		items: ['180 ngày', '60 ngày', '30 ngày', '6 ngày làm việc'],
		...overrides
	};
}
