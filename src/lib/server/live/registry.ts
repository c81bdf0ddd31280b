/**
 * The games running in this process, by id and by PIN. A game not in memory is rebuilt from the
 * database on first access (and every unfinished game at start-up): its last engine snapshot plus
 * the commands logged after it, replayed; the question timer is re-armed from the persisted
 * deadline. That is what makes `kill -9` mid-question harmless.
 */
import type { Db, DbOrTx } from '../db';
import {
	createGameWriter,
	findActiveGameByPin,
	getGameById,
	getSnapshot,
	listCommandsAfter,
	listPlayerRows,
	listUnfinishedGameIds,
	type GameWriter
} from '../db/queries/games';
import type { Game } from '../db/schema';
import { createGame, replay } from '../../quiz/engine';
import type { Command, GameState, LogEntry } from '../../quiz/types';
import { GroupCommit, dbCommit } from '../db/group-commit';
import { LiveGame, realTimers, type GameListener, type Timers } from './live-game';
import {
	engineConfig,
	parseOptions,
	teamsOf,
	toEngineQuestion,
	type SnapshotQuestion
} from './setup';

export interface RegistryDeps {
	db: Db;
	now: () => number;
	timers?: Timers;
	listener: GameListener;
	/** Told when a game leaves memory (the broadcaster drops its sockets' bookkeeping). */
	onEvict?: (gameId: number) => void;
}

/**
 * An ended game stays in memory this long for late reloads, then is read from the database (its
 * results, exports and the phones' podium all come from there). The same holds for an ended game
 * loaded again later (a phone reloading its podium, a host reopening the screen).
 */
export const ENDED_GAME_TTL_MS = 10 * 60_000;
/** At most this many ended games stay in memory at once (the oldest leave first). */
export const ENDED_GAMES_IN_MEMORY = 20;

export class GameRegistry {
	readonly commit: GroupCommit;
	readonly #writer: GameWriter;
	readonly #games = new Map<number, LiveGame>();
	readonly #byPin = new Map<string, number>();
	readonly #deps: RegistryDeps;
	readonly #listener: GameListener;
	/** Ended games in memory, oldest first, with their eviction timers. */
	readonly #expiries = new Map<number, unknown>();
	/** Games being read from the database: a second access waits for the same load. */
	readonly #loading = new Map<number, Promise<LiveGame | undefined>>();
	#disposing: Promise<void> | null = null;

