/**
 * Online-contest attempts, with the server as the only clock: registering, starting an attempt
 * (drawn by the contest's mix), saving answers while the clock runs, handing in, and closing
 * attempts the clock ran out on. Every function takes `now`, so tests inject the time.
 */
import { createHash, randomInt } from 'node:crypto';
import { transaction, type Db, type DbOrTx } from '../db';
import type { Contest, ContestAttempt, ContestEntry, ContestRound } from '../db/schema';
import { contestPool, listContestRounds } from '../db/queries/contests';
import {
	countEntriesFromAddress,
	findEntry,
	insertEntry,
	isContestPhoneTaken
} from '../db/queries/contest-entries';
import { isUniqueViolation } from '../db/queries/unique-violation';
import {
	closeAttemptRow,
	getAttemptWithEntry,
	getBest,
	getOwnAttempt,
	insertAttempt,
	listAttemptAnswers,
	listEntryAttempts,
	listOverdueAttempts,
	lockEntry,
	recordBest,
	prepareAttemptSave,
	type AttemptSaveQueries,
	type AttemptWithEntry,
	type ClosedAttempt
} from '../db/queries/contest-attempts';
import { getUnit } from '../db/queries/participants';
import { getQuestionBodies } from '../db/queries/practice';
import { drawQuestions, type PoolQuestion } from '../../practice/draw';
import { normalizePhone } from '../../practice/phone';
import {
	ANSWER_GRACE_MS,
	acceptsAnswers,
	closedAt,
	completionMs,
	deadlineOf,
	isExpired,
	isRoundOpen
} from '../../practice/timing';
import { isBetterAttempt } from '../../practice/tiebreak';
import { answerFromPhone, judgeAnswer, toAnswerValue } from '../../quiz/judge';
import { deriveSeed } from '../../quiz/random';
import { createBatcher } from '../db/group-commit';

export type ContestError =
	| 'not_found'
	| 'name_invalid'
	| 'phone_invalid'
	| 'phone_taken'
	| 'unit_invalid'
	| 'already_registered'
	| 'staff_excluded'
	| 'not_registered'
	| 'round_closed'
	| 'no_attempts_left'
	| 'pool_short'
	| 'attempt_closed'
	| 'question_not_in_attempt'
	| 'bad_answer'
	| 'prediction_invalid'
	| 'prediction_late'
	| 'entry_cap';

export type Outcome<T> = { ok: true; data: T } | { ok: false; error: ContestError };

const FULL_NAME_MAX = 80;
export const PREDICTION_MAX = 100_000_000;

// ——— Registration ———

export interface RegistrationInput {
	fullName: string;
	phone: string;
	unitId: number;
}

/** Check a registration's fields; returns field → error (empty when valid) and the clean values. */
export async function checkRegistration(
	db: Db,
	c: Pick<Contest, 'id' | 'organizationId'>,
	input: { fullName: unknown; phone: unknown; unitId: unknown }
): Promise<{
	errors: Partial<Record<keyof RegistrationInput, ContestError>>;
	clean: RegistrationInput | null;
}> {
	const errors: Partial<Record<keyof RegistrationInput, ContestError>> = {};
	const fullName =
		typeof input.fullName === 'string' ? input.fullName.replace(/\s+/g, ' ').trim() : '';
	if (fullName.length < 2 || fullName.length > FULL_NAME_MAX) errors.fullName = 'name_invalid';
	const phone = typeof input.phone === 'string' ? normalizePhone(input.phone) : null;
	if (!phone) errors.phone = 'phone_invalid';
	else if (await isContestPhoneTaken(db, c.id, phone)) errors.phone = 'phone_taken';
	const unitId = Number(input.unitId);
	if (!Number.isInteger(unitId) || !(await getUnit(db, c.organizationId, unitId)))
		errors.unitId = 'unit_invalid';
	const valid = Object.keys(errors).length === 0;
	return { errors, clean: valid ? { fullName, phone: phone!, unitId } : null };
}

/** What the per-address entry cap counts by: a hash of the client address (the address itself is not kept). */
export function addressKeyOf(address: string): string {
	return createHash('sha256').update(`contest-entry:${address}`).digest('hex');
}

/**
 * Register a participant: one entry per phone number and per participant, and at most the
 * contest's `entriesPerAddress` from one client address (0 = no cap), so sock-puppet entries
 * cannot be made by the hundred from one machine.
 */
