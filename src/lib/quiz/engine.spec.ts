import { describe, expect, it } from 'vitest';
import { apply, createGame, replay } from './engine';
import {
	getLeaderboard,
	getPlayerResult,
	getPodium,
	getPublicQuestion,
	getTimer
} from './selectors';
import { multipleQuestion, orderingQuestion, singleQuestion } from './testing/factories';
import { defaultQuestions, no, pick, T0, TestGame, yes } from './testing/test-game';
import type { Command } from './types';

const S = 1000;

describe('creating a game', () => {
	it('starts in an unlocked lobby with every question still to play', () => {
		const game = new TestGame();
		expect(game.state).toMatchObject({
			phase: 'lobby',
			locked: false,
			paused: false,
			upcoming: [0, 1, 2],
			current: null
		});
	});

	it.each([
		['no questions', {}, [], 'NO_QUESTIONS'],
		['a podium of 2', { podiumSize: 2 }, defaultQuestions(), 'PODIUM_SIZE_INVALID'],
		['a podium of 11', { podiumSize: 11 }, defaultQuestions(), 'PODIUM_SIZE_INVALID'],
		['teams mode without teams', { mode: 'teams' as const }, defaultQuestions(), 'TEAMS_REQUIRED'],
		['a question without options', {}, [singleQuestion({ options: [] })], 'QUESTION_INVALID']
	])('refuses a setup with %s', (_label, config, questions, problem) => {
		expect(() => createGame(config, questions, 1)).toThrow(problem);
	});

	it('keeps its own copy of the questions', () => {
		const questions = defaultQuestions();
		const state = createGame({}, questions, 1);
		questions[0].text = 'changed';
		expect(state.questions[0].text).not.toBe('changed');
	});
});

describe('joining the lobby', () => {
	it('adds a player with a trimmed nickname and announces them', () => {
		const game = new TestGame();
		game.do({ type: 'join', playerId: 'u1', nickname: '  Nguyễn   Văn An ' });
		expect(game.player('u1')).toMatchObject({
			nickname: 'Nguyễn Văn An',
			score: 0,
			status: 'active'
		});
		expect(game.events).toEqual([
			{
				type: 'playerJoined',
				playerId: 'u1',
				nickname: 'Nguyễn Văn An',
				team: null,
				status: 'active',
				rejoined: false,
				players: 1
			}
		]);
	});

	it('accepts a 20-character Vietnamese nickname', () => {
		const game = new TestGame();
		game.do({ type: 'join', playerId: 'u1', nickname: 'Trần Thị Ngọc Ánh 12' });
		expect(game.player('u1').nickname).toBe('Trần Thị Ngọc Ánh 12');
	});

	it.each([
		['an empty nickname', ''],
		['only spaces', '    '],
		['21 characters', 'Trần Thị Ngọc Ánh 123'],
		['a control character', 'An\u0007'],
		['only a combining mark', '\u0301'],
		['a number instead of text', 42]
	])('refuses %s', (_label, nickname) => {
		const game = new TestGame();
		expect(game.refused({ type: 'join', playerId: 'u1', nickname: nickname as string })).toBe(
			'NICKNAME_INVALID'
		);
	});

	it.each([['Lan'], ['lan'], [' LAN '], ['Lân'], ['LẦN']])(
		'refuses %j when "Lan" is already playing',
		(nickname) => {
			const game = new TestGame();
			game.do({ type: 'join', playerId: 'u1', nickname: 'Lan' });
			expect(game.refused({ type: 'join', playerId: 'u2', nickname })).toBe('NICKNAME_TAKEN');
		}
	);

	it('gives a reconnecting player their existing place and changes nothing', () => {
		const game = new TestGame().join('a');
		const before = game.state;
		game.do({ type: 'join', playerId: 'a', nickname: 'Another name' });
		expect(game.state).toBe(before);
		expect(game.event('playerJoined')).toMatchObject({ rejoined: true, nickname: 'Người a' });
	});

	it('refuses newcomers while locked but still lets players reconnect', () => {
		const game = new TestGame().join('a');
		game.do({ type: 'lock' });
		expect(game.refused({ type: 'join', playerId: 'b', nickname: 'Bình' })).toBe('LOCKED');
		game.do({ type: 'join', playerId: 'a', nickname: 'Người a' });
		game.do({ type: 'unlock' });
		game.do({ type: 'join', playerId: 'b', nickname: 'Bình' });
		expect(game.state.counts.active).toBe(2);
	});

	it('requires the registration fields the organiser asked for and stores only those', () => {
		const game = new TestGame({ requireHiddenFields: ['fullName', 'unit'] });
		expect(
			game.refused({ type: 'join', playerId: 'a', nickname: 'An', fields: { fullName: 'Lê An' } })
		).toBe('FIELDS_INVALID');
		expect(
			game.refused({
				type: 'join',
				playerId: 'a',
				nickname: 'An',
				fields: { fullName: 'Lê An', unit: '   ' }
			})
		).toBe('FIELDS_INVALID');
		game.do({
			type: 'join',
			playerId: 'a',
			nickname: 'An',
			fields: { fullName: ' Lê Văn An ', unit: 'CĐCS Công ty May 10', secret: 'x' }
		});
		expect(game.player('a').fields).toEqual({ fullName: 'Lê Văn An', unit: 'CĐCS Công ty May 10' });
	});

	it('announces locking and unlocking to everyone', () => {
		const game = new TestGame();
		expect(game.do({ type: 'lock' })).toEqual([{ type: 'lockChanged', locked: true }]);
		expect(game.state.locked).toBe(true);
		expect(game.do({ type: 'unlock' })).toEqual([{ type: 'lockChanged', locked: false }]);
		expect(game.state.locked).toBe(false);
	});

	it('lets a known player reconnect after the end, but nobody new join', () => {
		const game = new TestGame().join('a');
		game.do({ type: 'end' });
		game.do({ type: 'join', playerId: 'a', nickname: 'Người a' });
		expect(game.event('playerJoined').rejoined).toBe(true);
		expect(game.refused({ type: 'join', playerId: 'b', nickname: 'Bình' })).toBe('GAME_ENDED');
	});

	it('refuses a missing player id', () => {
		const game = new TestGame();
		expect(game.refused({ type: 'join', playerId: '', nickname: 'An' })).toBe('INVALID_COMMAND');
	});

	it('lets a player join while a question is open and answer it', () => {
		const game = new TestGame().join('a');
		game.do({ type: 'start' });
		game.join('late');
		game.answer('late', pick(1), T0 + S);
		expect(game.event('answerAccepted').correct).toBe(true);
	});
});

