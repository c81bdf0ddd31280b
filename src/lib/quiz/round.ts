/**
 * One question's life: open → answers → (pause/resume/add time) → close or skip.
 *
 * Timing: deadline = openedAt + time limit. Pausing freezes the time left (answers wait with
 * PAUSED), resuming sets deadline = now + time left, adding time moves the deadline (or the
 * frozen time left). An answer is late when now > deadline. Response time = now − openedAt −
 * time spent paused, clamped to [0, window].
 *
 * Cost: an answer is O(1) in the number of players (map lookups, one persistent-map insert);
 * a close is O(N log N) (scoring everybody, ranking, rebuilding the player map once).
 */
import { addToDistribution, emptyDistribution } from './distribution';
import { judgeAnswer, toAnswerValue } from './judge';
import { eligibilityOf, eligibleCount, mayAnswer } from './eligibility';
import { decideEliminations } from './modes/elimination';
import { computeTeamStandings } from './modes/teams';
import { accept, refuse } from './outcome';
import { emptyMap, mapFromEntries, mapGet, mapSet, mapValues } from './pmap';
import { countStatus, isPlayerId } from './players';
import { answerFromPhone, revealOf, toPublicQuestion } from './public-question';
import { deriveSeed } from './random';
import { rankChangeOf, rankPlayers } from './ranking';
import { scoreAnswer, scoreMissedAnswer } from './scoring';
import type {
	ApplyResult,
	Command,
	CurrentQuestion,
	GameEvent,
	GameState,
	Player,
	PlayerResult,
	QuestionKind,
	StoredAnswer
} from './types';

export const ADD_TIME_DEFAULT_MS = 10_000;
/** Most time the host may add to one question, in total. */
export const ADDED_TIME_MAX_MS = 300_000;

function mainCount(state: GameState): number {
	return state.kinds.filter((kind) => kind === 'main').length;
}

/** Opens question `index` now. */
export function openQuestionAt(
	state: GameState,
	index: number,
	kind: QuestionKind,
	now: number
): ApplyResult {
	const question = state.questions[index];
	const limitMs = question.timeLimitSec * 1000;
	const round = state.round + 1;
	const mainPlayed = kind === 'main' ? state.mainPlayed + 1 : state.mainPlayed;
	const current: CurrentQuestion = {
		index,
		kind,
		round,
		number: kind === 'main' ? mainPlayed : 0,
		isFinal: state.elimination.finalIndex === index,
		shuffleSeed: deriveSeed(state.seed, index),
		openedAt: now,
		limitMs,
		addedMs: 0,
		deadline: now + limitMs,
		remainingMs: null,
		pausedAt: null,
		pausedMs: 0,
		closed: false,
		skipped: false,
		answers: emptyMap(),
		answered: 0,
		distribution: emptyDistribution(question)
	};
	const next: GameState = {
		...state,
		phase: 'question',
		paused: false,
		round,
		mainPlayed,
		current
	};
	return accept(next, [
		{
			type: 'questionOpened',
			questionIndex: index,
			kind,
			round,
			number: current.number,
			total: mainCount(state),
			isFinal: current.isFinal,
			question: toPublicQuestion(question, { shuffleSeed: current.shuffleSeed }),
			limitMs,
			deadline: now + limitMs,
			eligible: eligibleCount(state.counts, kind)
		}
	]);
}

/** Opens the next question in line (main questions, then tie-break questions). */
export function openNextQuestion(state: GameState, now: number): ApplyResult {
	const [index, ...rest] = state.upcoming;
	if (index === undefined) return refuse('NO_MORE_QUESTIONS');
	return openQuestionAt({ ...state, upcoming: rest }, index, state.kinds[index], now);
}

function acknowledgement(
	state: GameState,
	current: CurrentQuestion,
	playerId: string,
	stored: StoredAnswer,
	duplicate: boolean
): GameEvent {
	return {
		type: 'answerAccepted',
		playerId,
		questionIndex: current.index,
		duplicate,
		responseMs: stored.responseMs,
		correct: stored.correct,
		fraction: stored.fraction,
		points: stored.points,
		streak: stored.streak,
		answered: current.answered,
		eligible: eligibleCount(state.counts, current.kind)
	};
}

/**
 * A player's answer, stamped with `now`. The first accepted answer counts; any later submission
 * for the same question (even after the close, until the next question opens) gets the very
 * same acknowledgement with `duplicate: true` and changes nothing.
 */
