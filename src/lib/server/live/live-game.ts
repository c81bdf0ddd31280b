/**
 * One running game in memory: the engine state, its command sequence, the player-token index
 * and the question timer. Every accepted command is queued for the group commit together with
 * the rows it implies (player, answer, per-question figures, snapshot, status); the listener
 * (the realtime layer's broadcaster) hears about it only once it is committed.
 *
 * Cost: an answer is one engine call (O(1)) and one queued write; a close is O(N log N) in the
 * engine plus one O(N) snapshot.
 */
import { apply } from '../../quiz/engine';
import { getPlayer, getPlayerAnswer } from '../../quiz/selectors';
import type { ApplyResult, Command, GameEvent, GameState } from '../../quiz/types';
import type { DbOrTx } from '../db';
import type { GameWriter } from '../db/queries/games';
import type { GameMode, GameStatus, LiveGameOptions, TeamOption } from '../../protocol';
import type { GroupCommit } from '../db/group-commit';
import type { SnapshotQuestion } from './setup';

export interface LiveGameMeta {
	id: number;
	organizationId: number;
	pin: string;
	title: string;
	mode: GameMode;
	options: LiveGameOptions;
	teams: TeamOption[];
	/** Main questions, then reserve questions (rescue question, tie-breaks). */
	questions: SnapshotQuestion[];
	mainCount: number;
	status: GameStatus;
	startedAt: number | null;
	endedAt: number | null;
}

/** Hears committed commands. `state` is the state right after this command. */
export type GameListener = (game: LiveGame, events: GameEvent[], state: GameState) => void;

export interface Timers {
	set(fn: () => void, ms: number): unknown;
	clear(handle: unknown): void;
}

export const realTimers: Timers = {
	set: (fn, ms) => {
		const handle = setTimeout(fn, ms);
		handle.unref?.();
		return handle;
	},
	clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>)
};

export interface LiveGameDeps {
	commit: GroupCommit;
	writer: GameWriter;
	now: () => number;
	timers: Timers;
	listener: GameListener;
}

/** What comes with a join but is not part of the engine command: the token's hash. */
export interface JoinExtras {
	tokenHash: string;
}

/**
 * A snapshot is taken a while after a close (never inside the close's own commit, so the reveal
 * goes out without waiting for a multi-megabyte JSON.stringify) once enough commands piled up
 * since the last one; recovery then replays at most about one question's worth of commands.
 */
export const SNAPSHOT_DELAY_MS = 1_500;
export const SNAPSHOT_MIN_COMMANDS = 500;

export class LiveGame {
	readonly meta: LiveGameMeta;
	#state: GameState;
	/** Seq of the last accepted command. */
	#seq: number;
	/** SHA-256 of a player token → playerId. */
	readonly tokens = new Map<string, string>();
	#timer: { handle: unknown; index: number; deadline: number } | null = null;
	#deps: LiveGameDeps;
	#disposed = false;
	/** A write failed: this instance's queued writes are refused (see `abandon`). */
	#abandoned = false;
	/** Seq of the last snapshot written (or queued). */
	#snapshotSeq: number;
	#snapshotTimer: unknown = null;
	/** A meta row update is queued in the current batch. */
	#metaQueued = false;

	constructor(
		meta: LiveGameMeta,
		state: GameState,
		seq: number,
		deps: LiveGameDeps,
		snapshotSeq = 0
	) {
		this.meta = meta;
		this.#state = state;
		this.#seq = seq;
		this.#deps = deps;
		this.#snapshotSeq = snapshotSeq;
	}

	get id(): number {
		return this.meta.id;
	}
	get state(): GameState {
		return this.#state;
	}
	get seq(): number {
		return this.#seq;
	}

	/** Reserve questions not used yet (the engine appends each one it plays). */
	get reserveLeft(): number {
		const used = this.#state.questions.length - this.meta.mainCount;
		return Math.max(0, this.meta.questions.length - this.meta.mainCount - used);
	}

	/** The next `count` unused reserve questions. */
	takeReserve(count: number): SnapshotQuestion[] {
		const start = this.#state.questions.length;
		return this.meta.questions.slice(start, start + Math.min(count, this.reserveLeft));
	}