describe('kicking a player', () => {
	it('removes them from counts and leaderboards for good', () => {
		const game = new TestGame().join('a', 'b');
		game.do({ type: 'kick', playerId: 'b' });
		expect(game.event('playerKicked')).toEqual({ type: 'playerKicked', playerId: 'b', players: 1 });
		expect(game.refused({ type: 'join', playerId: 'b', nickname: 'Again' })).toBe('KICKED');
		expect(game.refused({ type: 'kick', playerId: 'b' })).toBe('NOT_IN_GAME');
	});

	it('frees the nickname for someone else', () => {
		const game = new TestGame().join('a');
		game.do({ type: 'kick', playerId: 'a' });
		game.do({ type: 'join', playerId: 'c', nickname: 'Người a' });
		expect(game.player('c').nickname).toBe('Người a');
	});

	it('stops a kicked player from answering and drops an answer already given', () => {
		const game = new TestGame().join('a', 'b');
		game.do({ type: 'start' });
		game.answer('b', pick(1), T0 + S);
		game.do({ type: 'kick', playerId: 'b' });
		expect(game.state.current?.distribution.answered).toBe(0);
		expect(
			game.refused({ type: 'submitAnswer', playerId: 'b', questionIndex: 0, answer: pick(1) })
		).toBe('KICKED');
		game.do({ type: 'closeQuestion' });
		expect(game.event('questionClosed').results.map((r) => r.playerId)).toEqual(['a']);
	});

	it('re-ranks the others without a gap', () => {
		const game = new TestGame().join('a', 'b', 'c');
		game.do({ type: 'start' });
		game.answer('a', pick(1), T0 + S);
		game.answer('b', pick(1), T0 + 2 * S);
		game.do({ type: 'closeQuestion' });
		game.do({ type: 'kick', playerId: 'a' });
		expect(getLeaderboard(game.state).map((e) => [e.playerId, e.rank])).toEqual([
			['b', 1],
			['c', 2]
		]);
	});

	it('refuses an unknown player', () => {
		expect(new TestGame().refused({ type: 'kick', playerId: 'ghost' })).toBe('NOT_IN_GAME');
	});
});