export function submitAnswer(
	state: GameState,
	command: Extract<Command, { type: 'submitAnswer' }>,
	now: number
): ApplyResult {
	const { playerId, questionIndex } = command;
	if (!isPlayerId(playerId) || !Number.isInteger(questionIndex)) return refuse('INVALID_COMMAND');
	const player = mapGet(state.players, playerId);
	if (!player) return refuse('NOT_IN_GAME');
	if (player.status === 'kicked') return refuse('KICKED');
	const current = state.current;
	const earlier =
		current && current.index === questionIndex ? mapGet(current.answers, playerId) : undefined;
	if (current && earlier)
		return accept(state, [acknowledgement(state, current, playerId, earlier, true)]);
	if (state.phase !== 'question' || !current) return refuse('NOT_OPEN');
	if (current.index !== questionIndex) return refuse('WRONG_QUESTION');
	if (state.paused) return refuse('PAUSED');
	if (current.deadline !== null && now > current.deadline) return refuse('LATE');
	const eligibility = eligibilityOf(player.status, current.kind);
	if (eligibility === 'eliminated') return refuse('ELIMINATED');
	if (eligibility !== 'answer') return refuse('NOT_ELIGIBLE');

	const question = state.questions[current.index];
	// Ordering answers arrive as the delivered ids; the engine judges canonical indices.
	const answer = toAnswerValue(
		question,
		answerFromPhone(question, command.answer, current.shuffleSeed)
	);
	if (answer === null) return refuse('INVALID_ANSWER');
	const judgement = judgeAnswer(question, answer);
	const responseMs = Math.min(
		Math.max(now - current.openedAt - current.pausedMs, 0),
		current.limitMs
	);
	const score =
		current.kind === 'rescue'
			? { points: 0, streakBonus: 0, streak: player.streak }
			: scoreAnswer({
					mode: state.config.scoring,
					multiplier: question.points,
					judgement,
					responseMs,
					timeLimitMs: question.timeLimitSec * 1000,
					streak: player.streak
				});
	const stored: StoredAnswer = {
		at: now,
		responseMs,
		answer,
		correct: judgement.correct,
		fraction: judgement.fraction,
		points: score.points,
		streakBonus: score.streakBonus,
		streak: score.streak
	};
	const nextCurrent: CurrentQuestion = {
		...current,
		answers: mapSet(current.answers, playerId, stored),
		answered: current.answered + 1,
		distribution: addToDistribution(current.distribution, stored)
	};
	const next: GameState = { ...state, current: nextCurrent };
	return accept(next, [acknowledgement(next, nextCurrent, playerId, stored, false)]);
}

function openCurrent(state: GameState): CurrentQuestion | null {
	return state.phase === 'question' && state.current && !state.current.closed
		? state.current
		: null;
}

/** Freezes the timer; answers are refused with PAUSED until `resume`. */
export function pause(state: GameState, now: number): ApplyResult {
	const current = openCurrent(state);
	if (!current) return refuse('WRONG_PHASE');
	if (state.paused || current.deadline === null) return refuse('PAUSED');
	if (now > current.deadline) return refuse('TIME_UP');
	const remainingMs = current.deadline - now;
	return accept(
		{
			...state,
			paused: true,
			current: { ...current, deadline: null, remainingMs, pausedAt: now }
		},
		[{ type: 'questionPaused', questionIndex: current.index, remainingMs }]
	);
}

/** Restarts the timer with the time that was left: deadline = now + time left. */
export function resume(state: GameState, now: number): ApplyResult {
	const current = openCurrent(state);
	if (!current) return refuse('WRONG_PHASE');
	if (!state.paused || current.remainingMs === null || current.pausedAt === null)
		return refuse('NOT_PAUSED');
	const deadline = now + current.remainingMs;
	const pausedMs = current.pausedMs + Math.max(0, now - current.pausedAt);
	return accept(
		{
			...state,
			paused: false,
			current: { ...current, deadline, remainingMs: null, pausedAt: null, pausedMs }
		},
		[
			{
				type: 'questionResumed',
				questionIndex: current.index,
				deadline,
				remainingMs: current.remainingMs
			}
		]
	);
}

