/**
 * Named queries of live games. The hot path (commands, joins, answers during a burst) goes through
 * `gameWriter`, whose statements are prepared once per database: the realtime layer calls them
 * inside one group-commit transaction per few milliseconds.
 */
import type { Statement } from 'better-sqlite3';
import { and, asc, desc, eq, gt, ne } from 'drizzle-orm';
import type { Db } from '../index';
import { game, gameCommand, gameQuestion, gameSnapshot, player, type Game } from '../schema';

export type NewGame = typeof game.$inferInsert;

export function insertGame(db: Db, row: NewGame): number {
	return db.insert(game).values(row).returning({ id: game.id }).get().id;
}

/** A game of the organization, or undefined. */
export function getGame(db: Db, organizationId: number, gameId: number): Game | undefined {
	return db
		.select()
		.from(game)
		.where(and(eq(game.id, gameId), eq(game.organizationId, organizationId)))
		.get();
}

/** Any game by id: only for the realtime layer, which checks the organization itself. */
export function getGameById(db: Db, gameId: number): Game | undefined {
	return db.select().from(game).where(eq(game.id, gameId)).get();
}

/** The game that holds a PIN right now (PINs are unique among games that have not ended). */
export function findActiveGameByPin(db: Db, pin: string): Game | undefined {
	return db
		.select()
		.from(game)
		.where(and(eq(game.pin, pin), ne(game.status, 'ended')))
		.get();
}

/** The most recent ended game with this PIN (so a phone can be told the game is over). */
export function findEndedGameByPin(db: Db, pin: string): Game | undefined {
	return db
		.select()
		.from(game)
		.where(and(eq(game.pin, pin), eq(game.status, 'ended')))
		.orderBy(desc(game.id))
		.get();
}

export function listGames(db: Db, organizationId: number): Game[] {
	return db
		.select()
		.from(game)
		.where(eq(game.organizationId, organizationId))
		.orderBy(desc(game.createdAt), desc(game.id))
		.all();
}

/** Ids of games to bring back after a restart. */
export function listUnfinishedGameIds(db: Db): number[] {
	return db
		.select({ id: game.id })
		.from(game)
		.where(ne(game.status, 'ended'))
		.all()
		.map((row) => row.id);
}

/** Logged commands after `afterSeq`, in order. */
export function listCommandsAfter(
	db: Db,
	gameId: number,
	afterSeq: number
): { seq: number; command: string; at: number }[] {
	return db
		.select({ seq: gameCommand.seq, command: gameCommand.command, at: gameCommand.at })
		.from(gameCommand)
		.where(and(eq(gameCommand.gameId, gameId), gt(gameCommand.seq, afterSeq)))
		.orderBy(asc(gameCommand.seq))
		.all();
}

/** The latest engine snapshot of a game, or undefined (replay from the start). */
export function getSnapshot(db: Db, gameId: number): { seq: number; state: string } | undefined {
	return db
		.select({ seq: gameSnapshot.seq, state: gameSnapshot.state })
		.from(gameSnapshot)
		.where(eq(gameSnapshot.gameId, gameId))
		.get();
}

export function listPlayerRows(db: Db, gameId: number) {
	return db.select().from(player).where(eq(player.gameId, gameId)).all();
}

export function listQuestionStats(db: Db, gameId: number) {
	return db
		.select()
		.from(gameQuestion)
		.where(eq(gameQuestion.gameId, gameId))
		.orderBy(asc(gameQuestion.questionIndex))
		.all();
}

export interface PlayerInsert {
	gameId: number;
	organizationId: number;
	playerId: string;
	tokenHash: string;
	nickname: string;
	team: string | null;
	hidden: string;
	joinedAt: number;
}

export interface AnswerInsert {
	gameId: number;
	organizationId: number;
	playerId: string;
	questionIndex: number;
	answer: string;
	receivedAt: number;
	responseMs: number;
	correct: boolean;
	fraction: number;
	points: number;
}

