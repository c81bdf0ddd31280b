import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import type { Difficulty, Question } from '../../../quiz/question';
import { organization } from './auth';

export const BANK_VISIBILITIES = ['private', 'published'] as const;
export type BankVisibility = (typeof BANK_VISIBILITIES)[number];

/** A question bank (bộ câu hỏi) owned by one organization. */
export const bank = sqliteTable(
	'bank',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		organizationId: integer('organization_id')
			.notNull()
			.references(() => organization.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		/** Topic tags, e.g. ["Bộ luật Lao động", "BHXH"]. */
		tags: text('tags', { mode: 'json' }).$type<string[]>().notNull().default([]),
		/** 'published' banks may be used for public practice. */
		visibility: text('visibility', { enum: BANK_VISIBILITIES }).notNull().default('private'),
		archivedAt: integer('archived_at', { mode: 'timestamp_ms' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('bank_org_idx').on(t.organizationId)]
);

/**
 * One question of a bank. `body` is the `Question` object; `searchText` is its text, options,
 * explanation and citation with diacritics removed, indexed by the `question_fts` FTS5 table
 * (kept in step by triggers, see the bank_fts migration).
 */
export const question = sqliteTable(
	'question',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		bankId: integer('bank_id')
			.notNull()
			.references(() => bank.id, { onDelete: 'cascade' }),
		/** Copied from the bank so every query can filter by organization without a join. */
		organizationId: integer('organization_id')
			.notNull()
			.references(() => organization.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		type: text('type').$type<Question['type']>().notNull(),
		/** Copied from the body for quiz rules ("random N of difficulty …"). */
		difficulty: text('difficulty').$type<Difficulty>(),
		body: text('body', { mode: 'json' }).$type<Question>().notNull(),
		searchText: text('search_text').notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		index('question_bank_pos_idx').on(t.bankId, t.position),
		index('question_org_idx').on(t.organizationId)
	]
);

/** A quiz for an event: an ordered list of picked questions and random rules. */
export const quiz = sqliteTable(
	'quiz',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		organizationId: integer('organization_id')
			.notNull()
			.references(() => organization.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('quiz_org_idx').on(t.organizationId)]
);

/** "Random N questions from these banks/tags/difficulties", resolved when a game starts. */
export interface QuizRule {
	count: number;
	/** Empty = every non-archived bank of the organization. */
	bankIds: number[];
	/** Empty = any tag; otherwise the question (or its bank) has at least one of them. */
	tags: string[];
	/** Empty = any difficulty. */
	difficulties: Difficulty[];
}

export const QUIZ_ITEM_KINDS = ['question', 'rule'] as const;

/** One step of a quiz: either a picked question or a random rule. */
export const quizItem = sqliteTable(
	'quiz_item',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		quizId: integer('quiz_id')
			.notNull()
			.references(() => quiz.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		kind: text('kind', { enum: QUIZ_ITEM_KINDS }).notNull(),
		/** Set when kind = 'question'; deleting the question removes it from quizzes. */
		questionId: integer('question_id').references(() => question.id, { onDelete: 'cascade' }),
		/** Set when kind = 'rule'. */
		rule: text('rule', { mode: 'json' }).$type<QuizRule>()
	},
	(t) => [
		index('quiz_item_quiz_pos_idx').on(t.quizId, t.position),
		index('quiz_item_question_idx').on(t.questionId)
	]
);

/**
 * An uploaded file waiting for the organizer's "Nhập" after the preview. The parsed draft is
 * kept server-side so the client cannot alter what gets saved; rows expire.
 */
export const pendingImport = sqliteTable(
	'pending_import',
	{
		/** Random, unguessable id (also checked against the organization). */
		id: text('id').primaryKey(),
		organizationId: integer('organization_id')
			.notNull()
			.references(() => organization.id, { onDelete: 'cascade' }),
		/** Target bank; null = "new bank from file". */
		bankId: integer('bank_id').references(() => bank.id, { onDelete: 'cascade' }),
		filename: text('filename').notNull(),
		/** The ImportResult as JSON. */
		result: text('result', { mode: 'json' }).$type<unknown>().notNull(),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('pending_import_org_idx').on(t.organizationId)]
);

/** Images uploaded by an organization (the name is random; the row proves ownership). */
export const upload = sqliteTable(
	'upload',
	{
		/** File name under UPLOAD_DIR, e.g. "3f…9a.webp". */
		name: text('name').primaryKey(),
		organizationId: integer('organization_id')
			.notNull()
			.references(() => organization.id, { onDelete: 'cascade' }),
		contentType: text('content_type').notNull(),
		size: integer('size').notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('upload_org_idx').on(t.organizationId)]
);

export type Bank = typeof bank.$inferSelect;
export type QuestionRow = typeof question.$inferSelect;
export type Quiz = typeof quiz.$inferSelect;
export type QuizItem = typeof quizItem.$inferSelect;
export type PendingImport = typeof pendingImport.$inferSelect;
export type Upload = typeof upload.$inferSelect;
