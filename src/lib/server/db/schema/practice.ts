/**
 * Public practice (participants, sessions, XP, streaks, badges, spaced repetition, leaderboards)
 * and online contests (rounds, entries, attempts, standings).
 *
 * Leaderboards are counters updated on every answer (`participant.xp`, `xp_week`, `unit_xp`,
 * `contest_best`, `contest_round.entrants/perfect`, `contest_unit_stat`); pages read them through indexes
 * and never recompute them from the answers.
 */
import {
	sqliteTable,
	text,
	integer,
	index,
	uniqueIndex,
	primaryKey
} from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import type { AnswerValue } from '../../../quiz/question';
import type { MixRow } from '../../../practice/draw';
import { randomBytes } from 'node:crypto';
import { organization } from './auth';

/** A new attempt's public id: 128 random bits, base64url (22 characters). */
export function newAttemptPublicId(): string {
	return randomBytes(16).toString('base64url');
}

/** A union unit (công đoàn cơ sở, phòng ban…) of an organization, for unit leaderboards and awards. */
export const unit = sqliteTable(
	'unit',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		organizationId: integer('organization_id')
			.notNull()
			.references(() => organization.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		/** Union members of the unit: the denominator of the participation rate (0 = unknown). */
		memberCount: integer('member_count').notNull().default(0),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [uniqueIndex('unit_org_name_unique').on(t.organizationId, t.name)]
);

/**
 * A person who practises or enters contests. Starts as a guest (nickname + device token) and may
 * become an account (full name, phone or e-mail, password, unit). Not organization staff.
 */
export const participant = sqliteTable(
	'participant',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		nickname: text('nickname').notNull(),
		fullName: text('full_name'),
		/** Canonical Vietnamese mobile number (0xxxxxxxxx). */
		phone: text('phone'),
		/** Lower-cased. */
		email: text('email'),
		passwordHash: text('password_hash'),
		unitId: integer('unit_id').references(() => unit.id, { onDelete: 'set null' }),
		xp: integer('xp').notNull().default(0),
		answered: integer('answered').notNull().default(0),
		correct: integer('correct').notNull().default(0),
		streakCurrent: integer('streak_current').notNull().default(0),
		streakBest: integer('streak_best').notNull().default(0),
		/** Vietnam day number (calendar.ts) of the last day that counted for the streak. */
		streakLastDay: integer('streak_last_day'),
		/** Day number on which today's challenge bonus was last paid. */
		dailyBonusDay: integer('daily_bonus_day'),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		uniqueIndex('participant_phone_unique').on(t.phone),
		uniqueIndex('participant_email_unique').on(t.email),
		index('participant_xp_idx').on(t.xp),
		index('participant_unit_idx').on(t.unitId)
	]
);

/** A device's sign-in: the SHA-256 of the random token in the `cv_player` cookie. */
export const participantSession = sqliteTable(
	'participant_session',
	{
		id: text('id').primaryKey(),
		participantId: integer('participant_id')
			.notNull()
			.references(() => participant.id, { onDelete: 'cascade' }),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('participant_session_participant_idx').on(t.participantId)]
);

export const PRACTICE_KINDS = ['bank', 'daily', 'review'] as const;
export type PracticeKind = (typeof PRACTICE_KINDS)[number];

/** One practice run: a fixed list of questions asked one at a time. */
export const practiceSession = sqliteTable(
	'practice_session',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		participantId: integer('participant_id')
			.notNull()
			.references(() => participant.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: PRACTICE_KINDS }).notNull(),
		/** Set for kind 'bank'. */
		bankId: integer('bank_id'),
		/** Title shown in history (bank title, "Thử thách hôm nay", "Luyện lại câu sai"). */
		title: text('title').notNull(),
		questionIds: text('question_ids', { mode: 'json' }).$type<number[]>().notNull(),
		/** Seeds the ordering questions' shuffle. */
		seed: integer('seed').notNull(),
		answered: integer('answered').notNull().default(0),
		correct: integer('correct').notNull().default(0),
		xp: integer('xp').notNull().default(0),
		startedAt: integer('started_at', { mode: 'timestamp_ms' }).notNull(),
		finishedAt: integer('finished_at', { mode: 'timestamp_ms' })
	},
	(t) => [index('practice_session_participant_idx').on(t.participantId, t.startedAt)]
);

