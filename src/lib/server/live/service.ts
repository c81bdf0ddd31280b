/**
 * The live-game service the pages call (no sockets): create a game, look it up for the host or
 * for the join page, read and export its results. Every function that takes an id from a URL or
 * form also takes the caller's organization and answers `undefined` on a miss (→ 404).
 */
import type { Db } from '../db';
import type {
	GameMode,
	GameStatus,
	HiddenField,
	JoinableGame,
	LiveGameOptions,
	LiveGameOptionsInput,
	PlayerStatus,
	QuestionKind,
	TeamOption,
	TeamStanding
} from '../../protocol';
import type { Question } from '../../quiz/question';

export interface CreateLiveGameInput {
	organizationId: number;
	quizId: number;
	mode: GameMode;
	options?: LiveGameOptionsInput;
	/** The user creating the game (host, organizer or admin of the organization). */
	createdBy: number;
}

/** Same, from an explicit question list (tests, benchmarks, practice imports). */
export interface CreateLiveGameFromQuestionsInput extends Omit<CreateLiveGameInput, 'quizId'> {
	quizId?: number | null;
	title: string;
	questions: Array<Question & { questionId?: number | null }>;
	/** Seed of the game's shuffles; random when omitted. */
	seed?: number;
}

/**
 * Why a game could not be created: NOT_FOUND (no such quiz in the organization),
 * INVALID_OPTIONS (the form's options do not parse), or the engine's set-up problems
 * (TEAMS_REQUIRED, NO_QUESTIONS, QUESTION_INVALID…).
 */
export type CreateLiveGameResult =
	{ ok: true; gameId: number; pin: string } | { ok: false; problems: string[] };

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
	status: PlayerStatus;
	score: number;
	correct: number;
	answered: number;
	/** Cumulative response time (a missed question counts its full time), ms. */
	timeMs: number;
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

/** Creates a game from a quiz of the organization: questions are snapshotted now. */
export async function createLiveGame(
	db: Db,
	input: CreateLiveGameInput
): Promise<CreateLiveGameResult> {
	void db;
	void input;
	throw new Error('not implemented yet');
}

/** Creates a game from an explicit question list. */
export function createLiveGameFromQuestions(
	db: Db,
	input: CreateLiveGameFromQuestionsInput
): CreateLiveGameResult {
	void db;
	void input;
	throw new Error('not implemented yet');
}

/** The organization's games, newest first. */
export function listLiveGames(db: Db, organizationId: number): HostGameSummary[] {
	void db;
	void organizationId;
	throw new Error('not implemented yet');
}

/** One game of the organization for the host pages, or undefined (→ 404). */
export function getGameForHost(
	db: Db,
	organizationId: number,
	gameId: number
): HostGameSummary | undefined {
	void db;
	void organizationId;
	void gameId;
	throw new Error('not implemented yet');
}

/** The game a PIN leads to (active games only, plus `ended: true` for a just-ended one), or undefined. */
export function findJoinableGame(db: Db, pin: string): JoinableGame | undefined {
	void db;
	void pin;
	throw new Error('not implemented yet');
}

/** Final (or current) ranking, team ranking and per-question statistics, or undefined (→ 404). */
export function getResults(
	db: Db,
	organizationId: number,
	gameId: number
): GameResults | undefined {
	void db;
	void organizationId;
	void gameId;
	throw new Error('not implemented yet');
}

/** The results as a spreadsheet: xlsx, or csv (UTF-8 with BOM, formula cells neutralised). */
export async function exportResults(
	db: Db,
	organizationId: number,
	gameId: number,
	format: 'xlsx' | 'csv'
): Promise<ExportedFile | undefined> {
	void db;
	void organizationId;
	void gameId;
	void format;
	throw new Error('not implemented yet');
}
