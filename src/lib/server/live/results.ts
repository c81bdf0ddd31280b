/**
 * Results of a game for the organization: final ranking with hidden fields, team ranking and
 * per-question figures, read from the database (snapshot + log), so they are the same whether
 * the game is in memory or not, and stay after the event.
 */
import type { Db } from '../db';
import { getGame, listPlayerRows, listQuestionStats } from '../db/queries/games';
import type { Game } from '../db/schema';
import {
	HIDDEN_FIELDS,
	type GameMode,
	type GameStatus,
	type HiddenField,
	type LiveGameOptions,
	type QuestionKind,
	type TeamOption,
	type TeamStanding
} from '../../protocol';
import type { Question } from '../../quiz/question';
import { resultStatusOf, type ResultStatus } from '../../quiz/eligibility';
import { getTeamStandings, listPlayers } from '../../quiz/selectors';
import type { Player } from '../../quiz/types';
import { rebuildState } from './registry';
import { parseOptions, teamsOf, type SnapshotQuestion } from './setup';

export interface HostGameSummary {
	id: number;
	pin: string;
	title: string;
	quizId: number | null;
	mode: GameMode;
	options: LiveGameOptions;
	teams: TeamOption[];
	status: GameStatus;
	/** Players joined (kicked excluded), as last persisted. */
	playerCount: number;
	createdAt: Date;
	endedAt: Date | null;
}

export interface ResultPlayer {
	/** Final rank (ties share a rank); null for spectators and kicked players. */
	rank: number | null;
	playerId: string;
	nickname: string;
	team: string | null;
	teamName: string | null;
	/** Final once the game is over (finished, eliminated, left, kicked…), live before. */
	status: ResultStatus;
	score: number;
	correct: number;
	answered: number;
	/**
	 * Cumulative response time (a missed question counts its full time), ms; null for a player
	 * who answered nothing (a total of missed time would read as time spent playing).
	 */
	timeMs: number | null;
	/** Only the fields the game asked for; organization eyes only. */
	hidden: Partial<Record<HiddenField, string>>;
	joinedAt: Date;
}

export interface ResultQuestion {
	questionIndex: number;
	questionId: number | null;
	kind: QuestionKind;
	/** 1-based among main questions; 0 for tie-break and rescue questions. */
	number: number;
	text: string;
	type: Question['type'];
	skipped: boolean;
	eligible: number;
	answered: number;
	correct: number;
	/** correct / eligible × 100, one decimal; null when nobody could answer. */
	percentCorrect: number | null;
	/** Mean response time of the answers given, ms; null when nobody answered. */
	averageMs: number | null;
}

export interface GameResults {
	game: HostGameSummary;
	hiddenFields: HiddenField[];
	players: ResultPlayer[];
	teams: TeamStanding[] | null;
	questions: ResultQuestion[];
	winner: { playerId: string; nickname: string } | null;
}

export interface ExportedFile {
	filename: string;
	contentType: string;
	body: Uint8Array;
}

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

export async function readResults(
	db: Db,
	organizationId: number,
	gameId: number
): Promise<GameResults | undefined> {
	const row = await getGame(db, organizationId, gameId);
	if (!row) return undefined;
	const summary = toSummary(row);
	const hiddenFields = summary.options.hiddenFields.filter((f) => HIDDEN_FIELDS.includes(f));
	const { state } = await rebuildState(db, row);
	const rows = new Map((await listPlayerRows(db, gameId)).map((p) => [p.playerId, p]));
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
	const questions: ResultQuestion[] = (await listQuestionStats(db, gameId)).map((stats) => {
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