describe('moving through the phases', () => {
	it('needs at least one player to start', () => {
		expect(new TestGame().refused({ type: 'start' })).toBe('NO_PLAYERS');
	});

	it('opens the first question on start with a deadline from now and no answer key', () => {
		const game = new TestGame().join('a');
		game.do({ type: 'start' }, T0);
		const opened = game.event('questionOpened');
		expect(opened).toMatchObject({
			questionIndex: 0,
			kind: 'main',
			number: 1,
			total: 3,
			limitMs: 20 * S,
			deadline: T0 + 20 * S,
			eligible: 1
		});
		expect(opened.question).not.toHaveProperty('correct');
		expect(game.state.phase).toBe('question');
	});

	it('goes lobby → question → reveal → leaderboard → … → podium → ended', () => {
		const game = new TestGame().join('a');
		const phases: string[] = [];
		const eventTypes: string[] = [];
		for (let i = 0; i < 11; i++) {
			eventTypes.push(...game.do({ type: 'next' }, T0 + i * S).map((event) => event.type));
			phases.push(game.state.phase);
		}
		expect(phases).toEqual([
			'question',
			'reveal',
			'leaderboard',
			'question',
			'reveal',
			'leaderboard',
			'question',
			'reveal',
			'leaderboard',
			'podium',
			'ended'
		]);
		expect(eventTypes).toEqual([
			'questionOpened',
			'questionClosed',
			'leaderboardShown',
			'questionOpened',
			'questionClosed',
			'leaderboardShown',
			'questionOpened',
			'questionClosed',
			'leaderboardShown',
			'podiumShown',
			'gameEnded'
		]);
	});

	it('can open the next question straight from the reveal', () => {
		const game = new TestGame().join('a');
		game.do({ type: 'start' });
		game.do({ type: 'closeQuestion' });
		game.do({ type: 'openQuestion' });
		expect(game.state.current?.index).toBe(1);
	});

	it.each<[string, Command[], Command, string]>([
		['open a question from the lobby', [], { type: 'openQuestion' }, 'WRONG_PHASE'],
		['show the leaderboard from the lobby', [], { type: 'showLeaderboard' }, 'WRONG_PHASE'],
		['close a question in the lobby', [], { type: 'closeQuestion' }, 'WRONG_PHASE'],
		['pause in the lobby', [], { type: 'pause' }, 'WRONG_PHASE'],
		['start twice', [{ type: 'start' }], { type: 'start' }, 'WRONG_PHASE'],
		[
			'open a question while one is open',
			[{ type: 'start' }],
			{ type: 'openQuestion' },
			'WRONG_PHASE'
		],
		[
			'pause after the close',
			[{ type: 'start' }, { type: 'closeQuestion' }],
			{ type: 'pause' },
			'WRONG_PHASE'
		],
		[
			'skip after the close',
			[{ type: 'start' }, { type: 'closeQuestion' }],
			{ type: 'skip' },
			'WRONG_PHASE'
		],
		[
			'show the leaderboard twice',
			[{ type: 'next' }, { type: 'next' }, { type: 'next' }],
			{ type: 'showLeaderboard' },
			'WRONG_PHASE'
		],
		['do anything after the end', [{ type: 'end' }], { type: 'lock' }, 'GAME_ENDED'],
		['continue after the end', [{ type: 'end' }], { type: 'next' }, 'GAME_ENDED'],
		[
			'rescue in classic mode',
			[{ type: 'start' }, { type: 'closeQuestion' }],
			{ type: 'rescue', variant: 'all' },
			'WRONG_MODE'
		],
		['send an unknown command', [], { type: 'explode' } as unknown as Command, 'INVALID_COMMAND']
	])('refuses to %s', (_label, setup, command, error) => {
		const game = new TestGame().join('a');
		for (const step of setup) game.do(step);
		expect(game.refused(command)).toBe(error);
	});

	it('says there is no question left after the last one', () => {
		const game = new TestGame({}, [singleQuestion()]).join('a');
		game.do({ type: 'start' });
		game.do({ type: 'closeQuestion' });
		expect(game.event('questionClosed').isLast).toBe(true);
		expect(game.refused({ type: 'openQuestion' })).toBe('NO_MORE_QUESTIONS');
	});

	it('refuses newcomers once the podium is shown', () => {
		const game = new TestGame({}, [singleQuestion()]).join('a');
		for (let i = 0; i < 4; i++) game.do({ type: 'next' });
		expect(game.state.phase).toBe('podium');
		expect(game.refused({ type: 'join', playerId: 'b', nickname: 'Bình' })).toBe('GAME_ENDED');
	});

	it('ends from an open question without scoring it', () => {
		const game = new TestGame().join('a');
		game.do({ type: 'start' });
		game.answer('a', pick(1), T0 + S);
		game.do({ type: 'end' });
		expect(game.state.phase).toBe('ended');
		expect(game.player('a').score).toBe(0);
		expect(game.event('gameEnded').podium).toEqual([
			expect.objectContaining({ playerId: 'a', rank: 1, score: 0 })
		]);
	});
});

