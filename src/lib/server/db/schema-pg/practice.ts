/** PostgreSQL mirror of ../schema/practice.ts (type mapping: docs/database.md). */
import { sql } from 'drizzle-orm';
import {
	pgTable,
	text,
	integer,
	boolean,
	jsonb,
	index,
	uniqueIndex,
	primaryKey
} from 'drizzle-orm/pg-core';
import type { AnswerValue } from '../../../quiz/question';
import type { MixRow } from '../../../practice/draw';
import {
	ATTEMPT_STATUSES,
	CONTEST_STATUSES,
	PRACTICE_KINDS,
	PREDICTION_KINDS,
	newAttemptPublicId
} from '../schema/practice';
import { instant, organization } from './auth';
import { bigNumber } from './live';

export const unit = pgTable(
	'unit',
	{
		id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
		organizationId: integer('organization_id')
			.notNull()
			.references(() => organization.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		memberCount: integer('member_count').notNull().default(0),
		createdAt: instant('created_at').notNull()
	},
	(t) => [uniqueIndex('unit_org_name_unique').on(t.organizationId, t.name)]
);

export const participant = pgTable(
	'participant',
	{
		id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
		nickname: text('nickname').notNull(),
		fullName: text('full_name'),
		phone: text('phone'),
		email: text('email'),
		passwordHash: text('password_hash'),
		unitId: integer('unit_id').references(() => unit.id, { onDelete: 'set null' }),
		xp: integer('xp').notNull().default(0),
		answered: integer('answered').notNull().default(0),
		correct: integer('correct').notNull().default(0),
		streakCurrent: integer('streak_current').notNull().default(0),
		streakBest: integer('streak_best').notNull().default(0),
		streakLastDay: integer('streak_last_day'),
		dailyBonusDay: integer('daily_bonus_day'),
		createdAt: instant('created_at').notNull()
	},
	(t) => [
		uniqueIndex('participant_phone_unique').on(t.phone),
		uniqueIndex('participant_email_unique').on(t.email),
		index('participant_xp_idx').on(t.xp),
		index('participant_unit_idx').on(t.unitId)
	]
);

export const participantSession = pgTable(
	'participant_session',
	{
		id: text('id').primaryKey(),
		participantId: integer('participant_id')
			.notNull()
			.references(() => participant.id, { onDelete: 'cascade' }),
		expiresAt: instant('expires_at').notNull()
	},
	(t) => [index('participant_session_participant_idx').on(t.participantId)]
);

export const practiceSession = pgTable(
	'practice_session',
	{
		id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
		participantId: integer('participant_id')
			.notNull()
			.references(() => participant.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: PRACTICE_KINDS }).notNull(),
		bankId: integer('bank_id'),
		title: text('title').notNull(),
		questionIds: jsonb('question_ids').$type<number[]>().notNull(),
		seed: bigNumber('seed').notNull(),
		answered: integer('answered').notNull().default(0),
		correct: integer('correct').notNull().default(0),
		xp: integer('xp').notNull().default(0),
		startedAt: instant('started_at').notNull(),
		finishedAt: instant('finished_at')
	},
	(t) => [index('practice_session_participant_idx').on(t.participantId, t.startedAt)]
);

export const practiceAnswer = pgTable(
	'practice_answer',
	{
		sessionId: integer('session_id')
			.notNull()
			.references(() => practiceSession.id, { onDelete: 'cascade' }),
		questionId: integer('question_id').notNull(),
		answer: jsonb('answer').$type<AnswerValue>().notNull(),
		correct: boolean('correct').notNull(),
		xp: integer('xp').notNull(),
		answeredAt: instant('answered_at').notNull()
	},
	(t) => [primaryKey({ columns: [t.sessionId, t.questionId] })]
);

export const practiceKnown = pgTable(
	'practice_known',
	{
		participantId: integer('participant_id')
			.notNull()
			.references(() => participant.id, { onDelete: 'cascade' }),
		questionId: integer('question_id').notNull()
	},
	(t) => [primaryKey({ columns: [t.participantId, t.questionId] })]
);

