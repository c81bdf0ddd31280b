/**
 * PostgreSQL mirror of ../schema/bank.ts. JSON columns (`text(…, { mode: 'json' })` in SQLite) are
 * jsonb; `question.search_text` (already folded by normalizeVietnamese) gets a GIN full-text index
 * in place of SQLite's question_fts FTS5 table (docs/database.md).
 */
import { sql } from 'drizzle-orm';
import { pgTable, text, integer, jsonb, index } from 'drizzle-orm/pg-core';
import type { Difficulty, Question } from '../../../quiz/question';
import { BANK_VISIBILITIES, QUIZ_ITEM_KINDS, type QuizRule } from '../schema/bank';
import { instant, organization } from './auth';

export const bank = pgTable(
	'bank',
	{
		id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
		organizationId: integer('organization_id')
			.notNull()
			.references(() => organization.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		tags: jsonb('tags').$type<string[]>().notNull().default([]),
		visibility: text('visibility', { enum: BANK_VISIBILITIES }).notNull().default('private'),
		archivedAt: instant('archived_at'),
		createdAt: instant('created_at').notNull(),
		updatedAt: instant('updated_at').notNull()
	},
	(t) => [index('bank_org_idx').on(t.organizationId)]
);

export const question = pgTable(
	'question',
	{
		id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
		bankId: integer('bank_id')
			.notNull()
			.references(() => bank.id, { onDelete: 'cascade' }),
		organizationId: integer('organization_id')
			.notNull()
			.references(() => organization.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		type: text('type').$type<Question['type']>().notNull(),
		difficulty: text('difficulty').$type<Difficulty>(),
		body: jsonb('body').$type<Question>().notNull(),
		searchText: text('search_text').notNull(),
		createdAt: instant('created_at').notNull(),
		updatedAt: instant('updated_at').notNull()
	},
	(t) => [
		index('question_bank_pos_idx').on(t.bankId, t.position),
		index('question_org_idx').on(t.organizationId),
		// Whole words of the folded text, like FTS5's unicode61 tokens. 'simple' neither stems nor
		// drops stop words; a search must use the same expression to hit the index.
		index('question_search_idx').using('gin', sql`to_tsvector('simple', ${t.searchText})`)
	]
);

export const quiz = pgTable(
	'quiz',
	{
		id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
		organizationId: integer('organization_id')
			.notNull()
			.references(() => organization.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		createdAt: instant('created_at').notNull(),
		updatedAt: instant('updated_at').notNull()
	},
	(t) => [index('quiz_org_idx').on(t.organizationId)]
);

export const quizItem = pgTable(
	'quiz_item',
	{
		id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
		quizId: integer('quiz_id')
			.notNull()
			.references(() => quiz.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		kind: text('kind', { enum: QUIZ_ITEM_KINDS }).notNull(),
		questionId: integer('question_id').references(() => question.id, { onDelete: 'cascade' }),
		rule: jsonb('rule').$type<QuizRule>()
	},
	(t) => [
		index('quiz_item_quiz_pos_idx').on(t.quizId, t.position),
		index('quiz_item_question_idx').on(t.questionId)
	]
);

export const pendingImport = pgTable(
	'pending_import',
	{
		id: text('id').primaryKey(),
		organizationId: integer('organization_id')
			.notNull()
			.references(() => organization.id, { onDelete: 'cascade' }),
		bankId: integer('bank_id').references(() => bank.id, { onDelete: 'cascade' }),
		filename: text('filename').notNull(),
		result: jsonb('result').$type<unknown>().notNull(),
		expiresAt: instant('expires_at').notNull()
	},
	(t) => [index('pending_import_org_idx').on(t.organizationId)]
);

export const upload = pgTable(
	'upload',
	{
		name: text('name').primaryKey(),
		organizationId: integer('organization_id')
			.notNull()
			.references(() => organization.id, { onDelete: 'cascade' }),
		contentType: text('content_type').notNull(),
		size: integer('size').notNull(),
		createdAt: instant('created_at').notNull()
	},
	(t) => [index('upload_org_idx').on(t.organizationId)]
);
