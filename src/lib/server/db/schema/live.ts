import { sql } from 'drizzle-orm';
import {
	sqliteTable,
	text,
	integer,
	real,
	index,
	uniqueIndex,
	primaryKey
} from 'drizzle-orm/sqlite-core';
import { organization, user } from './auth';
import { quiz } from './bank';

export const LIVE_GAME_MODES = ['classic', 'teams', 'elimination'] as const;
export const LIVE_GAME_STATUSES = ['lobby', 'running', 'ended'] as const;

/**
 * A live game. `questions` is a snapshot taken at creation, so later bank edits change neither a
 * running game nor its results. Its engine state is rebuilt from game_snapshot + game_command.
 */
export const game = sqliteTable(
	'game',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		organizationId: integer('organization_id')
			.notNull()
			.references(() => organization.id, { onDelete: 'cascade' }),
		quizId: integer('quiz_id').references(() => quiz.id, { onDelete: 'set null' }),
		title: text('title').notNull(),
		/** 6 digits, unique among games that have not ended. */
		pin: text('pin').notNull(),
		mode: text('mode', { enum: LIVE_GAME_MODES }).notNull(),
		/** LiveGameOptions (protocol.ts) as the host chose them. */
		options: text('options', { mode: 'json' }).notNull(),
		/** Array<{ questionId: number | null } & Question>: main questions, then reserve ones. */
		questions: text('questions', { mode: 'json' }).notNull(),
		/** How many of `questions` are played as main questions (the rest are reserve). */
		mainCount: integer('main_count').notNull(),
		seed: integer('seed').notNull(),
		status: text('status', { enum: LIVE_GAME_STATUSES }).notNull().default('lobby'),
		locked: integer('locked', { mode: 'boolean' }).notNull().default(false),
		/** Players in the game (kicked excluded), as last persisted. */
		playerCount: integer('player_count').notNull().default(0),
		createdBy: integer('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		startedAt: integer('started_at', { mode: 'timestamp_ms' }),
		endedAt: integer('ended_at', { mode: 'timestamp_ms' })
	},
	(t) => [
		index('game_org_idx').on(t.organizationId, t.createdAt),
		uniqueIndex('game_active_pin_unique')
			.on(t.pin)
			.where(sql`status <> 'ended'`),
		index('game_status_idx').on(t.status)
	]
);

/**
 * The latest engine snapshot of a game (GameState JSON covering commands up to `seq`), in its own
 * table so that updating the game row (status, player count) never rewrites megabytes of state.
 * No row = start from createGame(options, questions, seed).
 */
export const gameSnapshot = sqliteTable('game_snapshot', {
	gameId: integer('game_id')
		.primaryKey()
		.references(() => game.id, { onDelete: 'cascade' }),
	seq: integer('seq').notNull(),
	state: text('state').notNull(),
	savedAt: integer('saved_at').notNull()
});

/** Append-only log of the engine commands a game accepted: the source of truth for recovery. */
export const gameCommand = sqliteTable(
	'game_command',
	{
		gameId: integer('game_id')
			.notNull()
			.references(() => game.id, { onDelete: 'cascade' }),
		seq: integer('seq').notNull(),
		/** The engine Command JSON. */
		command: text('command').notNull(),
		/** Server clock (epoch ms) the command was applied at. */
		at: integer('at').notNull()
	},
	(t) => [primaryKey({ columns: [t.gameId, t.seq] })]
);

/** A phone that joined a game. Only the SHA-256 of its player token is stored. */
export const player = sqliteTable(
	'player',
	{
		gameId: integer('game_id')
			.notNull()
			.references(() => game.id, { onDelete: 'cascade' }),
		organizationId: integer('organization_id')
			.notNull()
			.references(() => organization.id, { onDelete: 'cascade' }),
		playerId: text('player_id').notNull(),
		tokenHash: text('token_hash').notNull(),
		nickname: text('nickname').notNull(),
		team: text('team'),
		/** Hidden registration fields (full name, unit, phone): organization eyes only. */
		hidden: text('hidden').notNull().default('{}'),
		joinedAt: integer('joined_at').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.gameId, t.playerId] }),
		uniqueIndex('player_token_unique').on(t.tokenHash)
	]
);

/** Accepted answers, for results and reports (duplicates are not stored). */
export const answer = sqliteTable(
	'answer',
	{
		gameId: integer('game_id')
			.notNull()
			.references(() => game.id, { onDelete: 'cascade' }),
		organizationId: integer('organization_id')
			.notNull()
			.references(() => organization.id, { onDelete: 'cascade' }),
		playerId: text('player_id').notNull(),
		questionIndex: integer('question_index').notNull(),
		/** The AnswerValue JSON. */
		answer: text('answer').notNull(),
		receivedAt: integer('received_at').notNull(),
		responseMs: integer('response_ms').notNull(),
		correct: integer('correct', { mode: 'boolean' }).notNull(),
		fraction: real('fraction').notNull(),
		points: integer('points').notNull()
	},
	(t) => [primaryKey({ columns: [t.gameId, t.questionIndex, t.playerId] })]
);

/** One row per closed question: who could answer, who did, who was right (report figures). */
export const gameQuestion = sqliteTable(
	'game_question',
	{
		gameId: integer('game_id')
			.notNull()
			.references(() => game.id, { onDelete: 'cascade' }),
		questionIndex: integer('question_index').notNull(),
		kind: text('kind', { enum: ['main', 'tiebreak', 'rescue'] }).notNull(),
		number: integer('number').notNull(),
		skipped: integer('skipped', { mode: 'boolean' }).notNull(),
		eligible: integer('eligible').notNull(),
		answered: integer('answered').notNull(),
		correct: integer('correct').notNull(),
		averageMs: integer('average_ms'),
		closedAt: integer('closed_at').notNull()
	},
	(t) => [primaryKey({ columns: [t.gameId, t.questionIndex] })]
);

export type Game = typeof game.$inferSelect;
export type GameCommandRow = typeof gameCommand.$inferSelect;
export type PlayerRow = typeof player.$inferSelect;
export type AnswerRow = typeof answer.$inferSelect;
export type GameQuestionRow = typeof gameQuestion.$inferSelect;
