import { describe, expect, it } from 'vitest';
import { eligibilityOf, eligibleCount, mayAnswer, resultStatusOf } from './eligibility';
import { getHostActions, type HostAction } from './host-actions';
import { getPodium } from './selectors';
import { singleQuestion } from './testing/factories';
import { apply } from './engine';
import { pick, T0, TestGame } from './testing/test-game';
import type { Command, GameConfigInput, PlayerStatus, QuestionKind } from './types';

const questions = (n: number) =>
	Array.from({ length: n }, (_, i) => singleQuestion({ text: `Câu ${i + 1}`, correct: 1 }));

function game(players: string[], config: GameConfigInput = {}, count = 4) {
	return new TestGame(config, questions(count)).join(...players);
}

const elimination = (rules: GameConfigInput['elimination'] = {}): GameConfigInput => ({
	mode: 'elimination',
	elimination: rules
});

/** Opens the next question, `right` answer it correctly and `wrong` wrongly, then it closes. */
function play(g: TestGame, right: string[], wrong: string[] = []) {
	g.do(g.state.phase === 'lobby' ? { type: 'start' } : { type: 'openQuestion' });
	for (const id of right) g.answer(id, pick(1));
	for (const id of wrong) g.answer(id, pick(0));
	g.do({ type: 'closeQuestion' });
	return g;
}

const actions = (g: TestGame, reserveLeft = 3) => getHostActions(g.state, { reserveLeft });
const verdict = (g: TestGame, action: HostAction, reserveLeft = 3) => {
	const a = actions(g, reserveLeft).actions[action];
	return a.ok ? 'ok' : a.reason;
};

describe('who may answer (one rule for the engine, the server and the phones)', () => {
	it.each<[PlayerStatus, QuestionKind, string]>([
		['active', 'main', 'answer'],
		['active', 'tiebreak', 'answer'],
		['active', 'rescue', 'waiting'],
		['eliminated', 'main', 'eliminated'],
		['eliminated', 'tiebreak', 'eliminated'],
		['eliminated', 'rescue', 'answer'],
		['spectator', 'main', 'spectator'],
		['spectator', 'rescue', 'spectator'],
		['kicked', 'main', 'kicked'],
		['kicked', 'rescue', 'kicked']
	])('a player %s on a %s question: %s', (status, kind, expected) => {
		expect(eligibilityOf(status, kind)).toBe(expected);
		expect(mayAnswer(status, kind)).toBe(expected === 'answer');
	});

	it.each<[QuestionKind, number]>([
		['main', 2],
		['tiebreak', 2],
		['rescue', 1]
	])('counts who may answer a %s question: %i', (kind, expected) => {
		expect(
			eligibleCount({ joined: 5, active: 2, eliminated: 1, spectator: 1, kicked: 1 }, kind)
		).toBe(expected);
	});

	it('agrees with what the engine accepts', () => {
		const g = play(game(['a', 'b', 'c'], elimination()), ['a', 'b'], ['c']);
		g.join('late');
		g.do({ type: 'openQuestion' });
		const index = g.state.current?.index ?? -1;
		for (const id of ['a', 'c', 'late']) {
			const command = { type: 'submitAnswer' as const, playerId: id, questionIndex: index };
			const accepted = apply(g.state, { ...command, answer: pick(1) }, T0).ok;
			expect(accepted, id).toBe(mayAnswer(g.player(id).status, 'main'));
		}
	});
});

