import { describe, expect, it } from 'vitest';
import { getLeaderboard } from '../selectors';
import { multipleQuestion, singleQuestion, trueFalseQuestion } from '../testing/factories';
import { pick, T0, TestGame, yes } from '../testing/test-game';
import type { Question } from '../question';
import type { GameConfigInput } from '../types';

const S = 1000;

/** Four single-choice questions whose correct option is 1. */
const fourQuestions = () =>
	[1, 2, 3, 4].map((n) => singleQuestion({ text: `Câu ${n}`, correct: 1 }));

function eliminationGame(
	players: string[],
	rules: GameConfigInput['elimination'] = {},
	questions: Question[] = fourQuestions()
) {
	return new TestGame({ mode: 'elimination', elimination: rules }, questions).join(...players);
}

/** Opens the next question, has `right` answer correctly and `wrong` incorrectly, closes it. */
function playQuestion(game: TestGame, right: string[], wrong: string[] = []) {
	game.do(game.state.phase === 'lobby' ? { type: 'start' } : { type: 'openQuestion' });
	for (const id of right) game.answer(id, pick(1));
	for (const id of wrong) game.answer(id, pick(0));
	return game.do({ type: 'closeQuestion' });
}

describe('eliminating players (Rung chuông vàng)', () => {
	it('eliminates wrong and missing answers at the close', () => {
		const game = eliminationGame(['a', 'b', 'c', 'd']);
		playQuestion(game, ['a', 'd'], ['b']);
		expect(game.event('playersEliminated')).toEqual({
			type: 'playersEliminated',
			questionIndex: 0,
			playerIds: ['b', 'c'],
			remaining: 2
		});
		expect(game.event('questionClosed').remaining).toBe(2);
		expect(game.player('b').status).toBe('eliminated');
		expect(game.state.counts).toMatchObject({ active: 2, eliminated: 2 });
	});

	it('shows how many players remain on the leaderboard', () => {
		const game = eliminationGame(['a', 'b', 'c']);
		playQuestion(game, ['a', 'b'], ['c']);
		game.do({ type: 'showLeaderboard' });
		expect(game.event('leaderboardShown').remaining).toBe(2);
	});

	it('lets eliminated players watch but not answer', () => {
		const game = eliminationGame(['a', 'b', 'c']);
		playQuestion(game, ['a', 'c'], ['b']);
		game.do({ type: 'openQuestion' });
		expect(game.event('questionOpened').eligible).toBe(2);
		expect(
			game.refused({ type: 'submitAnswer', playerId: 'b', questionIndex: 1, answer: pick(1) })
		).toBe('ELIMINATED');
	});

	it('eliminates a partly right answer', () => {
		const game = eliminationGame(['a', 'b'], {}, [multipleQuestion({ correct: [0, 1] })]);
		game.do({ type: 'start' });
		game.answer('a', { type: 'multiple', choices: [0, 1] });
		game.answer('b', { type: 'multiple', choices: [0] });
		game.do({ type: 'closeQuestion' });
		expect(game.event('playersEliminated').playerIds).toEqual(['b']);
	});

	it('keeps everybody in when all of them fail the same question (the default)', () => {
		const game = eliminationGame(['a', 'b', 'c']);
		playQuestion(game, [], ['a', 'b']);
		expect(game.events.map((event) => event.type)).toEqual(['questionClosed', 'allFailedKept']);
		expect(game.event('allFailedKept').remaining).toBe(3);
		expect(game.state.counts.active).toBe(3);
	});

	it('can eliminate everybody instead, leaving no winner', () => {
		const game = eliminationGame(['a', 'b'], { whenAllFail: 'eliminate' });
		playQuestion(game, [], ['a', 'b']);
		expect(game.event('playersEliminated')).toMatchObject({ playerIds: ['a', 'b'], remaining: 0 });
		expect(game.events.some((event) => event.type === 'winner')).toBe(false);
		game.do({ type: 'end' });
		expect(game.event('gameEnded').winnerId).toBeNull();
	});

	it('announces the winner once when exactly one player remains', () => {
		const game = eliminationGame(['a', 'b', 'c']);
		playQuestion(game, ['b'], ['a', 'c']);
		expect(game.event('winner')).toEqual({
			type: 'winner',
			playerId: 'b',
			nickname: 'Người b',
			questionIndex: 0
		});
		playQuestion(game, ['b']);
		expect(game.events.some((event) => event.type === 'winner')).toBe(false);
		playQuestion(game, [], ['b']);
		expect(game.player('b').status).toBe('active');
		game.do({ type: 'end' });
		expect(game.event('gameEnded').winnerId).toBe('b');
	});

	it('ranks players still in first, then the later eliminated above the earlier', () => {
		const game = eliminationGame(['a', 'b', 'c']);
		game.do({ type: 'start' }, T0);
		game.answer('a', pick(0), T0); // out first, despite answering fastest
		game.answer('b', pick(1), T0 + 19 * S);
		game.answer('c', pick(1), T0 + 19 * S);
		game.do({ type: 'closeQuestion' });
		playQuestion(game, ['c'], ['b']);
		expect(getLeaderboard(game.state).map((e) => [e.playerId, e.rank, e.status])).toEqual([
			['c', 1, 'active'],
			['b', 2, 'eliminated'],
			['a', 3, 'eliminated']
		]);
	});

	it('makes players who join after the start spectators who cannot answer or be rescued', () => {
		const game = eliminationGame(['a', 'b', 'c']);
		playQuestion(game, ['a', 'b'], ['c']);
		game.join('late');
		expect(game.player('late').status).toBe('spectator');
		game.do({ type: 'rescue', variant: 'all' });
		expect(game.event('rescued').playerIds).toEqual(['c']);
		game.do({ type: 'openQuestion' });
		expect(
			game.refused({ type: 'submitAnswer', playerId: 'late', questionIndex: 1, answer: pick(1) })
		).toBe('NOT_ELIGIBLE');
	});
});