describe('submitting answers', () => {
	function openGame() {
		const game = new TestGame().join('a', 'b');
		game.do({ type: 'start' }, T0);
		return game;
	}

	it('stamps the answer with the server time and acknowledges its points', () => {
		const game = openGame();
		game.answer('a', pick(1), T0 + 5 * S);
		expect(game.event('answerAccepted')).toEqual({
			type: 'answerAccepted',
			playerId: 'a',
			questionIndex: 0,
			duplicate: false,
			responseMs: 5 * S,
			correct: true,
			fraction: 1,
			points: 875,
			streak: 1,
			answered: 1,
			eligible: 2
		});
	});

	it('answers a second submission with the same acknowledgement and never double points', () => {
		const game = openGame();
		const [first] = game.answer('a', pick(1), T0 + 2 * S);
		const before = game.state;
		const [second] = game.answer('a', pick(0), T0 + 3 * S);
		expect(game.state).toBe(before);
		expect(second).toEqual({ ...first, duplicate: true });
		game.do({ type: 'closeQuestion' });
		expect(game.player('a').score).toBe(950);
	});

	it('repeats the acknowledgement for a retry arriving after the close', () => {
		const game = openGame();
		const [first] = game.answer('a', pick(1), T0 + 2 * S);
		game.do({ type: 'closeQuestion' }, T0 + 20 * S);
		const [retry] = game.answer('a', pick(1), T0 + 21 * S, 0);
		expect(retry).toEqual({ ...first, duplicate: true });
	});

	it('accepts an answer at the deadline and refuses one a millisecond later', () => {
		const game = openGame();
		game.answer('a', pick(1), T0 + 20 * S);
		expect(game.event('answerAccepted').points).toBe(500);
		expect(
			game.refused(
				{ type: 'submitAnswer', playerId: 'b', questionIndex: 0, answer: pick(1) },
				T0 + 20 * S + 1
			)
		).toBe('LATE');
	});

	it.each<[string, Command, string]>([
		[
			'an unknown player',
			{ type: 'submitAnswer', playerId: 'x', questionIndex: 0, answer: pick(1) },
			'NOT_IN_GAME'
		],
		[
			'another question',
			{ type: 'submitAnswer', playerId: 'a', questionIndex: 1, answer: yes },
			'WRONG_QUESTION'
		],
		[
			'an answer of the wrong type',
			{ type: 'submitAnswer', playerId: 'a', questionIndex: 0, answer: yes },
			'INVALID_ANSWER'
		],
		[
			'an option that does not exist',
			{ type: 'submitAnswer', playerId: 'a', questionIndex: 0, answer: pick(7) },
			'INVALID_ANSWER'
		],
		[
			'no answer at all',
			{ type: 'submitAnswer', playerId: 'a', questionIndex: 0, answer: null },
			'INVALID_ANSWER'
		],
		[
			'a question index that is not a number',
			{
				type: 'submitAnswer',
				playerId: 'a',
				questionIndex: '0' as unknown as number,
				answer: pick(1)
			},
			'INVALID_COMMAND'
		]
	])('refuses %s', (_label, command, error) => {
		expect(openGame().refused(command, T0 + S)).toBe(error);
	});

	it('still takes the real answer after a malformed one', () => {
		const game = openGame();
		game.refused({ type: 'submitAnswer', playerId: 'a', questionIndex: 0, answer: yes }, T0 + S);
		game.answer('a', pick(1), T0 + 2 * S);
		expect(game.event('answerAccepted').correct).toBe(true);
	});

	it('refuses answers before any question and between questions', () => {
		const game = new TestGame().join('a');
		const command: Command = {
			type: 'submitAnswer',
			playerId: 'a',
			questionIndex: 0,
			answer: pick(1)
		};
		expect(game.refused(command)).toBe('NOT_OPEN');
		game.do({ type: 'start' });
		game.do({ type: 'closeQuestion' });
		expect(game.refused(command)).toBe('NOT_OPEN');
	});

	it('stores only the fields of the answer, not whatever else a phone sent', () => {
		const game = openGame();
		game.do({
			type: 'submitAnswer',
			playerId: 'a',
			questionIndex: 0,
			answer: { type: 'single', choice: 1, junk: 'x'.repeat(1000) }
		});
		expect(JSON.stringify(game.state)).not.toContain('junk');
	});

	it('counts the answers per option for the reveal', () => {
		const game = new TestGame().join('a', 'b', 'c');
		game.do({ type: 'start' });
		game.answer('a', pick(1));
		game.answer('b', pick(1));
		game.answer('c', pick(3));
		game.do({ type: 'closeQuestion' });
		expect(game.event('questionClosed').distribution).toEqual({
			answered: 3,
			correct: 2,
			partial: 0,
			options: [0, 2, 0, 1]
		});
	});

	it('counts partly right multiple-select answers apart', () => {
		const game = new TestGame({}, [multipleQuestion({ correct: [0, 1] })]).join('a', 'b');
		game.do({ type: 'start' });
		game.answer('a', { type: 'multiple', choices: [0, 1] });
		game.answer('b', { type: 'multiple', choices: [0] });
		game.do({ type: 'closeQuestion' });
		expect(game.event('questionClosed').distribution).toMatchObject({
			correct: 1,
			partial: 1,
			options: [2, 1, 0, 0, 0]
		});
		expect(getPlayerResult(game.state, 'b')).toMatchObject({
			correct: false,
			fraction: 0.5,
			points: 500
		});
	});
});