export async function registerEntry(
	db: DbOrTx,
	c: Pick<Contest, 'id' | 'organizationId' | 'entriesPerAddress'>,
	participantId: number,
	input: RegistrationInput,
	now: number,
	address?: string
): Promise<Outcome<ContestEntry>> {
	if (await findEntry(db, c.id, participantId)) return { ok: false, error: 'already_registered' };
	const addressKey = address ? addressKeyOf(address) : null;
	if (addressKey && c.entriesPerAddress > 0) {
		if ((await countEntriesFromAddress(db, c.id, addressKey)) >= c.entriesPerAddress)
			return { ok: false, error: 'entry_cap' };
	}
	try {
		const entry = await insertEntry(
			db,
			{ contestId: c.id, organizationId: c.organizationId, participantId, ...input, addressKey },
			now
		);
		return { ok: true, data: entry };
	} catch (err) {
		// Two taps racing past the checks: the unique indexes decide.
		if (isUniqueViolation(err)) return { ok: false, error: 'phone_taken' };
		throw err;
	}
}

// ——— Rounds ———

/** The round open at `now`, if any. */
export function openRound(rounds: readonly ContestRound[], now: number): ContestRound | undefined {
	return rounds.find((r) =>
		isRoundOpen({ opensAt: r.opensAt.getTime(), closesAt: r.closesAt.getTime() }, now)
	);
}

// ——— Attempts ———

const POOL_TTL_MS = 60_000;

/** Contest question pools by contest id, with the time they were read (`AppCaches.contestPools`). */
export type ContestPoolCache = Map<number, { pool: PoolQuestion[]; at: number }>;

export function createContestPoolCache(): ContestPoolCache {
	return new Map();
}

/** What starting an attempt needs of the app (`AppContext` fits). */
export interface PoolApp {
	readonly db: Db;
	readonly caches: { readonly contestPools: ContestPoolCache };
}

/** The contest's question pool, cached for a minute (a round's start brings many attempts at once). */
export async function cachedPool(app: PoolApp, c: Contest, now: number): Promise<PoolQuestion[]> {
	const { db } = app;
	const byContest = app.caches.contestPools;
	const hit = byContest.get(c.id);
	if (hit && now - hit.at < POOL_TTL_MS && hit.at >= c.updatedAt.getTime()) return hit.pool;
	const pool = await contestPool(db, c.organizationId, c.bankIds);
	byContest.set(c.id, { pool, at: now });
	return pool;
}

/**
 * Start the entry's next attempt in the open round, or return the attempt already running
 * (a refresh resumes it). Refuses a closed round and an attempt beyond the allowance.
 */
export async function startAttempt(
	app: PoolApp,
	c: Contest,
	entry: ContestEntry,
	now: number,
	seed = randomInt(0, 2 ** 31 - 1)
): Promise<Outcome<ContestAttempt>> {
	const { db } = app;
	const round = openRound(await listContestRounds(db, c.id), now);
	if (!round) return { ok: false, error: 'round_closed' };
	await closeOverdue(db, now, round.id);
	const attempts = await listEntryAttempts(db, entry.id, round.id);
	const running = attempts.find((a) => a.status === 'open');
	if (running) return { ok: true, data: running };
	if (attempts.length >= c.attemptsPerRound) return { ok: false, error: 'no_attempts_left' };
	const questionIds = drawQuestions(await cachedPool(app, c, now), c.mix, seed);
	if (!questionIds || questionIds.length === 0) return { ok: false, error: 'pool_short' };
	try {
		const attempt = await insertAttempt(db, {
			contestId: c.id,
			roundId: round.id,
			entryId: entry.id,
			organizationId: c.organizationId,
			number: attempts.length + 1,
			questionIds,
			seed,
			startedAt: now,
			// The round's end also ends a late-started attempt.
			deadlineAt: Math.min(deadlineOf(now, c.timeLimitSec), round.closesAt.getTime())
		});
		return { ok: true, data: attempt };
	} catch (err) {
		// A double tap raced this one: the unique (entry, round, number) index kept one.
		if (isUniqueViolation(err)) {
			const again = (await listEntryAttempts(db, entry.id, round.id)).find(
				(a) => a.status === 'open'
			);
			if (again) return { ok: true, data: again };
			return { ok: false, error: 'no_attempts_left' };
		}
		throw err;
	}
}

/**
 * Save (or change) the answer to one question of a running attempt. Nothing is judged and
 * nothing about correctness goes back to the phone.
 */
