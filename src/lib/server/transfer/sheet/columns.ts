/**
 * The spreadsheet vocabulary: column headers and cell labels of our template (Vietnamese and
 * English), Kahoot! and Wayground (Quizizz). These are a file format, not UI text: they stay in
 * code so that a wording change in the message catalogue can never break re-importing a file.
 */
import type { Difficulty, QuestionType } from '../../../quiz/question';
import { looseKey } from '../text';
import type { Locale } from '../types';

export const TEMPLATE_FIELDS = [
	'no',
	'type',
	'text',
	'optionA',
	'optionB',
	'optionC',
	'optionD',
	'optionE',
	'optionF',
	'correct',
	'tolerance',
	'unit',
	'ignoreDiacritics',
	'timeLimitSec',
	'points',
	'difficulty',
	'explanation',
	'document',
	'number',
	'article',
	'tags'
] as const;
export type TemplateField = (typeof TEMPLATE_FIELDS)[number];
export const OPTION_FIELDS = [
	'optionA',
	'optionB',
	'optionC',
	'optionD',
	'optionE',
	'optionF'
] as const;

/** Header written by the exporter, per locale. */
export const TEMPLATE_HEADERS: Record<Locale, Record<TemplateField, string>> = {
	vi: {
		no: 'STT',
		type: 'Loại câu hỏi',
		text: 'Câu hỏi',
		optionA: 'Phương án A',
		optionB: 'Phương án B',
		optionC: 'Phương án C',
		optionD: 'Phương án D',
		optionE: 'Phương án E',
		optionF: 'Phương án F',
		correct: 'Đáp án đúng',
		tolerance: 'Sai số',
		unit: 'Đơn vị',
		ignoreDiacritics: 'Bỏ qua dấu',
		timeLimitSec: 'Thời gian (giây)',
		points: 'Điểm',
		difficulty: 'Độ khó',
		explanation: 'Giải thích',
		document: 'Văn bản pháp luật',
		number: 'Số hiệu',
		article: 'Điều/khoản',
		tags: 'Thẻ'
	},
	en: {
		no: 'No.',
		type: 'Type',
		text: 'Question',
		optionA: 'Option A',
		optionB: 'Option B',
		optionC: 'Option C',
		optionD: 'Option D',
		optionE: 'Option E',
		optionF: 'Option F',
		correct: 'Correct answer',
		tolerance: 'Tolerance',
		unit: 'Unit',
		ignoreDiacritics: 'Ignore diacritics',
		timeLimitSec: 'Time (s)',
		points: 'Points',
		difficulty: 'Difficulty',
		explanation: 'Explanation',
		document: 'Legal document',
		number: 'Document number',
		article: 'Article',
		tags: 'Tags'
	}
};

/** Extra spellings organizers type by hand. Compared with `looseKey`. */
const TEMPLATE_ALIASES: Partial<Record<TemplateField, string[]>> = {
	no: ['#', 'số thứ tự', 'tt'],
	type: ['loại', 'dạng câu hỏi', 'question type'],
	text: ['nội dung câu hỏi', 'nội dung', 'question text'],
	correct: ['đáp án', 'answer', 'correct answers', 'correct'],
	timeLimitSec: [
		'thời gian',
		'thời gian (s)',
		'time',
		'time limit',
		'time limit (s)',
		'time (sec)'
	],
	points: ['hệ số điểm'],
	explanation: ['giải thích đáp án', 'answer explanation'],
	document: ['văn bản', 'căn cứ pháp lý', 'document'],
	number: ['số văn bản', 'number'],
	article: ['điều', 'điều khoản', 'article/clause'],
	tags: ['thẻ (tags)', 'chủ đề'],
	ignoreDiacritics: ['không phân biệt dấu'],
	tolerance: ['sai số cho phép'],
	// Kahoot-style and home-made sheets number or letter their answer columns.
	...optionAliases()
};

/** "Option 1", "Answer A", "Đáp án 2", "Phương án 3", "Lựa chọn D", "Choice 4", or a bare "A". */
function optionAliases(): Partial<Record<TemplateField, string[]>> {
	const words = ['option', 'answer', 'choice', 'đáp án', 'phương án', 'lựa chọn', 'câu trả lời'];
	const aliases: Partial<Record<TemplateField, string[]>> = {};
	OPTION_FIELDS.forEach((field, index) => {
		const letter = String.fromCharCode(65 + index);
		aliases[field] = [
			letter,
			...words.flatMap((word) => [`${word} ${index + 1}`, `${word} ${letter}`])
		];
	});
	return aliases;
}

const TEMPLATE_KEYS: Map<string, TemplateField> = (() => {
	const keys = new Map<string, TemplateField>();
	for (const field of TEMPLATE_FIELDS) {
		for (const locale of ['vi', 'en'] as const)
			keys.set(looseKey(TEMPLATE_HEADERS[locale][field]), field);
		for (const alias of TEMPLATE_ALIASES[field] ?? []) keys.set(looseKey(alias), field);
	}
	return keys;
})();

/** Same, for a header already passed through `looseKey`. */
export function templateFieldOfKey(key: string): TemplateField | undefined {
	return TEMPLATE_KEYS.get(key);
}