	constructor(deps: RegistryDeps) {
		this.#deps = deps;
		this.#listener = (game, events, state) => {
			deps.listener(game, events, state);
			if (events.some((event) => event.type === 'gameEnded')) this.#expire(game.id);
		};
		this.#writer = createGameWriter(deps.db);
		this.commit = new GroupCommit({
			...dbCommit(deps.db),
			// The games that lost a write are ahead of the disk in memory: reload them from it
			// (their writes still queued are refused, see LiveGame.abandon).
			onFailure: (error, gameIds) => {
				console.error('live: a write failed; reloading the games involved', gameIds, error);
				for (const id of gameIds) this.evict(id, true);
			}
		});
	}

	/** The game if it is in memory now (no database access), else undefined. */
	loaded(gameId: number): LiveGame | undefined {
		return this.#games.get(gameId);
	}

	/**
	 * A game by id, loaded from the database if needed (any status), or undefined. Concurrent
	 * accesses to a game being loaded share its load (one LiveGame per game).
	 */
	async get(gameId: number): Promise<LiveGame | undefined> {
		const loaded = this.#games.get(gameId);
		if (loaded) return loaded;
		let loading = this.#loading.get(gameId);
		if (!loading) {
			loading = this.#read(gameId).finally(() => this.#loading.delete(gameId));
			this.#loading.set(gameId, loading);
		}
		return loading;
	}

	async #read(gameId: number): Promise<LiveGame | undefined> {
		const row = await getGameById(this.#deps.db, gameId);
		if (!row) return undefined;
		const data = await readLiveGame(this.#deps.db, row);
		// Disposed meanwhile (shutdown), or loaded by another path: keep what is there.
		if (this.#disposing) return undefined;
		return this.#games.get(gameId) ?? this.#install(row, data);
	}

	/** The game a PIN opens now (not ended), or undefined. */
	async getByPin(pin: string): Promise<LiveGame | undefined> {
		const id = this.#byPin.get(pin);
		const loaded = id === undefined ? undefined : this.#games.get(id);
		if (loaded && loaded.meta.status !== 'ended') return loaded;
		const row = await findActiveGameByPin(this.#deps.db, pin);
		return row ? this.get(row.id) : undefined;
	}

	/** Loads every unfinished game (process start). Returns how many came back. */
	async recoverAll(): Promise<number> {
		let count = 0;
		for (const id of await listUnfinishedGameIds(this.#deps.db)) {
			try {
				if (await this.get(id)) count++;
			} catch (err) {
				console.error(`live: game ${id} could not be recovered`, err);
			}
		}
		return count;
	}

	/**
	 * Forgets a game (it is reloaded from the database on next access). `failed`: a write of it
	 * failed, so its writes still queued are refused too (LiveGame.abandon).
	 */
	evict(gameId: number, failed = false): void {
		const timer = this.#expiries.get(gameId);
		if (timer !== undefined) {
			(this.#deps.timers ?? realTimers).clear(timer);
			this.#expiries.delete(gameId);
		}
		const game = this.#games.get(gameId);
		if (!game) return;
		if (failed) game.abandon();
		else game.dispose();
		this.#games.delete(gameId);
		if (this.#byPin.get(game.meta.pin) === gameId) this.#byPin.delete(game.meta.pin);
		this.#deps.onEvict?.(gameId);
	}

	/** Schedule an ended game's eviction; past the cap, the oldest ended game leaves at once. */
	#expire(gameId: number): void {
		const timers = this.#deps.timers ?? realTimers;
		if (this.#expiries.has(gameId)) return;
		this.#expiries.set(
			gameId,
			timers.set(() => {
				this.#expiries.delete(gameId);
				const game = this.#games.get(gameId);
				if (game?.meta.status === 'ended') this.evict(gameId);
			}, ENDED_GAME_TTL_MS)
		);
		for (const [oldest, timer] of this.#expiries) {
			if (this.#expiries.size <= ENDED_GAMES_IN_MEMORY) break;
			timers.clear(timer);
			this.#expiries.delete(oldest);
			this.evict(oldest);
		}
	}

	/** Is the game in this process's memory (without loading it)? */
	has(gameId: number): boolean {
		return this.#games.has(gameId);
	}

	get size(): number {
		return this.#games.size;
	}

	/**
	 * Stops every timer and commits what is pending (server shutdown, tests); resolves once it is
	 * committed. A second call returns the same promise.
	 */
	dispose(): Promise<void> {
		if (this.#disposing) return this.#disposing;
		const timers = this.#deps.timers ?? realTimers;
		for (const timer of this.#expiries.values()) timers.clear(timer);
		this.#expiries.clear();
		for (const game of this.#games.values()) game.dispose();
		this.#games.clear();
		this.#byPin.clear();
		this.#disposing = this.commit.close();
		return this.#disposing;
	}

	#install(row: Game, data: StoredGame): LiveGame {
		const game = buildLiveGame(row, data, {
			commit: this.commit,
			writer: this.#writer,
			now: this.#deps.now,
			timers: this.#deps.timers ?? realTimers,
			listener: this.#listener
		});
		this.#games.set(row.id, game);
		if (row.status !== 'ended') this.#byPin.set(row.pin, row.id);
		game.resume();
		if (row.status === 'ended') this.#expire(row.id);
		return game;
	}
}

/** The engine's initial state for a game row (deterministic: same row, same state). */
export function initialState(row: Game): GameState {
	const options = parseOptions(row.options);
	const questions = (row.questions as SnapshotQuestion[])
		.slice(0, row.mainCount)
		.map(toEngineQuestion);
	return createGame(engineConfig(row.mode, options), questions, row.seed);
}

/** Snapshot + the commands after it, replayed. */
export async function rebuildState(
	db: DbOrTx,
	row: Game
): Promise<{ state: GameState; seq: number; snapshotSeq: number }> {
	const snapshot = await getSnapshot(db, row.id);
	const after = snapshot?.seq ?? 0;
	const rows = await listCommandsAfter(db, row.id, after);
	const base: GameState = snapshot ? JSON.parse(snapshot.state) : initialState(row);
	const log: LogEntry[] = rows.map((r) => ({
		command: JSON.parse(r.command) as Command,
		now: r.at
	}));
	const state = replay(base, log);
	return { state, seq: rows.length > 0 ? rows[rows.length - 1].seq : after, snapshotSeq: after };
}

/** What the database holds of a game beyond its row: its state and its players' tokens. */
interface StoredGame {
	rebuilt: Awaited<ReturnType<typeof rebuildState>>;
	players: Array<{ tokenHash: string; playerId: string }>;
}

async function readLiveGame(db: Db, row: Game): Promise<StoredGame> {
	const rebuilt = await rebuildState(db, row);
	const players = await listPlayerRows(db, row.id);
	return { rebuilt, players };
}

function buildLiveGame(
	row: Game,
	data: StoredGame,
	deps: ConstructorParameters<typeof LiveGame>[3]
): LiveGame {
	const { state, seq, snapshotSeq } = data.rebuilt;
	const options = parseOptions(row.options);
	const game = new LiveGame(
		{
			id: row.id,
			organizationId: row.organizationId,
			pin: row.pin,
			title: row.title,
			mode: row.mode,
			options,
			teams: teamsOf(row.mode, options),
			questions: row.questions as SnapshotQuestion[],
			mainCount: row.mainCount,
			status: row.status,
			startedAt: row.startedAt?.getTime() ?? null,
			endedAt: row.endedAt?.getTime() ?? null
		},
		state,
		seq,
		deps,
		snapshotSeq
	);
	for (const player of data.players) game.tokens.set(player.tokenHash, player.playerId);
	return game;
}
