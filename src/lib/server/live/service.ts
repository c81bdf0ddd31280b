/**
 * The live-game service the pages call (no sockets): create a game, look it up for the host or
 * for the join page, read and export its results. Every function that takes an id from a URL or
 * form also takes the caller's organization and answers `undefined` on a miss (→ 404).
 */
import * as v from 'valibot';
import type { Db } from '../db';
import { getQuizForGame } from '../db/queries/quizzes';
import {
	findActiveGameByPin,
	findEndedGameByPin,
	getGame,
	insertGame,
	listGames
} from '../db/queries/games';
import { isUniqueViolation } from '../db/queries/unique-violation';
import { checkGameSetup } from '../../quiz/config';
import { isPlayableQuestion } from '../../quiz/question-check';
import {
	LIVE_MODES,
	LiveGameOptionsSchema,
	type GameMode,
	type JoinableGame,
	type LiveGameOptionsInput
} from '../../protocol';
import type { Question } from '../../quiz/question';
import { buildResultsFile, VI_EXPORT_LABELS, type ExportLabels } from './export';
import {
	readResults,
	toSummary,
	type ExportedFile,
	type GameResults,
	type HostGameSummary
} from './results';
import type { CsvSeparator } from '../transfer/csv';
import { engineConfig, toEngineQuestion } from './setup';

export type { ExportLabels } from './export';
export type { ExportedFile, GameResults, HostGameSummary } from './results';

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

/** Creates a game from a quiz of the organization: its questions are snapshotted now. */
export async function createLiveGame(
	db: Db,
	input: CreateLiveGameInput
): Promise<CreateLiveGameResult> {
	const seed = randomSeed();
	const quiz = await getQuizForGame(db, input.organizationId, input.quizId, seed);
	if (!quiz) return { ok: false, problems: ['NOT_FOUND'] };
	return createLiveGameFromQuestions(db, {
		...input,
		quizId: quiz.id,
		title: quiz.title,
		questions: quiz.questions,
		seed
	});
}

/** Creates a game from an explicit question list (the last `reserveQuestions` are reserve). */
export async function createLiveGameFromQuestions(
	db: Db,
	input: CreateLiveGameFromQuestionsInput
): Promise<CreateLiveGameResult> {
	const parsed = v.safeParse(LiveGameOptionsSchema, input.options ?? {});
	if (!parsed.success || !LIVE_MODES.includes(input.mode))
		return { ok: false, problems: ['INVALID_OPTIONS'] };
	const options = parsed.output;
	const seed = input.seed ?? randomSeed();
	const snapshot = input.questions.map((q) => ({
		questionId: q.questionId ?? null,
		...toEngineQuestion(q)
	}));
	const mainCount = snapshot.length - options.reserveQuestions;
	if (mainCount < 1) return { ok: false, problems: ['NO_QUESTIONS'] };
	const problems: string[] = checkGameSetup(
		engineConfig(input.mode, options),
		snapshot.slice(0, mainCount).map(toEngineQuestion),
		seed
	);
	if (!snapshot.slice(mainCount).every((q) => isPlayableQuestion(toEngineQuestion(q))))
		problems.push('QUESTION_INVALID');
	if (problems.length > 0) return { ok: false, problems: [...new Set(problems)] };

	const title = input.title.trim().slice(0, 200) || 'Chuông Vàng';
	for (let attempt = 0; attempt < 50; attempt++) {
		const pin = randomPin();
		if (await findActiveGameByPin(db, pin)) continue;
		try {
			const gameId = await insertGame(db, {
				organizationId: input.organizationId,
				quizId: input.quizId ?? null,
				title,
				pin,
				mode: input.mode,
				options,
				questions: snapshot,
				mainCount,
				seed,
				status: 'lobby',
				createdBy: input.createdBy,
				createdAt: new Date()
			});
			return { ok: true, gameId, pin };
		} catch (err) {
			// Another game took the PIN between the check and the insert: draw again.
			if (!isUniqueViolation(err)) throw err;
		}
	}
	throw new Error('live: no free PIN found');
}

/** The organization's games, newest first. */
export async function listLiveGames(db: Db, organizationId: number): Promise<HostGameSummary[]> {
	return (await listGames(db, organizationId)).map(toSummary);
}

/** One game of the organization for the host pages, or undefined (→ 404). */
export async function getGameForHost(
	db: Db,
	organizationId: number,
	gameId: number
): Promise<HostGameSummary | undefined> {
	const row = await getGame(db, organizationId, gameId);
	return row ? toSummary(row) : undefined;
}

/** The game a PIN leads to; a PIN whose last game ended says so (`ended: true`); else undefined. */
export async function findJoinableGame(db: Db, pin: string): Promise<JoinableGame | undefined> {
	if (!/^\d{6}$/.test(pin)) return undefined;
	const row = (await findActiveGameByPin(db, pin)) ?? (await findEndedGameByPin(db, pin));
	if (!row) return undefined;
	const game = toSummary(row);
	return {
		gameId: game.id,
		pin: game.pin,
		title: game.title,
		mode: game.mode,
		teams: game.teams,
		hiddenFields: game.options.hiddenFields,
		nicknameFilter: game.options.nicknameFilter,
		locked: row.locked,
		ended: row.status === 'ended'
	};
}

/** Final (or current) ranking, team ranking and per-question figures, or undefined (→ 404). */
export async function getResults(
	db: Db,
	organizationId: number,
	gameId: number
): Promise<GameResults | undefined> {
	return readResults(db, organizationId, gameId);
}

/** The results as a spreadsheet: xlsx, or csv (UTF-8 with BOM, formula cells neutralised). */
export async function exportResults(
	db: Db,
	organizationId: number,
	gameId: number,
	format: 'xlsx' | 'csv',
	labels: ExportLabels = VI_EXPORT_LABELS,
	separator: CsvSeparator = ','
): Promise<ExportedFile | undefined> {
	const results = await getResults(db, organizationId, gameId);
	return results ? buildResultsFile(results, format, labels, separator) : undefined;
}

function randomSeed(): number {
	return crypto.getRandomValues(new Uint32Array(1))[0];
}

/** 6 digits, never starting with 0 (phones and people drop leading zeros). */
function randomPin(): string {
	return String(100_000 + (crypto.getRandomValues(new Uint32Array(1))[0] % 900_000));
}