describe('the question timer', () => {
	function openGame() {
		const game = new TestGame().join('a', 'b');
		game.do({ type: 'start' }, T0);
		return game;
	}

	it('freezes the time left on pause and moves the deadline on resume', () => {
		const game = openGame();
		game.do({ type: 'pause' }, T0 + 5 * S);
		expect(game.event('questionPaused').remainingMs).toBe(15 * S);
		expect(game.state.paused).toBe(true);
		expect(getTimer(game.state, T0 + 60 * S)).toEqual({
			paused: true,
			deadline: null,
			remainingMs: 15 * S
		});
		game.do({ type: 'resume' }, T0 + 65 * S);
		expect(game.event('questionResumed')).toMatchObject({
			deadline: T0 + 80 * S,
			remainingMs: 15 * S
		});
		expect(game.state.paused).toBe(false);
	});

	it('holds answers while paused and does not count the pause in the response time', () => {
		const game = openGame();
		game.do({ type: 'pause' }, T0 + 5 * S);
		expect(
			game.refused(
				{ type: 'submitAnswer', playerId: 'a', questionIndex: 0, answer: pick(1) },
				T0 + 6 * S
			)
		).toBe('PAUSED');
		game.do({ type: 'resume' }, T0 + 65 * S);
		game.answer('a', pick(1), T0 + 70 * S);
		expect(game.event('answerAccepted')).toMatchObject({ responseMs: 10 * S, points: 750 });
	});

	it('refuses to pause twice, to resume when running, and to pause after time is up', () => {
		const game = openGame();
		expect(game.refused({ type: 'resume' }, T0 + S)).toBe('NOT_PAUSED');
		game.do({ type: 'pause' }, T0 + S);
		expect(game.refused({ type: 'pause' }, T0 + 2 * S)).toBe('PAUSED');
		game.do({ type: 'resume' }, T0 + 2 * S);
		expect(game.refused({ type: 'pause' }, T0 + 22 * S)).toBe('TIME_UP');
	});

	it('adds ten seconds to the deadline by default', () => {
		const game = openGame();
		game.do({ type: 'addTime' }, T0 + 15 * S);
		expect(game.event('timeAdded')).toEqual({
			type: 'timeAdded',
			questionIndex: 0,
			addedMs: 10 * S,
			limitMs: 30 * S,
			deadline: T0 + 30 * S,
			remainingMs: 15 * S
		});
		game.answer('a', pick(1), T0 + 25 * S);
		expect(game.event('answerAccepted')).toMatchObject({ responseMs: 25 * S, points: 500 });
	});

	it('adds time to the frozen time left while paused', () => {
		const game = openGame();
		game.do({ type: 'pause' }, T0 + 15 * S);
		game.do({ type: 'addTime', ms: 5 * S }, T0 + 16 * S);
		expect(game.event('timeAdded')).toMatchObject({ deadline: null, remainingMs: 10 * S });
		game.do({ type: 'resume' }, T0 + 20 * S);
		expect(game.event('questionResumed').deadline).toBe(T0 + 30 * S);
	});

	it.each<[string, Command, number, string]>([
		['after the deadline', { type: 'addTime' }, T0 + 21 * S, 'TIME_UP'],
		['a negative amount', { type: 'addTime', ms: -5 * S }, T0 + S, 'INVALID_COMMAND'],
		['a fractional amount', { type: 'addTime', ms: 1.5 }, T0 + S, 'INVALID_COMMAND']
	])('refuses to add time %s', (_label, command, now, error) => {
		expect(openGame().refused(command, now)).toBe(error);
	});

	it('caps the time added to one question at five minutes', () => {
		const game = openGame();
		for (let i = 0; i < 30; i++) game.do({ type: 'addTime' }, T0 + S);
		expect(game.refused({ type: 'addTime' }, T0 + S)).toBe('TIME_LIMIT_REACHED');
	});

	it('refuses a close from a stale timer meant for another question', () => {
		const game = openGame();
		game.do({ type: 'closeQuestion', questionIndex: 0 });
		game.do({ type: 'openQuestion' });
		expect(game.refused({ type: 'closeQuestion', questionIndex: 0 })).toBe('WRONG_QUESTION');
		game.do({ type: 'closeQuestion', questionIndex: 1 });
	});

	it('lets the host close while paused', () => {
		const game = openGame();
		game.do({ type: 'pause' }, T0 + S);
		game.do({ type: 'closeQuestion' }, T0 + 2 * S);
		expect(game.state).toMatchObject({ phase: 'reveal', paused: false });
	});
});