/** Adds time (default 10 s) to the open question, running or paused. */
export function addTime(
	state: GameState,
	command: Extract<Command, { type: 'addTime' }>,
	now: number
): ApplyResult {
	const ms = command.ms ?? ADD_TIME_DEFAULT_MS;
	if (!Number.isInteger(ms) || ms <= 0 || ms > ADDED_TIME_MAX_MS) return refuse('INVALID_COMMAND');
	const current = openCurrent(state);
	if (!current) return refuse('WRONG_PHASE');
	if (current.deadline !== null && now > current.deadline) return refuse('TIME_UP');
	if (current.addedMs + ms > ADDED_TIME_MAX_MS) return refuse('TIME_LIMIT_REACHED');
	const deadline = current.deadline === null ? null : current.deadline + ms;
	const remainingMs = current.remainingMs === null ? null : current.remainingMs + ms;
	const nextCurrent: CurrentQuestion = {
		...current,
		limitMs: current.limitMs + ms,
		addedMs: current.addedMs + ms,
		deadline,
		remainingMs
	};
	return accept({ ...state, current: nextCurrent }, [
		{
			type: 'timeAdded',
			questionIndex: current.index,
			addedMs: ms,
			limitMs: nextCurrent.limitMs,
			deadline,
			remainingMs: remainingMs ?? (deadline as number) - now
		}
	]);
}

function resultOf(player: Player, stored: StoredAnswer | undefined): PlayerResult {
	return {
		playerId: player.id,
		nickname: player.nickname,
		team: player.team,
		answered: stored !== undefined,
		correct: stored?.correct ?? false,
		fraction: stored?.fraction ?? 0,
		points: stored?.points ?? 0,
		responseMs: stored?.responseMs ?? null,
		streak: player.streak,
		score: player.score,
		rank: player.rank,
		rankChange: rankChangeOf(player),
		status: player.status
	};
}

interface Closing {
	state: GameState;
	current: CurrentQuestion;
}

/** Scores a main or tie-break question for every player in, eliminates, ranks. */
function scoreClose({ state, current }: Closing): ApplyResult {
	const { config } = state;
	const question = state.questions[current.index];
	const everyone = mapValues(state.players);
	const inGame = everyone.filter((player) => mayAnswer(player.status, current.kind));
	const updated = new Map<string, Player>();
	for (const player of inGame) {
		const stored = mapGet(current.answers, player.id);
		updated.set(
			player.id,
			stored
				? {
						...player,
						score: player.score + stored.points,
						streak: stored.streak,
						timeMs: player.timeMs + stored.responseMs,
						answered: player.answered + 1,
						correct: player.correct + (stored.correct ? 1 : 0)
					}
				: {
						...player,
						streak: scoreMissedAnswer(question.points, player.streak).streak,
						timeMs: player.timeMs + current.limitMs
					}
		);
	}

	let counts = state.counts;
	const decision =
		config.mode === 'elimination'
			? decideEliminations(inGame, current.answers, config.elimination)
			: null;
	for (const id of decision?.out ?? []) {
		const player = updated.get(id) as Player;
		updated.set(id, { ...player, status: 'eliminated', eliminatedRound: current.round });
	}
	if (decision && decision.out.length > 0)
		counts = countStatus(counts, 'active', 'eliminated', decision.out.length);

	const ranked = rankPlayers(
		everyone.map((player) => updated.get(player.id) ?? player),
		config.mode,
		true
	);
	for (const player of ranked) updated.set(player.id, player);
	const players = everyone.map((player) => updated.get(player.id) ?? player);
	const inGameIds = new Set(inGame.map((player) => player.id));
	const results = ranked
		.filter((player) => inGameIds.has(player.id))
		.map((player) => resultOf(player, mapGet(current.answers, player.id)));

	const elimination = { ...state.elimination };
	const remaining = config.mode === 'elimination' ? counts.active : null;
	if (
		current.isFinal ||
		current.kind === 'tiebreak' ||
		state.upcoming.every((index) => state.kinds[index] !== 'main')
	)
		elimination.rescueClosed = true;
	const followUps: GameEvent[] = [];
	if (decision && decision.out.length > 0)
		followUps.push({
			type: 'playersEliminated',
			questionIndex: current.index,
			playerIds: decision.out,
			remaining: counts.active
		});
	if (decision?.allFailedKept)
		followUps.push({
			type: 'allFailedKept',
			questionIndex: current.index,
			remaining: counts.active
		});
	if (config.mode === 'elimination') {
		const sole = counts.active === 1 ? ranked.find((p) => p.status === 'active') : undefined;
		if (sole && elimination.winnerId !== sole.id)
			followUps.push({
				type: 'winner',
				playerId: sole.id,
				nickname: sole.nickname,
				questionIndex: current.index
			});
		elimination.winnerId = sole ? sole.id : null;
	}
	const teamStandings = computeTeamStandings(config, players);
	const next: GameState = {
		...state,
		current,
		counts,
		elimination,
		teamStandings,
		players: mapFromEntries(players.map((player): [string, Player] => [player.id, player])),
		ranking: ranked.map((player) => player.id),
		results: mapFromEntries(
			results.map((result): [string, PlayerResult] => [result.playerId, result])
		)
	};
	return accept(next, [
		{
			type: 'questionClosed',
			questionIndex: current.index,
			kind: current.kind,
			skipped: false,
			reveal: revealOf(question),
			distribution: current.distribution,
			eligible: inGame.length,
			results,
			teams: config.mode === 'teams' ? teamStandings : null,
			remaining,
			isLast: state.upcoming.length === 0
		},
		...followUps
	]);
}