export const practiceReview = pgTable(
	'practice_review',
	{
		participantId: integer('participant_id')
			.notNull()
			.references(() => participant.id, { onDelete: 'cascade' }),
		questionId: integer('question_id').notNull(),
		box: integer('box').notNull(),
		dueAt: bigNumber('due_at').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.participantId, t.questionId] }),
		index('practice_review_due_idx').on(t.participantId, t.dueAt)
	]
);

export const practiceLaw = pgTable(
	'practice_law',
	{
		participantId: integer('participant_id')
			.notNull()
			.references(() => participant.id, { onDelete: 'cascade' }),
		law: text('law').notNull(),
		correct: integer('correct').notNull().default(0)
	},
	(t) => [primaryKey({ columns: [t.participantId, t.law] })]
);

export const participantBadge = pgTable(
	'participant_badge',
	{
		participantId: integer('participant_id')
			.notNull()
			.references(() => participant.id, { onDelete: 'cascade' }),
		code: text('code').notNull(),
		earnedAt: instant('earned_at').notNull()
	},
	(t) => [primaryKey({ columns: [t.participantId, t.code] })]
);

export const xpWeek = pgTable(
	'xp_week',
	{
		week: text('week').notNull(),
		participantId: integer('participant_id')
			.notNull()
			.references(() => participant.id, { onDelete: 'cascade' }),
		xp: integer('xp').notNull().default(0)
	},
	(t) => [
		primaryKey({ columns: [t.week, t.participantId] }),
		index('xp_week_rank_idx').on(t.week, t.xp)
	]
);

export const unitXp = pgTable(
	'unit_xp',
	{
		unitId: integer('unit_id')
			.notNull()
			.references(() => unit.id, { onDelete: 'cascade' }),
		period: text('period').notNull(),
		xp: integer('xp').notNull().default(0),
		players: integer('players').notNull().default(0)
	},
	(t) => [
		primaryKey({ columns: [t.unitId, t.period] }),
		index('unit_xp_rank_idx').on(t.period, t.xp)
	]
);