describe('scoring and ranking', () => {
	it('gives each player a result with points, response time, streak, rank and rank change', () => {
		const game = new TestGame().join('a', 'b', 'c');
		game.do({ type: 'start' }, T0);
		game.answer('a', pick(1), T0 + 10 * S);
		game.answer('b', pick(1), T0 + 2 * S);
		game.answer('c', pick(0), T0 + S);
		game.do({ type: 'closeQuestion' }, T0 + 20 * S);
		expect(game.event('questionClosed').results).toEqual([
			expect.objectContaining({
				playerId: 'b',
				points: 950,
				responseMs: 2 * S,
				streak: 1,
				rank: 1,
				rankChange: null
			}),
			expect.objectContaining({
				playerId: 'a',
				points: 750,
				responseMs: 10 * S,
				streak: 1,
				rank: 2
			}),
			expect.objectContaining({ playerId: 'c', correct: false, points: 0, streak: 0, rank: 3 })
		]);

		game.do({ type: 'openQuestion' }, T0 + 30 * S);
		game.answer('c', yes, T0 + 30 * S);
		game.answer('a', yes, T0 + 31 * S);
		game.do({ type: 'closeQuestion' }, T0 + 50 * S);
		const second = game.event('questionClosed').results;
		expect(second.map((r) => [r.playerId, r.score, r.rank, r.rankChange])).toEqual([
			['a', 750 + 975 + 100, 1, 1],
			['c', 1000, 2, 1],
			['b', 950, 3, -2]
		]);
	});

	it('reports a missed question as unanswered and breaks the streak', () => {
		const game = new TestGame().join('a');
		game.do({ type: 'start' }, T0);
		game.answer('a', pick(1), T0);
		game.do({ type: 'closeQuestion' }, T0 + 20 * S);
		game.do({ type: 'openQuestion' }, T0 + 30 * S);
		game.do({ type: 'closeQuestion' }, T0 + 50 * S);
		expect(getPlayerResult(game.state, 'a')).toMatchObject({
			answered: false,
			points: 0,
			responseMs: null,
			streak: 0,
			score: 1000
		});
	});

	it('adds a streak bonus for consecutive correct answers in speed-streak mode', () => {
		const game = new TestGame({ scoring: 'speed-streak' }).join('a');
		const answers = [pick(1), yes, pick(2)];
		const points: number[] = [];
		for (const [i, answer] of answers.entries()) {
			game.do({ type: 'next' }, T0 + i * 100 * S);
			game.answer('a', answer, T0 + i * 100 * S);
			points.push(game.event('answerAccepted').points);
			game.do({ type: 'next' }, T0 + i * 100 * S + 1);
			game.do({ type: 'next' }, T0 + i * 100 * S + 2);
		}
		expect(points).toEqual([1000, 1100, 1200]);
	});

	it('ignores speed in accuracy mode', () => {
		const game = new TestGame({ scoring: 'accuracy' }).join('a');
		game.do({ type: 'start' }, T0);
		game.answer('a', pick(1), T0 + 19 * S);
		expect(game.event('answerAccepted').points).toBe(1000);
	});

	it('lets players equal in score and time share a rank', () => {
		const game = new TestGame().join('a', 'b', 'c');
		game.do({ type: 'start' }, T0);
		game.answer('a', pick(1), T0 + 4 * S);
		game.answer('b', pick(1), T0 + 4 * S);
		game.do({ type: 'closeQuestion' }, T0 + 20 * S);
		expect(getLeaderboard(game.state).map((e) => [e.playerId, e.rank])).toEqual([
			['a', 1],
			['b', 1],
			['c', 3]
		]);
	});

	it('ranks equal scores by less cumulative response time', () => {
		const game = new TestGame({ scoring: 'accuracy' }).join('a', 'b');
		game.do({ type: 'start' }, T0);
		game.answer('a', pick(1), T0 + 9 * S);
		game.answer('b', pick(1), T0 + 3 * S);
		game.do({ type: 'closeQuestion' }, T0 + 20 * S);
		expect(getLeaderboard(game.state).map((e) => [e.playerId, e.score, e.rank])).toEqual([
			['b', 1000, 1],
			['a', 1000, 2]
		]);
	});

	it('ranks a player who missed a question below one who answered wrong as fast', () => {
		const game = new TestGame().join('a', 'b');
		game.do({ type: 'start' }, T0);
		game.answer('b', pick(0), T0 + 19 * S);
		game.do({ type: 'closeQuestion' }, T0 + 20 * S);
		expect(getLeaderboard(game.state).map((e) => e.playerId)).toEqual(['b', 'a']);
	});

	it('shows the top of the leaderboard and the number of players', () => {
		const game = new TestGame().join('a', 'b');
		game.do({ type: 'start' }, T0);
		game.answer('b', pick(1), T0);
		game.do({ type: 'closeQuestion' }, T0 + 20 * S);
		game.do({ type: 'showLeaderboard' });
		expect(game.event('leaderboardShown')).toEqual({
			type: 'leaderboardShown',
			top: [
				{
					playerId: 'b',
					nickname: 'Người b',
					team: null,
					score: 1000,
					rank: 1,
					rankChange: null,
					status: 'active',
					eliminatedRound: null
				},
				{
					playerId: 'a',
					nickname: 'Người a',
					team: null,
					score: 0,
					rank: 2,
					rankChange: null,
					status: 'active',
					eliminatedRound: null
				}
			],
			teams: null,
			remaining: null
		});
	});

	it('puts the top of the podium size on the podium, ties included', () => {
		const ids = ['a', 'b', 'c', 'd', 'e'];
		const game = new TestGame({ podiumSize: 3, scoring: 'accuracy' }, [singleQuestion()]).join(
			...ids
		);
		game.do({ type: 'start' }, T0);
		game.answer('a', pick(1), T0 + S);
		game.answer('b', pick(1), T0 + 2 * S);
		game.answer('c', pick(1), T0 + 3 * S);
		game.answer('d', pick(1), T0 + 3 * S);
		game.do({ type: 'closeQuestion' }, T0 + 20 * S);
		game.do({ type: 'showLeaderboard' });
		game.do({ type: 'next' });
		expect(game.event('podiumShown').podium.map((e) => [e.playerId, e.rank])).toEqual([
			['a', 1],
			['b', 2],
			['c', 3],
			['d', 3]
		]);
		expect(getPodium(game.state)).toHaveLength(4);
	});

	it('leaves scores and streaks alone when a question is skipped', () => {
		const game = new TestGame({ scoring: 'speed-streak' }).join('a');
		game.do({ type: 'start' }, T0);
		game.answer('a', pick(1), T0);
		game.do({ type: 'closeQuestion' });
		game.do({ type: 'openQuestion' });
		game.answer('a', yes, T0);
		game.do({ type: 'skip' });
		expect(game.event('questionClosed')).toMatchObject({ skipped: true, results: [] });
		expect(game.state.phase).toBe('reveal');
		expect(game.player('a')).toMatchObject({ score: 1000, streak: 1 });
	});
});