export async function saveAttemptAnswer(
	db: DbOrTx,
	participantId: number,
	attemptId: number,
	questionId: number,
	rawAnswer: unknown,
	now: number,
	/**
	 * The app's prepared queries (its save queue passes them, with `db` its transaction's `tx`);
	 * prepared here when absent.
	 */
	queries: AttemptSaveQueries = prepareAttemptSave(db)
): Promise<Outcome<{ saved: true }>> {
	const attempt = await queries.attempt(participantId, attemptId, db);
	if (!attempt) return { ok: false, error: 'not_found' };
	if (attempt.status !== 'open') return { ok: false, error: 'attempt_closed' };
	const clock = { startedAt: 0, deadlineAt: attempt.deadlineAt };
	if (!acceptsAnswers(clock, now)) {
		await closeAttemptById(db, attemptId, now, true);
		return { ok: false, error: 'attempt_closed' };
	}
	if (!attempt.questionIds.includes(questionId))
		return { ok: false, error: 'question_not_in_attempt' };
	const question = await queries.questionBody(questionId, db);
	if (!question) return { ok: false, error: 'question_not_in_attempt' };
	// Ordering: the ids as delivered in this attempt, mapped through its seed (never sent out).
	const delivered = answerFromPhone(question, rawAnswer, deriveSeed(attempt.seed, questionId));
	const answer = toAnswerValue(question, delivered);
	if (!answer) return { ok: false, error: 'bad_answer' };
	await queries.saveAnswer(attemptId, questionId, answer, now, db);
	return { ok: true, data: { saved: true } };
}

interface SaveArgs {
	participantId: number;
	attemptId: number;
	questionId: number;
	answer: unknown;
	now: number;
}
interface SubmitArgs {
	participantId: number;
	attemptId: number;
	prediction: number | null;
	now: number;
}
/** The group-commit queues of contest saves and hand-ins (`AppCaches.contestQueues`). */
export interface AttemptQueues {
	/** The save path's prepared queries (the queue's worker uses them). */
	queries: AttemptSaveQueries;
	save: (args: SaveArgs) => Promise<Outcome<{ saved: true }>>;
	submit: (args: SubmitArgs) => Promise<Outcome<AttemptResult>>;
}

export function createAttemptQueues(db: Db): AttemptQueues {
	const queries = prepareAttemptSave(db);
	return {
		queries,
		save: createBatcher(db, async (tx, a: SaveArgs) =>
			saveAttemptAnswer(tx, a.participantId, a.attemptId, a.questionId, a.answer, a.now, queries)
		),
		submit: createBatcher(db, async (tx, a: SubmitArgs) =>
			submitAttempt(tx, a.participantId, a.attemptId, a.prediction, a.now, queries)
		)
	};
}

/** What the queued saves and hand-ins need of the app (`AppContext` fits). */
export interface QueuesApp {
	readonly db: Db;
	readonly caches: { readonly contestQueues: AttemptQueues };
}

/**
 * The internal id of the participant's own attempt named by its public id, or null (missing and
 * someone else's alike): the first lookup of every save and hand-in, a prepared statement.
 */
export function findOwnAttemptId(
	app: QueuesApp,
	participantId: number,
	publicId: string
): Promise<number | null> {
	return app.caches.contestQueues.queries.ownAttemptId(participantId, publicId);
}

/** `saveAttemptAnswer`, committed with the other saves of this turn of the event loop (group commit). */
export function queueAttemptAnswer(
	app: QueuesApp,
	args: SaveArgs
): Promise<Outcome<{ saved: true }>> {
	return app.caches.contestQueues.save(args);
}

/** `submitAttempt`, committed with the other hand-ins of this turn (the end of a round spikes). */
export function queueSubmitAttempt(
	app: QueuesApp,
	args: SubmitArgs
): Promise<Outcome<AttemptResult>> {
	return app.caches.contestQueues.submit(args);
}

export interface AttemptResult {
	attempt: ContestAttempt;
	/** Whether this attempt is the one that counts in its round. */
	counts: boolean;
}

/** Check a prediction field: empty = none; otherwise a whole number 0..100,000,000. */
export function parsePrediction(
	input: unknown
): { ok: true; value: number | null } | { ok: false } {
	if (input === null || input === undefined || input === '') return { ok: true, value: null };
	const text = String(input).replace(/[\s.,]/g, '');
	if (!/^\d{1,9}$/.test(text)) return { ok: false };
	const value = Number(text);
	return value <= PREDICTION_MAX ? { ok: true, value } : { ok: false };
}

/**
 * Hand in an attempt (also after its time ran out: it then closes with what was answered). A
 * prediction that comes after the time ran out is refused: the attempt closes without it.
 */
export async function submitAttempt(
	db: DbOrTx,
	participantId: number,
	attemptId: number,
	prediction: number | null,
	now: number,
	/** The app's prepared queries (its hand-in queue passes them, with `db` its transaction's `tx`). */
	queries?: AttemptSaveQueries
): Promise<Outcome<AttemptResult>> {
	const own = queries
		? await queries.ownAttempt(participantId, attemptId, db)
		: await getOwnAttempt(db, participantId, attemptId);
	if (!own) return { ok: false, error: 'not_found' };
	if (own.attempt.status !== 'open') return { ok: false, error: 'attempt_closed' };
	if (isExpired(own.attempt, now)) {
		const closed = await closeAttempt(db, own, now, null, true);
		return prediction === null
			? { ok: true, data: closed }
			: { ok: false, error: 'prediction_late' };
	}
	return { ok: true, data: await closeAttempt(db, own, now, prediction, false) };
}

