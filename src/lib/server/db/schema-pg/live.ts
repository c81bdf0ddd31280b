/**
 * PostgreSQL mirror of ../schema/live.ts. Plain integers holding epoch milliseconds (`at`,
 * `*_at`) are bigint (read as number), so are seeds (live seeds use all 32 bits); JSON kept as a
 * string by the app (`state`, `command`, `answer`, `hidden`) stays text.
 */
import { sql } from 'drizzle-orm';
import {
	pgTable,
	text,
	integer,
	bigint,
	boolean,
	doublePrecision,
	jsonb,
	index,
	uniqueIndex,
	primaryKey
} from 'drizzle-orm/pg-core';
import { LIVE_GAME_MODES, LIVE_GAME_STATUSES } from '../schema/live';
import { instant, organization, user } from './auth';
import { quiz } from './bank';

/** Epoch milliseconds (or another value past 2^31) read as a number. */
export function bigNumber(name: string) {
	return bigint(name, { mode: 'number' });
}

export const game = pgTable(
	'game',
	{
		id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
		organizationId: integer('organization_id')
			.notNull()
			.references(() => organization.id, { onDelete: 'cascade' }),
		quizId: integer('quiz_id').references(() => quiz.id, { onDelete: 'set null' }),
		title: text('title').notNull(),
		pin: text('pin').notNull(),
		mode: text('mode', { enum: LIVE_GAME_MODES }).notNull(),
		options: jsonb('options').notNull(),
		questions: jsonb('questions').notNull(),
		mainCount: integer('main_count').notNull(),
		seed: bigNumber('seed').notNull(),
		status: text('status', { enum: LIVE_GAME_STATUSES }).notNull().default('lobby'),
		locked: boolean('locked').notNull().default(false),
		playerCount: integer('player_count').notNull().default(0),
		createdBy: integer('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: instant('created_at').notNull(),
		startedAt: instant('started_at'),
		endedAt: instant('ended_at')
	},
	(t) => [
		index('game_org_idx').on(t.organizationId, t.createdAt),
		uniqueIndex('game_active_pin_unique')
			.on(t.pin)
			.where(sql`status <> 'ended'`),
		index('game_status_idx').on(t.status)
	]
);

export const gameSnapshot = pgTable('game_snapshot', {
	gameId: integer('game_id')
		.primaryKey()
		.references(() => game.id, { onDelete: 'cascade' }),
	seq: integer('seq').notNull(),
	state: text('state').notNull(),
	savedAt: bigNumber('saved_at').notNull()
});

export const gameCommand = pgTable(
	'game_command',
	{
		gameId: integer('game_id')
			.notNull()
			.references(() => game.id, { onDelete: 'cascade' }),
		seq: integer('seq').notNull(),
		command: text('command').notNull(),
		at: bigNumber('at').notNull()
	},
	(t) => [primaryKey({ columns: [t.gameId, t.seq] })]
);

export const player = pgTable(
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
		hidden: text('hidden').notNull().default('{}'),
		joinedAt: bigNumber('joined_at').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.gameId, t.playerId] }),
		uniqueIndex('player_token_unique').on(t.tokenHash)
	]
);

export const answer = pgTable(
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
		answer: text('answer').notNull(),
		receivedAt: bigNumber('received_at').notNull(),
		responseMs: integer('response_ms').notNull(),
		correct: boolean('correct').notNull(),
		fraction: doublePrecision('fraction').notNull(),
		points: integer('points').notNull()
	},
	(t) => [primaryKey({ columns: [t.gameId, t.questionIndex, t.playerId] })]
);

export const gameQuestion = pgTable(
	'game_question',
	{
		gameId: integer('game_id')
			.notNull()
			.references(() => game.id, { onDelete: 'cascade' }),
		questionIndex: integer('question_index').notNull(),
		kind: text('kind', { enum: ['main', 'tiebreak', 'rescue'] }).notNull(),
		number: integer('number').notNull(),
		skipped: boolean('skipped').notNull(),
		eligible: integer('eligible').notNull(),
		answered: integer('answered').notNull(),
		correct: integer('correct').notNull(),
		averageMs: integer('average_ms'),
		closedAt: bigNumber('closed_at').notNull()
	},
	(t) => [primaryKey({ columns: [t.gameId, t.questionIndex] })]
);