/** One answer in a practice session (kept for the summary and the history). */
export const practiceAnswer = sqliteTable(
	'practice_answer',
	{
		sessionId: integer('session_id')
			.notNull()
			.references(() => practiceSession.id, { onDelete: 'cascade' }),
		questionId: integer('question_id').notNull(),
		answer: text('answer', { mode: 'json' }).$type<AnswerValue>().notNull(),
		correct: integer('correct', { mode: 'boolean' }).notNull(),
		xp: integer('xp').notNull(),
		answeredAt: integer('answered_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [primaryKey({ columns: [t.sessionId, t.questionId] })]
);

/** Questions a participant has answered right at least once (full XP only the first time). */
export const practiceKnown = sqliteTable(
	'practice_known',
	{
		participantId: integer('participant_id')
			.notNull()
			.references(() => participant.id, { onDelete: 'cascade' }),
		questionId: integer('question_id').notNull()
	},
	(t) => [primaryKey({ columns: [t.participantId, t.questionId] })]
);

/** The mistakes list: a Leitner box and due time per question a participant got wrong. */
export const practiceReview = sqliteTable(
	'practice_review',
	{
		participantId: integer('participant_id')
			.notNull()
			.references(() => participant.id, { onDelete: 'cascade' }),
		questionId: integer('question_id').notNull(),
		box: integer('box').notNull(),
		dueAt: integer('due_at').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.participantId, t.questionId] }),
		index('practice_review_due_idx').on(t.participantId, t.dueAt)
	]
);