describe('what the host may do', () => {
	it.each([
		{ label: 'the lobby', setUp: (g: TestGame) => g, next: 'start' },
		{
			label: 'an open question',
			setUp: (g: TestGame) => (g.do({ type: 'start' }), g),
			next: 'close'
		},
		{ label: 'the reveal', setUp: (g: TestGame) => play(g, ['a', 'b']), next: 'leaderboard' },
		{
			label: 'the leaderboard with questions left',
			setUp: (g: TestGame) => (play(g, ['a', 'b']).do({ type: 'showLeaderboard' }), g),
			next: 'nextQuestion'
		}
	])('in $label the primary button is $next', ({ setUp, next }) => {
		expect(actions(setUp(game(['a', 'b']))).next).toBe(next);
	});

	it('after the last question the primary button shows the podium, then ends', () => {
		const g = play(game(['a', 'b'], {}, 1), ['a']);
		g.do({ type: 'showLeaderboard' });
		expect(actions(g).next).toBe('podium');
		g.do({ type: 'next' });
		expect(actions(g).next).toBe('end');
		g.do({ type: 'next' });
		expect(actions(g).next).toBeNull();
	});

	it('cannot start without players, and says why', () => {
		expect(actions(new TestGame({}, questions(1))).actions.start).toEqual({
			ok: false,
			reason: 'NO_PLAYERS',
			show: true
		});
	});

	it.each<[HostAction, string, string]>([
		['close', 'ok', 'WRONG_PHASE'],
		['pause', 'ok', 'WRONG_PHASE'],
		['resume', 'NOT_PAUSED', 'WRONG_PHASE'],
		['addTime', 'ok', 'WRONG_PHASE'],
		['skip', 'ok', 'WRONG_PHASE'],
		['rescue', 'WRONG_MODE', 'WRONG_MODE'],
		['tieBreak', 'WRONG_MODE', 'WRONG_MODE'],
		['end', 'ok', 'ok']
	])('%s: during a question %s, at the reveal %s (classic)', (action, during, after) => {
		const g = game(['a', 'b']);
		g.do({ type: 'start' });
		expect(verdict(g, action)).toBe(during);
		g.do({ type: 'closeQuestion' });
		expect(verdict(g, action)).toBe(after);
	});

	it.each([
		{ label: 'a rescue', action: 'rescue' as const, command: { type: 'rescue', variant: 'all' } },
		{
			label: 'a tie-break',
			action: 'tieBreak' as const,
			command: { type: 'startTieBreak', questions: questions(1) }
		},
		{ label: 'a close', action: 'close' as const, command: { type: 'closeQuestion' } },
		{ label: 'a start', action: 'start' as const, command: { type: 'start' } }
	] satisfies Array<{ label: string; action: HostAction; command: Command }>)(
		'offers $label exactly when the engine accepts it, for the same reason',
		({ action, command }) => {
			const g = play(game(['a', 'b', 'c'], elimination({ maxRescues: 1 }), 1), ['a', 'b'], ['c']);
			const offered = actions(g).actions[action];
			const result = apply(g.state, command, T0);
			expect(result.ok).toBe(offered.ok);
			if (!result.ok && !offered.ok) expect(result.error).toBe(offered.reason);
		}
	);
});