describe('reconnecting phones', () => {
	it('can fetch the open question without its answer key, with ordering items shuffled', () => {
		const game = new TestGame({}, [orderingQuestion()], 7).join('a');
		game.do({ type: 'start' });
		const view = getPublicQuestion(game.state);
		expect(view).toEqual(game.event('questionOpened').question);
		expect(JSON.stringify(view)).not.toContain('"correct"');
	});

	it('shuffles a question the same way in every game with the same seed', () => {
		const view = (seed: number) => {
			const game = new TestGame({}, [orderingQuestion()], seed).join('a');
			game.do({ type: 'start' });
			return game.event('questionOpened').question;
		};
		expect(view(3)).toEqual(view(3));
	});
});

describe('finding 1: ordering questions in a live game', () => {
	const items = ['180 ngày', '60 ngày', '30 ngày', '6 ngày làm việc'];
	const opened = (stored: string[], seed: number) => {
		const game = new TestGame({}, [orderingQuestion({ items: stored })], seed).join('a');
		game.do({ type: 'start' });
		return { game, question: game.event('questionOpened').question };
	};

	it('opens with the same frame whatever the stored (correct) order', () => {
		for (const seed of [1, 7, 42, 2024]) {
			const frame = opened(items, seed).question;
			expect(opened([...items].reverse(), seed).question).toEqual(frame);
			expect(opened([items[2], items[0], items[3], items[1]], seed).question).toEqual(frame);
			expect(getPublicQuestion(opened(items, seed).game.state)).toEqual(frame);
		}
	});

	it('judges the delivered ids through the game’s own mapping', () => {
		const { game, question } = opened(items, 9);
		if (question.type !== 'ordering') throw new Error('expected an ordering question');
		const idOf = (text: string) => question.items.find((item) => item.text === text)!.id;
		game.answer('a', { type: 'ordering', order: items.map(idOf) });
		expect(game.event('answerAccepted')).toMatchObject({ correct: true, fraction: 1 });
	});
});