async function closeAttemptById(
	db: DbOrTx,
	attemptId: number,
	now: number,
	expired: boolean
): Promise<void> {
	const found = await getAttemptWithEntry(db, attemptId);
	if (found) await closeAttempt(db, found, now, null, expired);
}

/**
 * Judge and close an attempt, then update the counters that rank it: the entry's counted attempt
 * in the round, the round's entrants and perfect entries (the prediction's answers), and the
 * unit's entrants. One transaction; a second close of the same attempt changes nothing (the
 * close is a conditional update: of two racing, one wins), and the entry's row is locked while
 * its counted attempt is compared and replaced (PostgreSQL runs hand-ins of one entry at once).
 */
export async function closeAttempt(
	db: DbOrTx,
	{ attempt, entry, minMsPerQuestion }: AttemptWithEntry,
	now: number,
	prediction: number | null,
	expired: boolean
): Promise<AttemptResult> {
	const answers = await listAttemptAnswers(db, attempt.id);
	let score = 0;
	// (A `tx` inside the save and hand-in queues; the practice query's type names the database.)
	for (const [id, body] of await getQuestionBodies(db as Db, attempt.questionIds)) {
		const answer = answers.get(id);
		if (answer && judgeAnswer(body, answer).correct) score++;
	}
	const submittedAt = expired ? closedAt(attempt, now) : now;
	const durationMs = completionMs(attempt, submittedAt);
	const status: ClosedAttempt['status'] = expired ? 'expired' : 'submitted';
	const questionCount = attempt.questionIds.length;
	// Faster than a person can read: recorded and shown to the organizer, but never ranked.
	const flagged = !expired && isTooFast(durationMs, answers.size, minMsPerQuestion);

	let counts = false;
	let closedNow = false;
	// One transaction (a savepoint inside the group commit's).
	await transaction(db, async (tx) => {
		const closed = { status, submittedAt, score, durationMs, prediction, flagged };
		if (!(await closeAttemptRow(tx, attempt.id, closed))) return;
		closedNow = true;
		if (flagged) return;
		await lockEntry(tx, entry.id);
		const current = await getBest(tx, attempt.roundId, entry.id);
		const candidate = { score, prediction, durationMs, submittedAt };
		if (!isBetterAttempt(candidate, current ?? null)) return;
		counts = true;
		const row = {
			roundId: attempt.roundId,
			entryId: entry.id,
			contestId: attempt.contestId,
			attemptId: attempt.id,
			questionCount,
			...candidate
		};
		const wasPerfect = !!current && current.score === current.questionCount;
		const isPerfect = score === questionCount;
		await recordBest(tx, row, {
			newEntrant: !current,
			newPerfect: isPerfect && !wasPerfect,
			unitId: entry.unitId
		});
	});
	// Closed by someone else in between (a double tap): report what was stored.
	if (!closedNow) return { attempt: (await getAttemptWithEntry(db, attempt.id))!.attempt, counts };
	return {
		attempt: { ...attempt, status, submittedAt, score, durationMs, prediction, flagged },
		counts
	};
}

/** Whether `answered` answers handed in after `durationMs` beat the contest's minimum time per question. */
export function isTooFast(durationMs: number, answered: number, minMsPerQuestion: number): boolean {
	return answered > 0 && minMsPerQuestion > 0 && durationMs < answered * minMsPerQuestion;
}

/** Close every open attempt of a round (or all rounds) whose time ran out. */
export async function closeOverdue(db: DbOrTx, now: number, roundId?: number): Promise<number> {
	const overdue = await listOverdueAttempts(db, now - ANSWER_GRACE_MS, roundId);
	for (const attempt of overdue) {
		if (isExpired(attempt, now)) await closeAttemptById(db, attempt.id, now, true);
	}
	return overdue.length;
}

export interface AttemptView {
	attempt: ContestAttempt;
	entry: ContestEntry;
	answers: Map<number, unknown>;
}

/** The participant's attempt, closed first when its time has run out (a refresh resumes it otherwise). */
export async function loadAttempt(
	db: DbOrTx,
	participantId: number,
	attemptId: number,
	now: number
): Promise<AttemptView | undefined> {
	let own = await getOwnAttempt(db, participantId, attemptId);
	if (!own) return undefined;
	if (own.attempt.status === 'open' && isExpired(own.attempt, now)) {
		await closeAttempt(db, own, now, null, true);
		own = (await getOwnAttempt(db, participantId, attemptId))!;
	}
	return { ...own, answers: await listAttemptAnswers(db, attemptId) };
}