	/**
	 * Applies a command now. Accepted commands that change the state are logged with the rows they
	 * imply and reach the listener after the commit; refusals and no-ops (a duplicate answer, a
	 * rejoin) change nothing and are not logged.
	 */
	run(command: Command, extras?: JoinExtras): ApplyResult {
		if (this.#disposed) return { ok: false, error: 'GAME_ENDED' };
		const now = this.#deps.now();
		const before = this.#state;
		const result = apply(before, command, now);
		if (!result.ok) return result;
		const state = result.state;
		// A duplicate answer or a rejoin: nothing to log or to tell anyone.
		if (state === before) return result;
		this.#state = state;
		const seq = ++this.#seq;
		const writes = this.#rowsFor(command, result.events, before, state, now, seq, extras);
		this.#deps.commit.add({
			key: this.id,
			write: writes,
			after: (error) => {
				if (!error) this.#deps.listener(this, result.events, state);
			}
		});
		this.#syncTimer();
		return result;
	}

	/** The writes for one accepted command, run inside the group-commit transaction. */
	#rowsFor(
		command: Command,
		events: GameEvent[],
		before: GameState,
		state: GameState,
		now: number,
		seq: number,
		extras: JoinExtras | undefined
	): (tx: DbOrTx) => Promise<void> {
		const { writer } = this.#deps;
		const gameId = this.id;
		const organizationId = this.meta.organizationId;
		const commandJson = JSON.stringify(command);
		const rows: Array<(tx: DbOrTx) => Promise<void>> = [
			(tx) => writer.appendCommand(tx, gameId, seq, commandJson, now)
		];
		let checkpoint = false;
		let metaChanged = false;
		for (const event of events) {
			switch (event.type) {
				case 'playerJoined':
					if (event.rejoined || !extras) break;
					if (command.type === 'join') {
						const nickname = event.nickname;
						const team = event.team;
						// The engine keeps only the required fields, trimmed: store exactly those.
						const hidden = JSON.stringify(getPlayer(state, event.playerId)?.fields ?? {});
						const tokenHash = extras.tokenHash;
						this.tokens.set(tokenHash, event.playerId);
						rows.push((tx) =>
							writer.insertPlayer(tx, {
								gameId,
								organizationId,
								playerId: event.playerId,
								tokenHash,
								nickname,
								team,
								hidden,
								joinedAt: now
							})
						);
					}
					metaChanged = true;
					break;
				case 'answerAccepted': {
					if (event.duplicate || command.type !== 'submitAnswer') break;
					const answer = getPlayerAnswer(state, event.playerId);
					if (!answer) break;
					const answerJson = JSON.stringify(answer.answer);
					rows.push((tx) =>
						writer.insertAnswer(tx, {
							gameId,
							organizationId,
							playerId: event.playerId,
							questionIndex: event.questionIndex,
							answer: answerJson,
							receivedAt: answer.at,
							responseMs: answer.responseMs,
							correct: answer.correct,
							fraction: answer.fraction,
							points: answer.points
						})
					);
					break;
				}
				case 'playerKicked': {
					const open = before.current && !before.current.closed ? before.current : null;
					if (open) rows.push((tx) => writer.deleteAnswer(tx, gameId, open.index, event.playerId));
					metaChanged = true;
					break;
				}
				case 'questionClosed': {
					const current = state.current;
					if (!current) break;
					const answers = event.results.filter((r) => r.answered && r.responseMs !== null);
					const averageMs =
						answers.length > 0
							? Math.round(
									answers.reduce((sum, r) => sum + (r.responseMs ?? 0), 0) / answers.length
								)
							: null;
					const stats = {
						gameId,
						questionIndex: event.questionIndex,
						kind: event.kind,
						number: current.number,
						skipped: event.skipped,
						eligible: event.eligible,
						answered: event.distribution.answered,
						correct: event.distribution.correct,
						averageMs,
						closedAt: now
					};
					rows.push((tx) => writer.saveQuestionStats(tx, stats));
					checkpoint = true;
					break;
				}
				case 'questionOpened':
					if (this.meta.status === 'lobby') {
						this.meta.status = 'running';
						this.meta.startedAt = now;
						metaChanged = true;
					}
					break;
				case 'lockChanged':
					metaChanged = true;
					break;
				case 'leaderboardShown':
				case 'rescued':
					checkpoint = true;
					break;
				// The podium is the end for players (no more joins): the PIN is free again.
				case 'podiumShown':
				case 'gameEnded':
					if (this.meta.status !== 'ended') {
						this.meta.status = 'ended';
						this.meta.endedAt = now;
					}
					metaChanged = true;
					checkpoint = true;
					break;
			}
		}
		if (checkpoint) this.#scheduleSnapshot();
		if (metaChanged) this.#queueMeta();
		return async (tx) => {
			this.#checkCurrent();
			for (const row of rows) await row(tx);
		};
	}

	/**
	 * One update of the game row per commit however many joins it carries; it reads the state at
	 * commit time, which is at least as new as every command in the batch.
	 */
	#queueMeta(): void {
		if (this.#metaQueued) return;
		this.#metaQueued = true;
		this.#deps.commit.add({
			key: this.id,
			write: async (tx) => {
				this.#checkCurrent();
				this.#metaQueued = false;
				const state = this.#state;
				await this.#deps.writer.updateMeta(tx, this.id, {
					status: this.meta.status,
					locked: state.locked,
					playerCount: state.counts.joined - state.counts.kicked,
					startedAt: this.meta.startedAt,
					endedAt: this.meta.endedAt
				});
			},
			after: (error) => {
				if (error) this.#metaQueued = false;
			}
		});
	}

	#scheduleSnapshot(): void {
		if (this.#snapshotTimer !== null || this.#disposed) return;
		this.#snapshotTimer = this.#deps.timers.set(() => {
			this.#snapshotTimer = null;
			this.snapshotNow();
		}, SNAPSHOT_DELAY_MS);
	}

	/** Queues a snapshot of the current state if enough happened since the last one (or it ended). */
	snapshotNow(force = false): void {
		const seq = this.#seq;
		const due =
			seq - this.#snapshotSeq >= SNAPSHOT_MIN_COMMANDS || this.meta.status === 'ended' || force;
		if (this.#disposed || seq === this.#snapshotSeq || !due) return;
		const state = this.#state;
		this.#snapshotSeq = seq;
		const at = this.#deps.now();
		this.#deps.commit.add({
			key: this.id,
			write: async (tx) => {
				this.#checkCurrent();
				await this.#deps.writer.saveSnapshot(tx, this.id, JSON.stringify(state), seq, at);
			}
		});
	}

	/** Arms (or clears) the question timer to match the state: the engine never reads a clock. */
	#syncTimer(): void {
		const current = this.#state.current;
		const open =
			this.#state.phase === 'question' && current && !current.closed && current.deadline !== null
				? current
				: null;
		if (this.#timer && open?.index === this.#timer.index && open.deadline === this.#timer.deadline)
			return;
		if (this.#timer) this.#deps.timers.clear(this.#timer.handle);
		this.#timer = null;
		if (!open || open.deadline === null || this.#disposed) return;
		const index = open.index;
		const deadline = open.deadline;
		const handle = this.#deps.timers.set(
			() => this.#onDeadline(index, deadline),
			Math.max(0, deadline - this.#deps.now())
		);
		this.#timer = { handle, index, deadline };
	}

	#onDeadline(index: number, deadline: number): void {
		if (this.#timer?.index !== index || this.#timer.deadline !== deadline) return;
		this.#timer = null;
		// A timer may fire a little early by the injected clock: wait for the deadline itself.
		const early = deadline - this.#deps.now();
		if (early > 0) {
			this.#syncTimer();
			return;
		}
		try {
			this.run({ type: 'closeQuestion', questionIndex: index });
		} catch (err) {
			console.error(`live: closing question ${index} of game ${this.id} failed`, err);
		}
	}

	/** Called after recovery: arms the timer from the persisted deadline. */
	resume(): void {
		this.#syncTimer();
	}

	/**
	 * A write of this game failed: memory is ahead of the disk, and the registry reloads the game
	 * from the disk. Writes of this instance still queued (commands accepted while the failed
	 * batch was being written) must not reach the disk after it: they are rejected (see
	 * `#checkCurrent`), so their acks say INTERNAL and nothing is broadcast.
	 */
	abandon(): void {
		this.#abandoned = true;
		this.dispose();
	}

	#checkCurrent(): void {
		if (this.#abandoned) throw new Error(`live: game ${this.id} was reloaded from the disk`);
	}

	/** Stops the timers; the game no longer accepts commands. */
	dispose(): void {
		this.#disposed = true;
		if (this.#timer) this.#deps.timers.clear(this.#timer.handle);
		if (this.#snapshotTimer !== null) this.#deps.timers.clear(this.#snapshotTimer);
		this.#timer = null;
		this.#snapshotTimer = null;
	}
}