describe('replaying the log', () => {
	function playedGame() {
		const game = new TestGame().join('a', 'b', 'c');
		game.do({ type: 'start' }, T0);
		game.answer('a', pick(1), T0 + S);
		game.answer('b', pick(2), T0 + 2 * S);
		game.do({ type: 'pause' }, T0 + 3 * S);
		game.do({ type: 'addTime' }, T0 + 4 * S);
		game.do({ type: 'resume' }, T0 + 5 * S);
		game.answer('c', pick(1), T0 + 6 * S);
		game.answer('c', pick(0), T0 + 7 * S);
		game.do({ type: 'closeQuestion' }, T0 + 30 * S);
		game.do({ type: 'kick', playerId: 'b' }, T0 + 31 * S);
		game.do({ type: 'next' }, T0 + 32 * S);
		game.do({ type: 'next' }, T0 + 33 * S);
		game.answer('a', no, T0 + 34 * S);
		return game;
	}

	it('rebuilds exactly the same state', () => {
		const game = playedGame();
		expect(replay(game.initial, game.log)).toEqual(game.state);
	});

	it('rebuilds the same state from a JSON copy of the initial state and log', () => {
		const game = playedGame();
		const initial = JSON.parse(JSON.stringify(game.initial));
		const log = JSON.parse(JSON.stringify(game.log));
		expect(replay(initial, log)).toEqual(JSON.parse(JSON.stringify(game.state)));
	});

	it('continues the same way from a persisted state', () => {
		const game = playedGame();
		const restored = JSON.parse(JSON.stringify(game.state));
		const command: Command = { type: 'closeQuestion' };
		const fromRestored = apply(restored, command, T0 + 60 * S);
		const fromLive = apply(game.state, command, T0 + 60 * S);
		expect(JSON.parse(JSON.stringify(fromRestored))).toEqual(JSON.parse(JSON.stringify(fromLive)));
	});

	it('refuses a log that does not belong to the initial state', () => {
		const game = playedGame();
		expect(() => replay(createGame({}, defaultQuestions(), 1), game.log.slice(3))).toThrow(
			/refused/
		);
	});
});