describe('Rung chuông vàng: rescue, tie-break and the end', () => {
	it.each([
		['rescues allowed, none used', {}, 0, 'ok'],
		['rescues turned off', { rescueAllowed: false }, 0, 'RESCUE_NOT_ALLOWED'],
		['one allowed, one used', { maxRescues: 1 }, 1, 'RESCUE_LIMIT'],
		['two allowed, one used', { maxRescues: 2 }, 1, 'ok'],
		['none allowed', { maxRescues: 0 }, 0, 'RESCUE_LIMIT']
	])('rescue with %s (%o, %i used): %s', (_label, rules, used, expected) => {
		const g = game(['a', 'b', 'c', 'd'], elimination(rules), 6);
		play(g, ['a', 'b'], ['c', 'd']);
		for (let i = 0; i < used; i++) {
			g.do({ type: 'rescue', variant: 'all' });
			play(g, ['a', 'b'], ['c', 'd']);
		}
		expect(verdict(g, 'rescue')).toBe(expected);
		// The engine itself agrees: an offered rescue is accepted, a refused one refused alike.
		if (expected === 'ok') g.do({ type: 'rescue', variant: 'all' });
		else expect(g.refused({ type: 'rescue', variant: 'all' })).toBe(expected);
	});

	it('shows a used-up rescue as a disabled button with its reason', () => {
		const g = game(['a', 'b', 'c'], elimination({ maxRescues: 1 }));
		play(g, ['a', 'b'], ['c']);
		g.do({ type: 'rescue', variant: 'all' });
		play(g, ['a', 'b'], ['c']);
		expect(actions(g).actions.rescue).toEqual({ ok: false, reason: 'RESCUE_LIMIT', show: true });
	});

	it.each([
		['no reserve question is left', 0, 'NO_RESERVE'],
		['a reserve question is left', 1, 'ok']
	])('a rescue question when %s: %s', (_label, reserveLeft, expected) => {
		const g = play(game(['a', 'b', 'c'], elimination()), ['a', 'b'], ['c']);
		expect(verdict(g, 'rescueQuestion', reserveLeft)).toBe(expected);
	});

	it.each([
		['main questions remain', 4, ['a', 'b'], 3, 'QUESTIONS_REMAINING'],
		['two remain after the last question', 1, ['a', 'b'], 3, 'ok'],
		['two remain but no reserve question', 1, ['a', 'b'], 0, 'NO_RESERVE'],
		['one remains', 1, ['a'], 3, 'NO_TIE']
	])(
		'a tie-break when %s (%i questions, %o right, %i in reserve): %s',
		(_label, count, right, reserveLeft, expected) => {
			const g = game(['a', 'b', 'c'], elimination(), count);
			play(
				g,
				right,
				['a', 'b', 'c'].filter((id) => !right.includes(id))
			);
			expect(verdict(g, 'tieBreak', reserveLeft)).toBe(expected);
		}
	);

	it('ends the game from the primary button once one player is left, with no warning', () => {
		const g = play(game(['a', 'b', 'c'], elimination()), ['b'], ['a', 'c']);
		const view = actions(g);
		expect(view).toMatchObject({
			next: 'finish',
			decided: true,
			endLeaves: { openQuestion: false, unplayedQuestions: 0 }
		});
		// Rescue stays possible until the host ends it.
		expect(view.actions.rescue.ok).toBe(true);
		expect(view.actions.markFinal.ok).toBe(false);
		g.do({ type: 'next' });
		expect(g.state.phase).toBe('ended');
		expect(g.event('gameEnded').winnerId).toBe('b');
	});

	it('ends the game from the leaderboard too, and when nobody is left', () => {
		const g = play(game(['a', 'b'], elimination({ whenAllFail: 'eliminate' })), [], ['a', 'b']);
		g.do({ type: 'showLeaderboard' });
		expect(actions(g).next).toBe('finish');
		g.do({ type: 'next' });
		expect(g.event('gameEnded').winnerId).toBeNull();
	});

	it('warns about unplayed questions when the host ends an undecided game', () => {
		const g = play(game(['a', 'b', 'c'], elimination()), ['a', 'b'], ['c']);
		expect(actions(g)).toMatchObject({
			next: 'leaderboard',
			decided: false,
			endLeaves: { openQuestion: false, unplayedQuestions: 3 }
		});
		g.do({ type: 'openQuestion' });
		expect(actions(g).endLeaves).toEqual({ openQuestion: true, unplayedQuestions: 2 });
	});

	it('ranks the survivor first, then by how long each lasted, then by score', () => {
		// b answers right at the buzzer every time (fewest points) and is the last one in; a and c
		// answer fast (more points) and go out on question 3; d goes out on question 1.
		const g = game(['a', 'b', 'c', 'd'], elimination(), 4);
		const slow = T0 + 19_000;
		const round = (right: string[], wrong: string[]) => {
			g.do(g.state.phase === 'lobby' ? { type: 'start' } : { type: 'openQuestion' });
			g.answer('b', pick(1), slow);
			for (const id of right) g.answer(id, pick(1));
			for (const id of wrong) g.answer(id, pick(0));
			g.do({ type: 'closeQuestion' }, T0 + 20_000);
		};
		round(['a', 'c'], ['d']);
		round(['a', 'c'], []);
		round([], ['a', 'c']);
		const podium = getPodium(g.state).map((e) => [e.nickname, e.rank, e.eliminatedRound]);
		expect(podium).toEqual([
			['Người b', 1, null],
			['Người a', 2, 3],
			['Người c', 2, 3]
		]);
		expect(g.player('b').score).toBeLessThan(g.player('a').score);
	});
});

describe('statuses in the results', () => {
	it.each<[PlayerStatus, number, 'question' | 'ended' | 'podium', string]>([
		['active', 3, 'question', 'active'],
		['active', 3, 'ended', 'finished'],
		['active', 3, 'podium', 'finished'],
		['active', 0, 'ended', 'left'],
		['eliminated', 2, 'ended', 'eliminated'],
		['spectator', 0, 'ended', 'spectator'],
		['kicked', 1, 'ended', 'kicked']
	])('a player %s who answered %i questions, game %s: %s', (status, answered, phase, expected) => {
		expect(resultStatusOf({ status, answered }, phase)).toBe(expected);
	});
});
