import { describe, expect, it } from 'vitest';
import { getLeaderboard, getTeamStandings } from '../selectors';
import { singleQuestion } from '../testing/factories';
import { pick, T0, TestGame } from '../testing/test-game';
import type { GameConfigInput } from '../types';

const teams = [
	{ id: 'may10', name: 'CĐCS May 10' },
	{ id: 'viglacera', name: 'CĐCS Viglacera' },
	{ id: 'evn', name: 'CĐCS EVN' }
];

function teamsGame(config: GameConfigInput = {}) {
	return new TestGame({ mode: 'teams', teams, scoring: 'accuracy', ...config }, [
		singleQuestion({ correct: 1 }),
		singleQuestion({ text: 'Câu 2', correct: 1 })
	]);
}

function joinTeam(game: TestGame, playerId: string, team?: string) {
	game.do({ type: 'join', playerId, nickname: `Người ${playerId}`, team });
}

describe('joining a team', () => {
	it('puts a player in the team they chose', () => {
		const game = teamsGame();
		joinTeam(game, 'a', 'evn');
		expect(game.player('a').team).toBe('evn');
		expect(game.event('playerJoined').team).toBe('evn');
	});

	it('puts a player who did not choose in the smallest team', () => {
		const game = teamsGame();
		joinTeam(game, 'a', 'may10');
		joinTeam(game, 'b', 'viglacera');
		joinTeam(game, 'c');
		joinTeam(game, 'd');
		expect(game.player('c').team).toBe('evn');
		expect(game.player('d').team).toBe('may10');
	});

	it('refuses a team that is not in the game', () => {
		const game = teamsGame();
		expect(game.refused({ type: 'join', playerId: 'a', nickname: 'An', team: 'nasa' })).toBe(
			'TEAM_INVALID'
		);
	});

	it('ignores a team outside teams mode', () => {
		const game = new TestGame();
		game.do({ type: 'join', playerId: 'a', nickname: 'An', team: 'evn' });
		expect(game.player('a').team).toBeNull();
	});
});

describe('team scores', () => {
	/** may10: a (1000) and b (0); viglacera: c (1000); evn: nobody. */
	function playedGame(config: GameConfigInput = {}) {
		const game = teamsGame(config);
		joinTeam(game, 'a', 'may10');
		joinTeam(game, 'b', 'may10');
		joinTeam(game, 'c', 'viglacera');
		game.do({ type: 'start' }, T0);
		game.answer('a', pick(1), T0 + 1000);
		game.answer('b', pick(0), T0 + 1000);
		game.answer('c', pick(1), T0 + 1000);
		game.do({ type: 'closeQuestion' });
		return game;
	}

	it('averages members by default, members without points included', () => {
		const game = playedGame();
		expect(game.event('questionClosed').teams).toEqual([
			{ teamId: 'viglacera', name: 'CĐCS Viglacera', score: 1000, members: 1, rank: 1 },
			{ teamId: 'may10', name: 'CĐCS May 10', score: 500, members: 2, rank: 2 },
			{ teamId: 'evn', name: 'CĐCS EVN', score: 0, members: 0, rank: 3 }
		]);
	});

	it('can sum members instead', () => {
		const game = playedGame({ teamScoring: 'sum' });
		expect(getTeamStandings(game.state)?.map((t) => [t.teamId, t.score, t.rank])).toEqual([
			['may10', 1000, 1],
			['viglacera', 1000, 1],
			['evn', 0, 3]
		]);
	});

	it('stops counting a kicked member', () => {
		const game = playedGame();
		game.do({ type: 'kick', playerId: 'b' });
		expect(getTeamStandings(game.state)?.find((t) => t.teamId === 'may10')).toMatchObject({
			score: 1000,
			members: 1
		});
	});

	it('shows the team table with the leaderboard', () => {
		const game = playedGame();
		game.do({ type: 'showLeaderboard' });
		const shown = game.event('leaderboardShown');
		expect(shown.teams?.map((t) => t.teamId)).toEqual(['viglacera', 'may10', 'evn']);
		expect(shown.top.map((e) => [e.playerId, e.team])).toEqual(
			getLeaderboard(game.state).map((e) => [e.playerId, e.team])
		);
	});

	it('ends with the team table next to the podium', () => {
		const game = playedGame();
		game.do({ type: 'end' });
		expect(game.event('gameEnded').teams?.[0]).toMatchObject({ teamId: 'viglacera', rank: 1 });
	});
});