/** A rescue question: eliminated players who answered it fully correctly are back in. */
function rescueClose({ state, current }: Closing): ApplyResult {
	const { config } = state;
	const question = state.questions[current.index];
	const everyone = mapValues(state.players);
	const candidates = everyone.filter((player) => mayAnswer(player.status, 'rescue'));
	const back = new Set(
		candidates
			.filter((player) => mapGet(current.answers, player.id)?.correct === true)
			.map((player) => player.id)
	);
	const merged = everyone.map((player) =>
		back.has(player.id) ? { ...player, status: 'active' as const, eliminatedRound: null } : player
	);
	const ranked = rankPlayers(merged, config.mode, false);
	const rankedById = new Map(ranked.map((player) => [player.id, player]));
	const players = merged.map((player) => rankedById.get(player.id) ?? player);
	const candidateIds = new Set(candidates.map((player) => player.id));
	const results = ranked
		.filter((player) => candidateIds.has(player.id))
		.map((player) => resultOf(player, mapGet(current.answers, player.id)));
	const counts = countStatus(state.counts, 'eliminated', 'active', back.size);
	const elimination = {
		...state.elimination,
		winnerId: counts.active > 1 ? null : state.elimination.winnerId
	};
	const next: GameState = {
		...state,
		current,
		counts,
		elimination,
		players: mapFromEntries(players.map((player): [string, Player] => [player.id, player])),
		ranking: ranked.map((player) => player.id),
		results: mapFromEntries(
			results.map((result): [string, PlayerResult] => [result.playerId, result])
		)
	};
	return accept(next, [
		{
			type: 'questionClosed',
			questionIndex: current.index,
			kind: current.kind,
			skipped: false,
			reveal: revealOf(question),
			distribution: current.distribution,
			eligible: candidates.length,
			results,
			teams: null,
			remaining: counts.active,
			isLast: state.upcoming.length === 0
		},
		{
			type: 'rescued',
			variant: 'question',
			playerIds: candidates
				.filter((player) => back.has(player.id))
				.sort((a, b) => a.seq - b.seq)
				.map((player) => player.id),
			remaining: counts.active,
			rescuesUsed: state.elimination.rescuesUsed
		}
	]);
}

/**
 * Closes the open question (timer or host). With `skip`, nothing is scored, nobody is
 * eliminated or rescued and streaks are untouched; the reveal still follows.
 */
export function closeQuestion(
	state: GameState,
	skip: boolean,
	questionIndex?: number
): ApplyResult {
	const open = openCurrent(state);
	if (!open) return refuse('WRONG_PHASE');
	if (questionIndex !== undefined && questionIndex !== open.index) return refuse('WRONG_QUESTION');
	const current: CurrentQuestion = {
		...open,
		closed: true,
		skipped: skip,
		deadline: null,
		remainingMs: null,
		pausedAt: null
	};
	const closing: Closing = {
		state: { ...state, phase: 'reveal', paused: false },
		current
	};
	if (!skip) return current.kind === 'rescue' ? rescueClose(closing) : scoreClose(closing);
	const { config } = state;
	return accept({ ...closing.state, current, results: emptyMap() }, [
		{
			type: 'questionClosed',
			questionIndex: current.index,
			kind: current.kind,
			skipped: true,
			reveal: revealOf(state.questions[current.index]),
			distribution: current.distribution,
			eligible: eligibleCount(state.counts, current.kind),
			results: [],
			teams: config.mode === 'teams' ? state.teamStandings : null,
			remaining: config.mode === 'elimination' ? state.counts.active : null,
			isLast: state.upcoming.length === 0
		}
	]);
}
