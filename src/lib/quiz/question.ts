/**
 * The question model shared by banks, importers/exporters, the live engine and practice.
 * Pure data: no I/O, no framework imports. Stored as JSON in the database (`question.body`).
 */

export const QUESTION_TYPES = [
	'single',
	'multiple',
	'truefalse',
	'typeanswer',
	'numeric',
	'ordering'
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** 0 = no points, 1 = standard (1000), 2 = double (2000). */
export const POINTS_MULTIPLIERS = [0, 1, 2] as const;
export type PointsMultiplier = (typeof POINTS_MULTIPLIERS)[number];
export const BASE_POINTS = 1000;

export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

export const LIMITS = {
	textMax: 500,
	optionMax: 200,
	explanationMax: 2000,
	citationFieldMax: 200,
	tagMax: 60,
	tagsMax: 10,
	choiceMin: 2,
	choiceMax: 6,
	orderingMin: 3,
	orderingMax: 6,
	acceptedMax: 10,
	timeLimitMinSec: 5,
	timeLimitMaxSec: 240
} as const;

export const DEFAULT_TIME_LIMIT_SEC = 20;

/** A legal citation shown to players after the answer, e.g. Bộ luật Lao động 2019 (45/2019/QH14), Điều 105, khoản 1. */
export interface Citation {
	/** Name of the legal document, e.g. "Bộ luật Lao động 2019". */
	document: string;
	/** Official number, e.g. "45/2019/QH14". Optional. */
	number?: string;
	/** Article and clause, e.g. "Điều 105, khoản 1". Optional. */
	article?: string;
}

interface QuestionCommon {
	text: string;
	timeLimitSec: number;
	points: PointsMultiplier;
	explanation?: string;
	citation?: Citation;
	difficulty?: Difficulty;
	tags: string[];
	/** Path under UPLOAD_DIR served at /uploads/…, or undefined. */
	image?: string;
}

/** Single choice: exactly one correct option. */
export interface SingleChoiceQuestion extends QuestionCommon {
	type: 'single';
	options: string[];
	correct: number;
}

/** Multiple select: one or more correct options. */
export interface MultipleSelectQuestion extends QuestionCommon {
	type: 'multiple';
	options: string[];
	correct: number[];
}

export interface TrueFalseQuestion extends QuestionCommon {
	type: 'truefalse';
	correct: boolean;
}

export interface TypeAnswerQuestion extends QuestionCommon {
	type: 'typeanswer';
	accepted: string[];
	/** When true, "tam gio" matches "tám giờ". Case and spacing are always ignored. */
	ignoreDiacritics: boolean;
}

export interface NumericQuestion extends QuestionCommon {
	type: 'numeric';
	value: number;
	/** Absolute tolerance: answers within value ± tolerance are correct. */
	tolerance: number;
	unit?: string;
}

/** Ordering: `items` are stored in the correct order; players see them shuffled. */
export interface OrderingQuestion extends QuestionCommon {
	type: 'ordering';
	items: string[];
}

export type Question =
	| SingleChoiceQuestion
	| MultipleSelectQuestion
	| TrueFalseQuestion
	| TypeAnswerQuestion
	| NumericQuestion
	| OrderingQuestion;

/** What a player submits, per question type. */
export type AnswerValue =
	| { type: 'single'; choice: number }
	| { type: 'multiple'; choices: number[] }
	| { type: 'truefalse'; value: boolean }
	| { type: 'typeanswer'; text: string }
	| { type: 'numeric'; value: number }
	/**
	 * Stored and judged as indices into `items` (canonical order). Phones send the delivered ids
	 * instead (public-question.ts `orderingDelivery`); `answerFromPhone` maps them.
	 */
	| { type: 'ordering'; order: number[] };