describe('rescuing eliminated players', () => {
	it('brings all eliminated players back', () => {
		const game = eliminationGame(['a', 'b', 'c', 'd']);
		playQuestion(game, ['a'], ['b', 'c', 'd']);
		game.do({ type: 'rescue', variant: 'all' });
		expect(game.event('rescued')).toEqual({
			type: 'rescued',
			variant: 'all',
			playerIds: ['b', 'c', 'd'],
			remaining: 4,
			rescuesUsed: 1
		});
		game.do({ type: 'openQuestion' });
		game.answer('b', pick(1));
		expect(game.event('answerAccepted').correct).toBe(true);
	});

	/**
	 * c goes out on question 1 with partial credit worth 1333 points; d answers question 1 at the
	 * buzzer (1000 points) and goes out on question 2; a and b stay in.
	 */
	function twoRoundsOut() {
		const questions = [
			multipleQuestion({ correct: [0, 1, 3], points: 2 }),
			...fourQuestions().slice(1)
		];
		const game = eliminationGame(['a', 'b', 'c', 'd'], {}, questions);
		game.do({ type: 'start' }, T0);
		for (const id of ['a', 'b']) game.answer(id, { type: 'multiple', choices: [0, 1, 3] }, T0);
		game.answer('c', { type: 'multiple', choices: [0, 1] }, T0);
		game.answer('d', { type: 'multiple', choices: [0, 1, 3] }, T0 + 20 * S);
		game.do({ type: 'closeQuestion' }, T0 + 20 * S);
		playQuestion(game, ['a', 'b'], ['d']);
		expect([game.player('c').score, game.player('d').score]).toEqual([1333, 1000]);
		return game;
	}

	it('brings back the most recently eliminated first by default', () => {
		const game = twoRoundsOut();
		game.do({ type: 'rescue', variant: 'count', count: 1 });
		expect(game.event('rescued')).toMatchObject({
			variant: 'count',
			playerIds: ['d'],
			remaining: 3
		});
		expect(game.player('c').status).toBe('eliminated');
	});

	it('can bring back the best scores first', () => {
		const game = twoRoundsOut();
		game.do({ type: 'rescue', variant: 'count', count: 1, by: 'best' });
		expect(game.event('rescued').playerIds).toEqual(['c']);
	});

	it('brings back everybody eliminated when asked for more than there are', () => {
		const game = twoRoundsOut();
		game.do({ type: 'rescue', variant: 'count', count: 10 });
		expect(game.event('rescued').playerIds).toEqual(['d', 'c']);
	});

	it('runs a rescue question only eliminated players may answer', () => {
		const game = eliminationGame(['a', 'b', 'c', 'd']);
		playQuestion(game, ['a'], ['b', 'c', 'd']);
		const rescueQuestion = trueFalseQuestion({ text: 'Câu hỏi cứu trợ', correct: true });
		game.do({ type: 'rescue', variant: 'question', question: rescueQuestion }, T0 + 30 * S);
		const opened = game.event('questionOpened');
		expect(opened).toMatchObject({ kind: 'rescue', questionIndex: 4, eligible: 3, number: 0 });
		expect(
			game.refused({ type: 'submitAnswer', playerId: 'a', questionIndex: 4, answer: yes })
		).toBe('NOT_ELIGIBLE');
		game.answer('b', yes, T0 + 31 * S);
		expect(game.event('answerAccepted').points).toBe(0);
		game.answer('c', { type: 'truefalse', value: false }, T0 + 31 * S);
		game.do({ type: 'closeQuestion' }, T0 + 40 * S);
		expect(game.event('rescued')).toMatchObject({
			variant: 'question',
			playerIds: ['b'],
			remaining: 2
		});
		expect(
			game
				.event('questionClosed')
				.results.map((r) => r.playerId)
				.sort()
		).toEqual(['b', 'c', 'd']);
		expect(game.player('b')).toMatchObject({ status: 'active', score: 0 });
		expect(game.player('c').status).toBe('eliminated');
		game.do({ type: 'openQuestion' });
		expect(game.event('questionOpened')).toMatchObject({
			questionIndex: 1,
			kind: 'main',
			number: 2
		});
	});

	it('clears the winner when a rescue brings others back', () => {
		const game = eliminationGame(['a', 'b']);
		playQuestion(game, ['a'], ['b']);
		expect(game.state.elimination.winnerId).toBe('a');
		game.do({ type: 'rescue', variant: 'all' });
		expect(game.state.elimination.winnerId).toBeNull();
	});

	it.each([
		['while a question is open', {}, 'WRONG_PHASE'],
		['when the organiser turned rescues off', { rescueAllowed: false }, 'RESCUE_NOT_ALLOWED'],
		['beyond the allowed number of rescues', { maxRescues: 1 }, 'RESCUE_LIMIT']
	])('is refused %s', (label, rules, error) => {
		const game = eliminationGame(['a', 'b', 'c'], rules);
		playQuestion(game, ['a'], ['b', 'c']);
		if (error === 'RESCUE_LIMIT') {
			game.do({ type: 'rescue', variant: 'count', count: 1 });
		}
		if (error === 'WRONG_PHASE') game.do({ type: 'openQuestion' });
		expect(game.refused({ type: 'rescue', variant: 'all' }), label).toBe(error);
	});

	it('is refused when nobody is eliminated', () => {
		const game = eliminationGame(['a', 'b']);
		playQuestion(game, ['a', 'b']);
		expect(game.refused({ type: 'rescue', variant: 'all' })).toBe('NOBODY_ELIMINATED');
	});

	it.each([
		[
			'a count of zero',
			{ type: 'rescue' as const, variant: 'count' as const, count: 0 },
			'INVALID_COMMAND'
		],
		[
			'an unknown order',
			{ type: 'rescue' as const, variant: 'count' as const, count: 1, by: 'random' as 'best' },
			'INVALID_COMMAND'
		],
		[
			'a rescue question without options',
			{
				type: 'rescue' as const,
				variant: 'question' as const,
				question: singleQuestion({ options: [] })
			},
			'INVALID_QUESTION'
		]
	])('is refused with %s', (_label, command, error) => {
		const game = eliminationGame(['a', 'b']);
		playQuestion(game, ['a'], ['b']);
		expect(game.refused(command)).toBe(error);
	});

	it('is no longer possible once the question marked final has closed', () => {
		const game = eliminationGame(['a', 'b', 'c']);
		playQuestion(game, ['a', 'b'], ['c']);
		game.do({ type: 'markFinal' });
		expect(game.event('finalMarked').questionIndex).toBe(1);
		game.do({ type: 'openQuestion' });
		expect(game.event('questionOpened').isFinal).toBe(true);
		game.answer('a', pick(1));
		game.answer('b', pick(1));
		game.do({ type: 'closeQuestion' });
		expect(game.refused({ type: 'rescue', variant: 'all' })).toBe('RESCUE_CLOSED');
	});

	it('can mark the open question final', () => {
		const game = eliminationGame(['a', 'b']);
		game.do({ type: 'start' });
		game.do({ type: 'markFinal' });
		expect(game.state.current?.isFinal).toBe(true);
		game.answer('a', pick(1));
		game.do({ type: 'closeQuestion' });
		expect(game.refused({ type: 'rescue', variant: 'all' })).toBe('RESCUE_CLOSED');
	});

	it('refuses to mark a question already played as final', () => {
		const game = eliminationGame(['a', 'b']);
		playQuestion(game, ['a', 'b']);
		expect(game.refused({ type: 'markFinal', questionIndex: 0 })).toBe('WRONG_QUESTION');
		game.do({ type: 'markFinal', questionIndex: 3 });
		expect(game.state.elimination.finalIndex).toBe(3);
	});

	it('is no longer possible after the last main question', () => {
		const game = eliminationGame(['a', 'b', 'c'], {}, fourQuestions().slice(0, 1));
		playQuestion(game, ['a', 'b'], ['c']);
		expect(game.refused({ type: 'rescue', variant: 'all' })).toBe('RESCUE_CLOSED');
	});
});