export interface QuestionStatsInsert {
	gameId: number;
	questionIndex: number;
	kind: 'main' | 'tiebreak' | 'rescue';
	number: number;
	skipped: boolean;
	eligible: number;
	answered: number;
	correct: number;
	averageMs: number | null;
	closedAt: number;
}

/** Prepared statements for the realtime hot path; run them inside `transaction`. */
export interface GameWriter {
	appendCommand(gameId: number, seq: number, command: string, at: number): void;
	insertPlayer(row: PlayerInsert): void;
	insertAnswer(row: AnswerInsert): void;
	/** Removes answers a kicked player gave to the question still open. */
	deleteAnswer(gameId: number, questionIndex: number, playerId: string): void;
	saveQuestionStats(row: QuestionStatsInsert): void;
	saveSnapshot(gameId: number, state: string, seq: number, at: number): void;
	updateMeta(
		gameId: number,
		meta: {
			status: 'lobby' | 'running' | 'ended';
			locked: boolean;
			playerCount: number;
			startedAt: number | null;
			endedAt: number | null;
		}
	): void;
	transaction(work: () => void): void;
}

const writers = new WeakMap<Db, GameWriter>();

export function gameWriter(db: Db): GameWriter {
	const cached = writers.get(db);
	if (cached) return cached;
	const client = db.$client;
	const prepare = (sql: string): Statement => client.prepare(sql);
	const append = prepare(
		'INSERT INTO game_command (game_id, seq, command, at) VALUES (?, ?, ?, ?)'
	);
	const addPlayer = prepare(
		`INSERT INTO player (game_id, organization_id, player_id, token_hash, nickname, team, hidden, joined_at)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
	);
	const addAnswer = prepare(
		`INSERT OR IGNORE INTO answer (game_id, organization_id, player_id, question_index, answer,
		 received_at, response_ms, correct, fraction, points) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	);
	const removeAnswer = prepare(
		'DELETE FROM answer WHERE game_id = ? AND question_index = ? AND player_id = ?'
	);
	const stats = prepare(
		`INSERT OR REPLACE INTO game_question (game_id, question_index, kind, number, skipped, eligible,
		 answered, correct, average_ms, closed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	);
	const snapshot = prepare(
		`INSERT INTO game_snapshot (game_id, seq, state, saved_at) VALUES (?, ?, ?, ?)
		 ON CONFLICT (game_id) DO UPDATE SET seq = excluded.seq, state = excluded.state,
		 saved_at = excluded.saved_at WHERE excluded.seq > game_snapshot.seq`
	);
	const meta = prepare(
		`UPDATE game SET status = ?, locked = ?, player_count = ?, started_at = ?, ended_at = ?
		 WHERE id = ?`
	);
	const writer: GameWriter = {
		appendCommand: (gameId, seq, command, at) => void append.run(gameId, seq, command, at),
		insertPlayer: (r) =>
			void addPlayer.run(
				r.gameId,
				r.organizationId,
				r.playerId,
				r.tokenHash,
				r.nickname,
				r.team,
				r.hidden,
				r.joinedAt
			),
		insertAnswer: (r) =>
			void addAnswer.run(
				r.gameId,
				r.organizationId,
				r.playerId,
				r.questionIndex,
				r.answer,
				r.receivedAt,
				r.responseMs,
				r.correct ? 1 : 0,
				r.fraction,
				r.points
			),
		deleteAnswer: (gameId, questionIndex, playerId) =>
			void removeAnswer.run(gameId, questionIndex, playerId),
		saveQuestionStats: (r) =>
			void stats.run(
				r.gameId,
				r.questionIndex,
				r.kind,
				r.number,
				r.skipped ? 1 : 0,
				r.eligible,
				r.answered,
				r.correct,
				r.averageMs,
				r.closedAt
			),
		saveSnapshot: (gameId, state, seq, at) => void snapshot.run(gameId, seq, state, at),
		updateMeta: (gameId, m) =>
			void meta.run(m.status, m.locked ? 1 : 0, m.playerCount, m.startedAt, m.endedAt, gameId),
		transaction: (work) => client.transaction(work)()
	};
	writers.set(db, writer);
	return writer;
}