export const contest = pgTable(
	'contest',
	{
		id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
		organizationId: integer('organization_id')
			.notNull()
			.references(() => organization.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		bankIds: jsonb('bank_ids').$type<number[]>().notNull(),
		mix: jsonb('mix').$type<MixRow[]>().notNull(),
		timeLimitSec: integer('time_limit_sec').notNull(),
		attemptsPerRound: integer('attempts_per_round').notNull(),
		predictionText: text('prediction_text'),
		predictionKind: text('prediction_kind', { enum: PREDICTION_KINDS }),
		minMsPerQuestion: integer('min_ms_per_question').notNull().default(1500),
		entriesPerAddress: integer('entries_per_address').notNull().default(100),
		practiceWhileOpen: boolean('practice_while_open').notNull().default(false),
		status: text('status', { enum: CONTEST_STATUSES }).notNull().default('draft'),
		createdAt: instant('created_at').notNull(),
		updatedAt: instant('updated_at').notNull()
	},
	(t) => [index('contest_org_idx').on(t.organizationId)]
);

export const contestRound = pgTable(
	'contest_round',
	{
		id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
		contestId: integer('contest_id')
			.notNull()
			.references(() => contest.id, { onDelete: 'cascade' }),
		organizationId: integer('organization_id')
			.notNull()
			.references(() => organization.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		opensAt: instant('opens_at').notNull(),
		closesAt: instant('closes_at').notNull(),
		entrants: integer('entrants').notNull().default(0),
		perfect: integer('perfect').notNull().default(0)
	},
	(t) => [index('contest_round_contest_idx').on(t.contestId, t.opensAt)]
);

export const contestEntry = pgTable(
	'contest_entry',
	{
		id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
		contestId: integer('contest_id')
			.notNull()
			.references(() => contest.id, { onDelete: 'cascade' }),
		organizationId: integer('organization_id')
			.notNull()
			.references(() => organization.id, { onDelete: 'cascade' }),
		participantId: integer('participant_id')
			.notNull()
			.references(() => participant.id, { onDelete: 'cascade' }),
		fullName: text('full_name').notNull(),
		phone: text('phone').notNull(),
		unitId: integer('unit_id')
			.notNull()
			.references(() => unit.id, { onDelete: 'restrict' }),
		addressKey: text('address_key'),
		firstSubmittedAt: instant('first_submitted_at'),
		createdAt: instant('created_at').notNull()
	},
	(t) => [
		uniqueIndex('contest_entry_phone_unique').on(t.contestId, t.phone),
		uniqueIndex('contest_entry_participant_unique').on(t.contestId, t.participantId),
		index('contest_entry_participant_idx').on(t.participantId),
		index('contest_entry_address_idx').on(t.contestId, t.addressKey)
	]
);

export const contestAttempt = pgTable(
	'contest_attempt',
	{
		id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
		publicId: text('public_id').notNull().$defaultFn(newAttemptPublicId),
		contestId: integer('contest_id')
			.notNull()
			.references(() => contest.id, { onDelete: 'cascade' }),
		roundId: integer('round_id')
			.notNull()
			.references(() => contestRound.id, { onDelete: 'cascade' }),
		entryId: integer('entry_id')
			.notNull()
			.references(() => contestEntry.id, { onDelete: 'cascade' }),
		organizationId: integer('organization_id').notNull(),
		number: integer('number').notNull(),
		questionIds: jsonb('question_ids').$type<number[]>().notNull(),
		seed: bigNumber('seed').notNull(),
		status: text('status', { enum: ATTEMPT_STATUSES }).notNull().default('open'),
		startedAt: bigNumber('started_at').notNull(),
		deadlineAt: bigNumber('deadline_at').notNull(),
		submittedAt: bigNumber('submitted_at'),
		score: integer('score'),
		durationMs: integer('duration_ms'),
		prediction: integer('prediction'),
		flagged: boolean('flagged').notNull().default(false)
	},
	(t) => [
		uniqueIndex('contest_attempt_public_id_unique').on(t.publicId),
		uniqueIndex('contest_attempt_number_unique').on(t.entryId, t.roundId, t.number),
		index('contest_attempt_open_idx')
			.on(t.roundId, t.deadlineAt)
			.where(sql`status = 'open'`)
	]
);

export const contestAnswer = pgTable(
	'contest_answer',
	{
		attemptId: integer('attempt_id')
			.notNull()
			.references(() => contestAttempt.id, { onDelete: 'cascade' }),
		questionId: integer('question_id').notNull(),
		answer: jsonb('answer').$type<AnswerValue>().notNull(),
		savedAt: bigNumber('saved_at').notNull()
	},
	(t) => [primaryKey({ columns: [t.attemptId, t.questionId] })]
);

export const contestBest = pgTable(
	'contest_best',
	{
		roundId: integer('round_id')
			.notNull()
			.references(() => contestRound.id, { onDelete: 'cascade' }),
		entryId: integer('entry_id')
			.notNull()
			.references(() => contestEntry.id, { onDelete: 'cascade' }),
		contestId: integer('contest_id').notNull(),
		attemptId: integer('attempt_id').notNull(),
		score: integer('score').notNull(),
		questionCount: integer('question_count').notNull(),
		prediction: integer('prediction'),
		durationMs: integer('duration_ms').notNull(),
		submittedAt: bigNumber('submitted_at').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.roundId, t.entryId] }),
		index('contest_best_rank_idx').on(t.roundId, t.score, t.durationMs, t.submittedAt),
		index('contest_best_entry_idx').on(t.entryId)
	]
);

export const contestUnitStat = pgTable(
	'contest_unit_stat',
	{
		contestId: integer('contest_id')
			.notNull()
			.references(() => contest.id, { onDelete: 'cascade' }),
		unitId: integer('unit_id')
			.notNull()
			.references(() => unit.id, { onDelete: 'cascade' }),
		registered: integer('registered').notNull().default(0),
		entrants: integer('entrants').notNull().default(0)
	},
	(t) => [primaryKey({ columns: [t.contestId, t.unitId] })]
);