/** Distinct questions of one law (citation document) a participant has answered right. */
export const practiceLaw = sqliteTable(
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

export const participantBadge = sqliteTable(
	'participant_badge',
	{
		participantId: integer('participant_id')
			.notNull()
			.references(() => participant.id, { onDelete: 'cascade' }),
		/** See practice/badges.ts. */
		code: text('code').notNull(),
		earnedAt: integer('earned_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [primaryKey({ columns: [t.participantId, t.code] })]
);

/** Weekly XP per participant (week = ISO week in Vietnam time, "2025-W21"). */
export const xpWeek = sqliteTable(
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

/** XP per unit and period: a week key or 'all'. */
export const unitXp = sqliteTable(
	'unit_xp',
	{
		unitId: integer('unit_id')
			.notNull()
			.references(() => unit.id, { onDelete: 'cascade' }),
		period: text('period').notNull(),
		xp: integer('xp').notNull().default(0),
		/** Participants of the unit who earned XP in the period. */
		players: integer('players').notNull().default(0)
	},
	(t) => [
		primaryKey({ columns: [t.unitId, t.period] }),
		index('unit_xp_rank_idx').on(t.period, t.xp)
	]
);

export const CONTEST_STATUSES = ['draft', 'published'] as const;
export type ContestStatus = (typeof CONTEST_STATUSES)[number];
export const PREDICTION_KINDS = ['all_correct', 'entrants'] as const;
export type PredictionKind = (typeof PREDICTION_KINDS)[number];

/** An online contest (cuộc thi trực tuyến) on an organization's published banks. */
export const contest = sqliteTable(
	'contest',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		organizationId: integer('organization_id')
			.notNull()
			.references(() => organization.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		bankIds: text('bank_ids', { mode: 'json' }).$type<number[]>().notNull(),
		/** Questions per attempt by topic and difficulty. */
		mix: text('mix', { mode: 'json' }).$type<MixRow[]>().notNull(),
		timeLimitSec: integer('time_limit_sec').notNull(),
		attemptsPerRound: integer('attempts_per_round').notNull(),
		/** Optional prediction question, e.g. "Có bao nhiêu người trả lời đúng tất cả?". */
		predictionText: text('prediction_text'),
		/** What the prediction is compared with at the end of a round. */
		predictionKind: text('prediction_kind', { enum: PREDICTION_KINDS }),
		/**
		 * Anti-cheat: an attempt handed in faster than this many ms per answered question is
		 * flagged and does not count (docs/contests.md).
		 */
		minMsPerQuestion: integer('min_ms_per_question').notNull().default(1500),
		/** Anti-cheat: most entries registered from one client address (0 = no cap). */
		entriesPerAddress: integer('entries_per_address').notNull().default(100),
		/**
		 * The organizer confirmed that its banks stay open to public practice while the contest
		 * runs (answer keys public). Off by default: the banks are held back (contest/held.ts).
		 */
		practiceWhileOpen: integer('practice_while_open', { mode: 'boolean' }).notNull().default(false),
		status: text('status', { enum: CONTEST_STATUSES }).notNull().default('draft'),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('contest_org_idx').on(t.organizationId)]
);

/** A round (tuần thi) with its time window. */
export const contestRound = sqliteTable(
	'contest_round',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		contestId: integer('contest_id')
			.notNull()
			.references(() => contest.id, { onDelete: 'cascade' }),
		organizationId: integer('organization_id')
			.notNull()
			.references(() => organization.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		opensAt: integer('opens_at', { mode: 'timestamp_ms' }).notNull(),
		closesAt: integer('closes_at', { mode: 'timestamp_ms' }).notNull(),
		/** Entrants and perfect entries so far (counters; the prediction's answer). */
		entrants: integer('entrants').notNull().default(0),
		perfect: integer('perfect').notNull().default(0)
	},
	(t) => [index('contest_round_contest_idx').on(t.contestId, t.opensAt)]
);

/** A registration: one per phone number and one per device in a contest. */
export const contestEntry = sqliteTable(
	'contest_entry',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
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
		/** SHA-256 of the client address it registered from (the per-address entry cap). */
		addressKey: text('address_key'),
		/** First hand-in in this contest: when it counts as an entrant of its unit. */
		firstSubmittedAt: integer('first_submitted_at', { mode: 'timestamp_ms' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		uniqueIndex('contest_entry_phone_unique').on(t.contestId, t.phone),
		uniqueIndex('contest_entry_participant_unique').on(t.contestId, t.participantId),
		index('contest_entry_participant_idx').on(t.participantId),
		index('contest_entry_address_idx').on(t.contestId, t.addressKey)
	]
);

export const ATTEMPT_STATUSES = ['open', 'submitted', 'expired'] as const;
export type AttemptStatus = (typeof ATTEMPT_STATUSES)[number];

/** One attempt (lượt thi) of an entry in a round. The server's clock is the only clock. */
export const contestAttempt = sqliteTable(
	'contest_attempt',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		/**
		 * What URLs and payloads call the attempt: random and unguessable (the integer id stays
		 * internal). Existing rows got one in the migration that added it.
		 */
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
		/** 1, 2… within the round. */
		number: integer('number').notNull(),
		questionIds: text('question_ids', { mode: 'json' }).$type<number[]>().notNull(),
		seed: integer('seed').notNull(),
		status: text('status', { enum: ATTEMPT_STATUSES }).notNull().default('open'),
		startedAt: integer('started_at').notNull(),
		deadlineAt: integer('deadline_at').notNull(),
		submittedAt: integer('submitted_at'),
		score: integer('score'),
		durationMs: integer('duration_ms'),
		prediction: integer('prediction'),
		/** Handed in faster than the contest's minimum time per question: shown to the organizer, not ranked. */
		flagged: integer('flagged', { mode: 'boolean' }).notNull().default(false)
	},
	(t) => [
		uniqueIndex('contest_attempt_public_id_unique').on(t.publicId),
		uniqueIndex('contest_attempt_number_unique').on(t.entryId, t.roundId, t.number),
		index('contest_attempt_open_idx')
			.on(t.roundId, t.deadlineAt)
			.where(sql`status = 'open'`)
	]
);

/** A saved answer of an open attempt (changeable until the hand-in). */
export const contestAnswer = sqliteTable(
	'contest_answer',
	{
		attemptId: integer('attempt_id')
			.notNull()
			.references(() => contestAttempt.id, { onDelete: 'cascade' }),
		questionId: integer('question_id').notNull(),
		answer: text('answer', { mode: 'json' }).$type<AnswerValue>().notNull(),
		savedAt: integer('saved_at').notNull()
	},
	(t) => [primaryKey({ columns: [t.attemptId, t.questionId] })]
);

/** The attempt that counts for an entry in a round (best score, then time, then earlier). */
export const contestBest = sqliteTable(
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
		submittedAt: integer('submitted_at').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.roundId, t.entryId] }),
		index('contest_best_rank_idx').on(t.roundId, t.score, t.durationMs, t.submittedAt),
		index('contest_best_entry_idx').on(t.entryId)
	]
);

/** Entrants per unit in a contest (registered and handed in at least once): unit awards. */
export const contestUnitStat = sqliteTable(
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

export type Unit = typeof unit.$inferSelect;
export type Participant = typeof participant.$inferSelect;
export type PracticeSession = typeof practiceSession.$inferSelect;
export type Contest = typeof contest.$inferSelect;
export type ContestRound = typeof contestRound.$inferSelect;
export type ContestEntry = typeof contestEntry.$inferSelect;
export type ContestAttempt = typeof contestAttempt.$inferSelect;
export type ContestBest = typeof contestBest.$inferSelect;
