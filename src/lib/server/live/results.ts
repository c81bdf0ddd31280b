/**
 * Results of a game for the organization: final ranking with hidden fields, team ranking and
 * per-question figures, read from the database (snapshot + log), so they are the same whether
 * the game is in memory or not, and stay after the event.
 */
import type { Db } from '../db';
import { getGame, listPlayerRows, listQuestionStats } from '../db/queries/games';
import type { Game } from '../db/schema';
import { HIDDEN_FIELDS, type HiddenField } from '../../protocol';
import { resultStatusOf } from '../../quiz/eligibility';
import { getTeamStandings, listPlayers } from '../../quiz/selectors';
import type { Player } from '../../quiz/types';
import { rebuildState } from './registry';
import { parseOptions, teamsOf, type SnapshotQuestion } from './setup';
import type { GameResults, HostGameSummary, ResultPlayer, ResultQuestion } from './service';

export function toSummary(row: Game): HostGameSummary {
	const options = parseOptions(row.options);
	return {
		id: row.id,
		pin: row.pin,
		title: row.title,
		quizId: row.quizId,
		mode: row.mode,
		options,
		teams: teamsOf(row.mode, options),
		status: row.status,
		playerCount: row.playerCount,
		createdAt: row.createdAt,
		endedAt: row.endedAt
	};
}

function pickHidden(raw: string, fields: HiddenField[]): Partial<Record<HiddenField, string>> {
	let parsed: Record<string, unknown> = {};
	try {
		parsed = JSON.parse(raw) as Record<string, unknown>;
	} catch {
		// A damaged row shows empty fields rather than failing the page.
	}
	const hidden: Partial<Record<HiddenField, string>> = {};
	for (const field of fields) if (typeof parsed[field] === 'string') hidden[field] = parsed[field];
	return hidden;
}

const ranked = (a: Player, b: Player) =>
	(a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) || a.seq - b.seq;

export function readResults(
	db: Db,
	organizationId: number,
	gameId: number
): GameResults | undefined {
	const row = getGame(db, organizationId, gameId);
	if (!row) return undefined;
	const summary = toSummary(row);
	const hiddenFields = summary.options.hiddenFields.filter((f) => HIDDEN_FIELDS.includes(f));
	const { state } = rebuildState(db, row);
	const rows = new Map(listPlayerRows(db, gameId).map((p) => [p.playerId, p]));
	const teamNames = new Map(summary.teams.map((team) => [team.id, team.name]));

	const players: ResultPlayer[] = listPlayers(state)
		.sort(ranked)
		.map((player) => {
			const stored = rows.get(player.id);
			return {
				rank: player.status === 'active' || player.status === 'eliminated' ? player.rank : null,
				playerId: player.id,
				nickname: player.nickname,
				team: player.team,
				teamName: player.team ? (teamNames.get(player.team) ?? player.team) : null,
				status: resultStatusOf(player, state.phase),
				score: player.score,
				correct: player.correct,
				answered: player.answered,
				timeMs: player.answered > 0 ? player.timeMs : null,
				hidden: stored ? pickHidden(stored.hidden, hiddenFields) : {},
				joinedAt: new Date(stored?.joinedAt ?? 0)
			};
		});

	const snapshot = row.questions as SnapshotQuestion[];
	const questions: ResultQuestion[] = listQuestionStats(db, gameId).map((stats) => {
		const question = state.questions[stats.questionIndex];
		return {
			questionIndex: stats.questionIndex,
			// Reserve questions are played in snapshot order, so indices line up.
			questionId: snapshot[stats.questionIndex]?.questionId ?? null,
			kind: stats.kind,
			number: stats.number,
			text: question?.text ?? '',
			type: question?.type ?? 'single',
			skipped: stats.skipped,
			eligible: stats.eligible,
			answered: stats.answered,
			correct: stats.correct,
			percentCorrect:
				stats.eligible > 0 ? Math.round((stats.correct / stats.eligible) * 1000) / 10 : null,
			averageMs: stats.averageMs
		};
	});

	const winnerId = state.elimination.winnerId;
	const winner = winnerId ? players.find((p) => p.playerId === winnerId) : undefined;
	return {
		game: summary,
		hiddenFields,
		players,
		teams: getTeamStandings(state),
		questions,
		winner: winner ? { playerId: winner.playerId, nickname: winner.nickname } : null
	};
}