describe('tie-break questions', () => {
	const tieBreak = [
		singleQuestion({ text: 'Phụ 1', correct: 1 }),
		singleQuestion({ text: 'Phụ 2', correct: 1 })
	];

	it('are refused while main questions remain', () => {
		const game = eliminationGame(['a', 'b']);
		playQuestion(game, ['a', 'b']);
		expect(game.refused({ type: 'startTieBreak', questions: tieBreak })).toBe(
			'QUESTIONS_REMAINING'
		);
	});

	it('decide the winner when several remain after the last question', () => {
		const game = eliminationGame(['a', 'b', 'c'], {}, fourQuestions().slice(0, 1));
		playQuestion(game, ['a', 'b'], ['c']);
		expect(game.event('questionClosed')).toMatchObject({ isLast: true, remaining: 2 });
		game.do({ type: 'startTieBreak', questions: tieBreak });
		expect(game.event('tieBreakStarted')).toEqual({
			type: 'tieBreakStarted',
			questionIndices: [1, 2],
			remaining: 2
		});
		game.do({ type: 'next' }); // leaderboard
		game.do({ type: 'next' }); // first tie-break question
		expect(game.event('questionOpened')).toMatchObject({ kind: 'tiebreak', questionIndex: 1 });
		game.answer('a', pick(1));
		game.answer('b', pick(1));
		game.do({ type: 'closeQuestion' });
		expect(game.state.counts.active).toBe(2);
		game.do({ type: 'openQuestion' });
		game.answer('a', pick(0));
		game.answer('b', pick(1));
		game.do({ type: 'closeQuestion' });
		expect(game.event('winner').playerId).toBe('b');
		expect(game.refused({ type: 'rescue', variant: 'all' })).toBe('RESCUE_CLOSED');
	});

	it('are refused when only one player remains', () => {
		const game = eliminationGame(['a', 'b'], {}, fourQuestions().slice(0, 1));
		playQuestion(game, ['a'], ['b']);
		expect(game.refused({ type: 'startTieBreak', questions: tieBreak })).toBe('NO_TIE');
	});

	it('are refused outside elimination mode and with unplayable questions', () => {
		const classic = new TestGame({}, fourQuestions().slice(0, 1)).join('a');
		playQuestion(classic, ['a']);
		expect(classic.refused({ type: 'startTieBreak', questions: tieBreak })).toBe('WRONG_MODE');
		const game = eliminationGame(['a', 'b'], {}, fourQuestions().slice(0, 1));
		playQuestion(game, ['a', 'b']);
		expect(
			game.refused({ type: 'startTieBreak', questions: [singleQuestion({ correct: 9 })] })
		).toBe('INVALID_QUESTION');
		expect(game.refused({ type: 'startTieBreak', questions: [] })).toBe('INVALID_COMMAND');
	});
});