export const TYPE_LABELS: Record<Locale, Record<QuestionType, string>> = {
	vi: {
		single: 'Một đáp án',
		multiple: 'Nhiều đáp án',
		truefalse: 'Đúng/Sai',
		typeanswer: 'Nhập đáp án',
		numeric: 'Số',
		ordering: 'Sắp xếp'
	},
	en: {
		single: 'Single choice',
		multiple: 'Multiple select',
		truefalse: 'True/False',
		typeanswer: 'Type answer',
		numeric: 'Numeric',
		ordering: 'Ordering'
	}
};

const TYPE_ALIASES: Record<QuestionType, string[]> = {
	single: ['single', 'một lựa chọn', 'chọn một', 'trắc nghiệm', 'multiple choice', 'quiz'],
	multiple: ['multiple', 'nhiều lựa chọn', 'chọn nhiều', 'checkbox', 'multiple answers'],
	truefalse: ['truefalse', 'đúng sai', 'true false', 'đ/s'],
	typeanswer: ['typeanswer', 'điền đáp án', 'tự luận ngắn', 'short answer', 'fill in the blank'],
	numeric: ['numeric', 'số học', 'number', 'numerical'],
	ordering: ['ordering', 'sắp xếp thứ tự', 'order', 'puzzle']
};

const TYPE_KEYS: Map<string, QuestionType> = (() => {
	const keys = new Map<string, QuestionType>();
	for (const [type, aliases] of Object.entries(TYPE_ALIASES) as [QuestionType, string[]][]) {
		for (const label of [TYPE_LABELS.vi[type], TYPE_LABELS.en[type], ...aliases])
			keys.set(looseKey(label), type);
	}
	return keys;
})();

export function questionTypeOf(label: string): QuestionType | undefined {
	return TYPE_KEYS.get(looseKey(label));
}

export const TRUE_FALSE_LABELS: Record<Locale, { true: string; false: string }> = {
	vi: { true: 'Đúng', false: 'Sai' },
	en: { true: 'True', false: 'False' }
};
const TRUE_KEYS = new Set(['dung', 'true', 't', 'd', 'yes', 'co', 'x', '1', 'ok']);
const FALSE_KEYS = new Set(['sai', 'false', 'f', 's', 'no', 'khong', '0']);

/** "Đúng"/"Sai", "True"/"False", "Có"/"Không", 1/0 … → boolean; anything else → undefined. */
export function booleanOf(label: string): boolean | undefined {
	const key = looseKey(label);
	if (TRUE_KEYS.has(key)) return true;
	if (FALSE_KEYS.has(key)) return false;
	return undefined;
}

export const YES_NO_LABELS: Record<Locale, { yes: string; no: string }> = {
	vi: { yes: 'Có', no: 'Không' },
	en: { yes: 'Yes', no: 'No' }
};

export const DIFFICULTY_LABELS: Record<Locale, Record<Difficulty, string>> = {
	vi: { easy: 'Dễ', medium: 'Trung bình', hard: 'Khó' },
	en: { easy: 'Easy', medium: 'Medium', hard: 'Hard' }
};

const DIFFICULTY_KEYS: Map<string, Difficulty> = (() => {
	const keys = new Map<string, Difficulty>();
	for (const locale of ['vi', 'en'] as const)
		for (const [difficulty, label] of Object.entries(DIFFICULTY_LABELS[locale]))
			keys.set(looseKey(label), difficulty as Difficulty);
	keys.set('tb', 'medium');
	keys.set('1', 'easy');
	keys.set('2', 'medium');
	keys.set('3', 'hard');
	return keys;
})();

export function difficultyOf(label: string): Difficulty | undefined {
	return DIFFICULTY_KEYS.get(looseKey(label));
}

/** Sheet names our exporter writes; the info sheet is recognised by name on import. */
export const SHEET_NAMES: Record<Locale, { questions: string; guide: string; info: string }> = {
	vi: { questions: 'Câu hỏi', guide: 'Hướng dẫn', info: 'Thông tin' },
	en: { questions: 'Questions', guide: 'Guide', info: 'Bank' }
};

export const INFO_LABELS: Record<Locale, { title: string; description: string; tags: string }> = {
	vi: { title: 'Tên bộ câu hỏi', description: 'Mô tả', tags: 'Thẻ' },
	en: { title: 'Title', description: 'Description', tags: 'Tags' }
};

/** Kahoot! quiz template columns, matched on the start of the header text. */
export const KAHOOT_PREFIXES = {
	text: 'question',
	answer1: 'answer1',
	answer2: 'answer2',
	answer3: 'answer3',
	answer4: 'answer4',
	timeLimitSec: 'timelimit',
	correct: 'correctanswer'
} as const;
export type KahootField = keyof typeof KAHOOT_PREFIXES;

/** Wayground (formerly Quizizz) spreadsheet template columns. */
export const WAYGROUND_HEADERS = {
	text: 'questiontext',
	type: 'questiontype',
	option1: 'option1',
	option2: 'option2',
	option3: 'option3',
	option4: 'option4',
	option5: 'option5',
	correct: 'correctanswer',
	timeLimitSec: 'timeinseconds',
	image: 'imagelink',
	explanation: 'answerexplanation'
} as const;
export type WaygroundField = keyof typeof WAYGROUND_HEADERS;
