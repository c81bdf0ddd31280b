/** What the public contest page shows a visitor: rules, rounds, their entry and attempts. */
import type { Db } from '../db';
import type { Participant } from '../db/schema';
import { getPublishedContest, listContestRounds } from '../db/queries/contests';
import { findEntry } from '../db/queries/contest-entries';
import { getBest, listEntryAttempts, ownAttemptId } from '../db/queries/contest-attempts';
import { roundRankOf } from '../db/queries/contest-standings';
import { getQuestionBodies } from '../db/queries/practice';
import { answerForPhone, judgeAnswer, revealOf, toPublicQuestion } from '../../quiz/judge';
import type { AnswerValue } from '../../quiz/question';
import { deriveSeed } from '../../quiz/random';
import { isRevealed, predictionTruth } from './standings';
import { getUnitById, listUnits } from '../db/queries/participants';
import { mixSize } from '../../practice/draw';
import { isExpired } from '../../practice/timing';
import { closeOverdue, loadAttempt, openRound } from './attempts';

export type RoundState = 'open' | 'upcoming' | 'closed';

export async function contestPage(
	db: Db,
	contestId: number,
	participant: Participant | null,
	now: number
) {
	const c = await getPublishedContest(db, contestId);
	if (!c) return undefined;
	const rounds = await listContestRounds(db, c.id);
	const current = openRound(rounds, now) ?? null;
	const entry = participant ? ((await findEntry(db, c.id, participant.id)) ?? null) : null;
	if (entry && current) await closeOverdue(db, now, current.id);
	const attempts = entry && current ? await listEntryAttempts(db, entry.id, current.id) : [];
	const unitName = entry ? ((await getUnitById(db, entry.unitId))?.name ?? '') : '';
	const units = entry
		? []
		: (await listUnits(db, c.organizationId)).map((u) => ({ id: u.id, name: u.name }));
	const running = attempts.find((a) => a.status === 'open' && !isExpired(a, now)) ?? null;
	return {
		contest: {
			id: c.id,
			title: c.title,
			description: c.description,
			organizationName: c.organizationName,
			timeZone: c.timeZone,
			questionCount: mixSize(c.mix),
			timeLimitSec: c.timeLimitSec,
			attemptsPerRound: c.attemptsPerRound,
			hasPrediction: c.predictionKind !== null
		},
		rounds: rounds.map((r) => ({
			id: r.id,
			title: r.title,
			opensAt: r.opensAt.getTime(),
			closesAt: r.closesAt.getTime(),
			state: (now < r.opensAt.getTime()
				? 'upcoming'
				: now >= r.closesAt.getTime()
					? 'closed'
					: 'open') as RoundState
		})),
		currentRoundId: current?.id ?? null,
		entry: entry ? { fullName: entry.fullName, unitName } : null,
		attempts: attempts.map((a) => ({
			id: a.publicId,
			number: a.number,
			status: a.status,
			score: a.score,
			total: a.questionIds.length,
			durationMs: a.durationMs,
			flagged: a.flagged
		})),
		runningAttemptId: running?.publicId ?? null,
		attemptsLeft: Math.max(0, c.attemptsPerRound - attempts.length),
		units
	};
}

/**
 * The attempt page: while open, its questions as a phone may see them (no key) with the saved
 * answers and the server's deadline; once closed, the result, the provisional rank, and — after
 * the round has closed — the answers.
 */
export async function attemptPage(
	db: Db,
	contestId: number,
	participantId: number,
	publicId: string,
	now: number
) {
	// Someone else's attempt and a missing one are the same: undefined (a 404).
	const attemptId = await ownAttemptId(db, participantId, publicId);
	const view = attemptId ? await loadAttempt(db, participantId, attemptId, now) : undefined;
	if (!view || view.attempt.contestId !== contestId) return undefined;
	const c = await getPublishedContest(db, contestId);
	const round = (await listContestRounds(db, contestId)).find((r) => r.id === view.attempt.roundId);
	if (!c || !round) return undefined;
	const { attempt } = view;
	const bodies = await getQuestionBodies(db, attempt.questionIds);
	const questions = attempt.questionIds.flatMap((id) => {
		const body = bodies.get(id);
		return body
			? [
					{
						id,
						question: toPublicQuestion(body, { shuffleSeed: deriveSeed(attempt.seed, id) }),
						body
					}
				]
			: [];
	});
	const base = {
		contest: { id: c.id, title: c.title, predictionText: c.predictionText },
		round: { id: round.id, title: round.title, closed: now >= round.closesAt.getTime() },
		attempt: {
			id: attempt.publicId,
			number: attempt.number,
			status: attempt.status,
			total: attempt.questionIds.length,
			deadlineAt: attempt.deadlineAt,
			score: attempt.score,
			durationMs: attempt.durationMs,
			prediction: attempt.prediction,
			flagged: attempt.flagged
		},
		serverNow: now
	};
	if (attempt.status === 'open') {
		return {
			...base,
			questions: questions.map(({ id, question, body }) => {
				const saved = view.answers.get(id) as AnswerValue | undefined;
				// Saved ordering answers go back as the delivered ids, never canonical indices.
				const answer = saved ? answerForPhone(body, saved, deriveSeed(attempt.seed, id)) : null;
				return { id, question, answer };
			}),
			result: null
		};
	}
	const best = await getBest(db, round.id, view.entry.id);
	// Until the round closes the provisional rank leaves predictions out: it would hint at the truth.
	const truth = isRevealed(round, now) ? predictionTruth(c, round) : null;
	const rank = best ? await roundRankOf(db, round.id, truth, best) : null;
	const counts = best?.attemptId === attempt.id;
	return {
		...base,
		questions: [],
		result: {
			rank,
			counts,
			// Answers stay hidden until the round closes: a second attempt could use them.
			review: base.round.closed
				? questions.map(({ id, question, body }) => {
						const given = view.answers.get(id);
						return {
							questionId: id,
							question,
							reveal: revealOf(body),
							correct: given ? judgeAnswer(body, given).correct : false
						};
					})
				: null
		}
	};
}
