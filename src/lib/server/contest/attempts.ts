/**
 * Online-contest attempts, with the server as the only clock: registering, starting an attempt
 * (drawn by the contest's mix), saving answers while the clock runs, handing in, and closing
 * attempts the clock ran out on. Every function takes `now`, so tests inject the time.
 */
import { createHash, randomInt } from 'node:crypto';
import type { Db } from '../db';
import type { Contest, ContestAttempt, ContestEntry, ContestRound } from '../db/schema';
import {
	attemptStatements,
	contestPool,
	countEntriesFromAddress,
	findEntry,
	getAttemptWithEntry,
	getOwnAttempt,
	insertAttempt,
	insertEntry,
	isContestPhoneTaken,
	listAttemptAnswers,
	listContestRounds,
	listEntryAttempts,
	listOverdueAttempts,
	questionBodiesJson,
	type AttemptWithEntry
} from '../db/queries/contests';
import { getUnit } from '../db/queries/participants';
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
import type { Question } from '../../quiz/question';
import { createBatcher } from '../practice/batch';

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
export function checkRegistration(
	db: Db,
	c: Pick<Contest, 'id' | 'organizationId'>,
	input: { fullName: unknown; phone: unknown; unitId: unknown }
): {
	errors: Partial<Record<keyof RegistrationInput, ContestError>>;
	clean: RegistrationInput | null;
} {
	const errors: Partial<Record<keyof RegistrationInput, ContestError>> = {};
	const fullName =
		typeof input.fullName === 'string' ? input.fullName.replace(/\s+/g, ' ').trim() : '';
	if (fullName.length < 2 || fullName.length > FULL_NAME_MAX) errors.fullName = 'name_invalid';
	const phone = typeof input.phone === 'string' ? normalizePhone(input.phone) : null;
	if (!phone) errors.phone = 'phone_invalid';
	else if (isContestPhoneTaken(db, c.id, phone)) errors.phone = 'phone_taken';
	const unitId = Number(input.unitId);
	if (!Number.isInteger(unitId) || !getUnit(db, c.organizationId, unitId))
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
export function registerEntry(
	db: Db,
	c: Pick<Contest, 'id' | 'organizationId' | 'entriesPerAddress'>,
	participantId: number,
	input: RegistrationInput,
	now: number,
	address?: string
): Outcome<ContestEntry> {
	if (findEntry(db, c.id, participantId)) return { ok: false, error: 'already_registered' };
	const addressKey = address ? addressKeyOf(address) : null;
	if (addressKey && c.entriesPerAddress > 0) {
		if (countEntriesFromAddress(db, c.id, addressKey) >= c.entriesPerAddress)
			return { ok: false, error: 'entry_cap' };
	}
	try {
		const entry = insertEntry(
			db,
			{ contestId: c.id, organizationId: c.organizationId, participantId, ...input, addressKey },
			now
		);
		return { ok: true, data: entry };
	} catch (err) {
		// Two taps racing past the checks: the unique indexes decide.
		if (String((err as Error).message).includes('UNIQUE'))
			return { ok: false, error: 'phone_taken' };
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

const poolCache = new WeakMap<Db, Map<number, { pool: PoolQuestion[]; at: number }>>();
const POOL_TTL_MS = 60_000;

/** The contest's question pool, cached for a minute (a round's start brings many attempts at once). */
export function cachedPool(db: Db, c: Contest, now: number): PoolQuestion[] {
	let byContest = poolCache.get(db);
	if (!byContest) poolCache.set(db, (byContest = new Map()));
	const hit = byContest.get(c.id);
	if (hit && now - hit.at < POOL_TTL_MS && hit.at >= c.updatedAt.getTime()) return hit.pool;
	const pool = contestPool(db, c.organizationId, c.bankIds);
	byContest.set(c.id, { pool, at: now });
	return pool;
}

/**
 * Start the entry's next attempt in the open round, or return the attempt already running
 * (a refresh resumes it). Refuses a closed round and an attempt beyond the allowance.
 */
export function startAttempt(
	db: Db,
	c: Contest,
	entry: ContestEntry,
	now: number,
	seed = randomInt(0, 2 ** 31 - 1)
): Outcome<ContestAttempt> {
	const round = openRound(listContestRounds(db, c.id), now);
	if (!round) return { ok: false, error: 'round_closed' };
	closeOverdue(db, now, round.id);
	const attempts = listEntryAttempts(db, entry.id, round.id);
	const running = attempts.find((a) => a.status === 'open');
	if (running) return { ok: true, data: running };
	if (attempts.length >= c.attemptsPerRound) return { ok: false, error: 'no_attempts_left' };
	const questionIds = drawQuestions(cachedPool(db, c, now), c.mix, seed);
	if (!questionIds || questionIds.length === 0) return { ok: false, error: 'pool_short' };
	try {
		const attempt = insertAttempt(db, {
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
		if (String((err as Error).message).includes('UNIQUE')) {
			const again = listEntryAttempts(db, entry.id, round.id).find((a) => a.status === 'open');
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
export function saveAttemptAnswer(
	db: Db,
	participantId: number,
	attemptId: number,
	questionId: number,
	rawAnswer: unknown,
	now: number
): Outcome<{ saved: true }> {
	const st = attemptStatements(db);
	const attempt = st.attemptForSave.get(attemptId, participantId);
	if (!attempt) return { ok: false, error: 'not_found' };
	if (attempt.status !== 'open') return { ok: false, error: 'attempt_closed' };
	const clock = { startedAt: 0, deadlineAt: attempt.deadline_at };
	if (!acceptsAnswers(clock, now)) {
		closeAttemptById(db, attemptId, now, true);
		return { ok: false, error: 'attempt_closed' };
	}
	const ids = JSON.parse(attempt.question_ids) as number[];
	if (!ids.includes(questionId)) return { ok: false, error: 'question_not_in_attempt' };
	const body = st.questionBody.get(questionId);
	if (!body) return { ok: false, error: 'question_not_in_attempt' };
	const question = JSON.parse(body.body) as Question;
	// Ordering: the ids as delivered in this attempt, mapped through its seed (never sent out).
	const delivered = answerFromPhone(question, rawAnswer, deriveSeed(attempt.seed, questionId));
	const answer = toAnswerValue(question, delivered);
	if (!answer) return { ok: false, error: 'bad_answer' };
	st.saveAnswer.run(attemptId, questionId, JSON.stringify(answer), now);
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
const saveQueues = new WeakMap<Db, (args: SaveArgs) => Promise<Outcome<{ saved: true }>>>();
const submitQueues = new WeakMap<Db, (args: SubmitArgs) => Promise<Outcome<AttemptResult>>>();

/** `saveAttemptAnswer`, committed with the other saves of this turn of the event loop (batch.ts). */
export function queueAttemptAnswer(db: Db, args: SaveArgs): Promise<Outcome<{ saved: true }>> {
	let queue = saveQueues.get(db);
	if (!queue) {
		queue = createBatcher(db, (a: SaveArgs) =>
			saveAttemptAnswer(db, a.participantId, a.attemptId, a.questionId, a.answer, a.now)
		);
		saveQueues.set(db, queue);
	}
	return queue(args);
}

/** `submitAttempt`, committed with the other hand-ins of this turn (the end of a round spikes). */
export function queueSubmitAttempt(db: Db, args: SubmitArgs): Promise<Outcome<AttemptResult>> {
	let queue = submitQueues.get(db);
	if (!queue) {
		queue = createBatcher(db, (a: SubmitArgs) =>
			submitAttempt(db, a.participantId, a.attemptId, a.prediction, a.now)
		);
		submitQueues.set(db, queue);
	}
	return queue(args);
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
export function submitAttempt(
	db: Db,
	participantId: number,
	attemptId: number,
	prediction: number | null,
	now: number
): Outcome<AttemptResult> {
	const own = getOwnAttempt(db, participantId, attemptId);
	if (!own) return { ok: false, error: 'not_found' };
	if (own.attempt.status !== 'open') return { ok: false, error: 'attempt_closed' };
	if (isExpired(own.attempt, now)) {
		const closed = closeAttempt(db, own, now, null, true);
		return prediction === null
			? { ok: true, data: closed }
			: { ok: false, error: 'prediction_late' };
	}
	return { ok: true, data: closeAttempt(db, own, now, prediction, false) };
}

function closeAttemptById(db: Db, attemptId: number, now: number, expired: boolean): void {
	const found = getAttemptWithEntry(db, attemptId);
	if (found) closeAttempt(db, found, now, null, expired);
}

/**
 * Judge and close an attempt, then update the counters that rank it: the entry's counted attempt
 * in the round, the round's entrants and perfect entries (the prediction's answers), and the
 * unit's entrants. One transaction; a second close of the same attempt changes nothing.
 */
export function closeAttempt(
	db: Db,
	{ attempt, entry, minMsPerQuestion }: AttemptWithEntry,
	now: number,
	prediction: number | null,
	expired: boolean
): AttemptResult {
	const st = attemptStatements(db);
	const answers = listAttemptAnswers(db, attempt.id);
	const bodies = questionBodiesJson(db, attempt.questionIds);
	let score = 0;
	for (const row of bodies) {
		const answer = answers.get(row.id);
		if (answer && judgeAnswer(JSON.parse(row.body) as Question, answer).correct) score++;
	}
	const submittedAt = expired ? closedAt(attempt, now) : now;
	const durationMs = completionMs(attempt, submittedAt);
	const status = expired ? 'expired' : 'submitted';
	const questionCount = attempt.questionIds.length;
	// Faster than a person can read: recorded and shown to the organizer, but never ranked.
	const flagged = !expired && isTooFast(durationMs, answers.size, minMsPerQuestion);

	let counts = false;
	let closedNow = false;
	db.$client.transaction(() => {
		const changed = st.closeAttempt.run(
			status,
			submittedAt,
			score,
			durationMs,
			prediction,
			flagged ? 1 : 0,
			attempt.id
		);
		if (changed.changes === 0) return;
		closedNow = true;
		if (flagged) return;
		const current = st.best.get(attempt.roundId, entry.id);
		const candidate = { score, prediction, durationMs, submittedAt };
		const currentStanding = current
			? {
					score: current.score,
					prediction: current.prediction,
					durationMs: current.duration_ms,
					submittedAt: current.submitted_at
				}
			: null;
		if (!isBetterAttempt(candidate, currentStanding)) return;
		counts = true;
		st.upsertBest.run(
			attempt.roundId,
			entry.id,
			attempt.contestId,
			attempt.id,
			score,
			questionCount,
			prediction,
			durationMs,
			submittedAt
		);
		const wasPerfect = !!current && current.score === current.question_count;
		const isPerfect = score === questionCount;
		st.bumpRound.run(current ? 0 : 1, isPerfect && !wasPerfect ? 1 : 0, attempt.roundId);
		if (st.firstSubmission.run(submittedAt, entry.id).changes > 0) {
			st.bumpUnitEntrants.run(attempt.contestId, entry.unitId);
		}
	})();
	// Closed by someone else in between (a double tap): report what was stored.
	if (!closedNow) return { attempt: getAttemptWithEntry(db, attempt.id)!.attempt, counts };
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
export function closeOverdue(db: Db, now: number, roundId?: number): number {
	const overdue = listOverdueAttempts(db, now - ANSWER_GRACE_MS, roundId);
	for (const attempt of overdue) {
		if (isExpired(attempt, now)) closeAttemptById(db, attempt.id, now, true);
	}
	return overdue.length;
}

export interface AttemptView {
	attempt: ContestAttempt;
	entry: ContestEntry;
	answers: Map<number, unknown>;
}

/** The participant's attempt, closed first when its time has run out (a refresh resumes it otherwise). */
export function loadAttempt(
	db: Db,
	participantId: number,
	attemptId: number,
	now: number
): AttemptView | undefined {
	let own = getOwnAttempt(db, participantId, attemptId);
	if (!own) return undefined;
	if (own.attempt.status === 'open' && isExpired(own.attempt, now)) {
		closeAttempt(db, own, now, null, true);
		own = getOwnAttempt(db, participantId, attemptId)!;
	}
	return { ...own, answers: listAttemptAnswers(db, attemptId) };
}
