/**
 * Turns committed engine events into socket frames.
 *
 * Cost model (issue #6): per answer nothing is broadcast — the host's answered count is a
 * throttled frame (≤ HOST_ANSWERED_PER_SEC); per question each room frame is emitted once with
 * `io.to(room)` (socket.io encodes it once for every socket in the room) and each player gets one
 * small `player:result`. Joins reach the host in throttled roster batches, never the phones.
 */
import { HOST_ANSWERED_PER_SEC, type GameStateFrame, type RosterEntry } from '../../protocol';
import { eligibleCount } from '../../quiz/eligibility';
import { getPlayer } from '../../quiz/selectors';
import type { GameEvent, GameState } from '../../quiz/types';
import type { LiveGame } from '../live/live-game';
import {
	endedFrame,
	hostState,
	leaderboardFrame,
	openedFrame,
	resultFrame,
	selfOf,
	stateFrame,
	timerFrame
} from '../live/views';
import type { RealtimeServer, RealtimeSocket } from './types';

export const gameRoom = (gameId: number) => `g:${gameId}`;
export const hostRoom = (gameId: number) => `h:${gameId}`;

const THROTTLE_MS = Math.ceil(1000 / HOST_ANSWERED_PER_SEC);

/** A throttled sender: at most one `send` per THROTTLE_MS, the latest data wins. */
class Throttle {
	#last = 0;
	#timer: ReturnType<typeof setTimeout> | null = null;
	constructor(
		private readonly send: () => void,
		private readonly clock: () => number
	) {}

	poke(): void {
		if (this.#timer) return;
		const wait = this.#last + THROTTLE_MS - this.clock();
		if (wait <= 0) this.#fire();
		else {
			this.#timer = setTimeout(() => this.#fire(), wait);
			this.#timer.unref?.();
		}
	}

	#fire(): void {
		this.#timer = null;
		this.#last = this.clock();
		this.send();
	}

	stop(): void {
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = null;
	}
}

/** The sockets of one game, and its throttled host frames. */
class Channel {
	readonly players = new Map<string, Set<RealtimeSocket>>();
	added: RosterEntry[] = [];
	removed: string[] = [];
	readonly answered: Throttle;
	readonly roster: Throttle;
	game: LiveGame | null = null;
	/** The last game:state the room holds (sent, or implied by a transition frame). */
	lastState: GameStateFrame | null = null;

	constructor(io: RealtimeServer, gameId: number) {
		// Real time, not the injected game clock: throttling is about wall-clock load.
		const clock = Date.now;
		this.answered = new Throttle(() => {
			const state = this.game?.state;
			const current = state?.current;
			if (!state || !current || current.closed) return;
			io.to(hostRoom(gameId)).emit('host:answered', {
				questionIndex: current.index,
				answered: current.answered,
				eligible: eligibleCount(state.counts, current.kind)
			});
		}, clock);
		this.roster = new Throttle(() => {
			const state = this.game?.state;
			if (!state || (this.added.length === 0 && this.removed.length === 0)) return;
			const frame = {
				count: state.counts.joined - state.counts.kicked,
				added: this.added,
				removed: this.removed
			};
			this.added = [];
			this.removed = [];
			io.to(hostRoom(gameId)).emit('lobby:players', frame);
		}, clock);
	}

	stop(): void {
		this.answered.stop();
		this.roster.stop();
	}
}

/**
 * What the phones' state becomes once they apply this command's room frames themselves:
 * `question:opened` → phase `question` at its index, `question:closed` → phase `reveal`
 * (see player-game.svelte.ts). Null when they learn nothing from those frames.
 */
function impliedState(
	last: GameStateFrame | null,
	openedIndex: number | null,
	closed: boolean
): GameStateFrame | null {
	if (!last) return null;
	if (openedIndex !== null) return { ...last, phase: 'question', questionIndex: openedIndex };
	if (closed) return { ...last, phase: 'reveal' };
	return null;
}

function sameState(a: GameStateFrame, b: GameStateFrame): boolean {
	return (
		a.phase === b.phase &&
		a.locked === b.locked &&
		a.paused === b.paused &&
		a.questionIndex === b.questionIndex &&
		a.active === b.active &&
		a.eliminated === b.eliminated &&
		a.winner?.playerId === b.winner?.playerId &&
		a.winner?.nickname === b.winner?.nickname
	);
}

export class Broadcaster {
	readonly #io: RealtimeServer;
	readonly #now: () => number;
	readonly #channels = new Map<number, Channel>();

	constructor(io: RealtimeServer, now: () => number) {
		this.#io = io;
		this.#now = now;
	}

	#channel(game: LiveGame): Channel {
		let channel = this.#channels.get(game.id);
		if (!channel) {
			channel = new Channel(this.#io, game.id);
			this.#channels.set(game.id, channel);
		}
		channel.game = game;
		return channel;
	}

	/** The socket now speaks for this player: it gets the room frames and the player's own. */
	bindPlayer(game: LiveGame, playerId: string, socket: RealtimeSocket): void {
		this.unbind(socket);
		const channel = this.#channel(game);
		let sockets = channel.players.get(playerId);
		if (!sockets) channel.players.set(playerId, (sockets = new Set()));
		sockets.add(socket);
		socket.data.player = { gameId: game.id, playerId };
		void socket.join(gameRoom(game.id));
		// The (re)join reply carried this state: the first question's own frame then suffices
		// instead of a second room-wide game:state (one more socket write per phone).
		channel.lastState = stateFrame(game.state);
	}

	bindHost(game: LiveGame, socket: RealtimeSocket): void {
		this.#channel(game);
		void socket.join([gameRoom(game.id), hostRoom(game.id)]);
	}

	/** Forget a socket's player binding (disconnect, or rebinding to another player). */
	unbind(socket: RealtimeSocket): void {
		const bound = socket.data.player;
		if (!bound) return;
		socket.data.player = null;
		const sockets = this.#channels.get(bound.gameId)?.players.get(bound.playerId);
		sockets?.delete(socket);
		if (sockets && sockets.size === 0)
			this.#channels.get(bound.gameId)?.players.delete(bound.playerId);
		void socket.leave(gameRoom(bound.gameId));
	}

	/** The registry's listener: runs after the commit of each command that changed the state. */
	onCommitted = (game: LiveGame, events: GameEvent[], state: GameState): void => {
		const channel = this.#channel(game);
		const room = this.#io.to(gameRoom(game.id));
		const now = this.#now();
		let transition = false;
		/** The host's state changed though the room learns nothing (see playerJoined). */
		let hostDue = false;
		/** Room frames the phones derive their phase from (player-game.svelte.ts). */
		let openedIndex: number | null = null;
		let closed = false;
		const eliminated = new Set<string>();
		const rescued = new Set<string>();
		for (const event of events) {
			if (event.type === 'playersEliminated') event.playerIds.forEach((id) => eliminated.add(id));
			if (event.type === 'rescued') event.playerIds.forEach((id) => rescued.add(id));
		}
		for (const event of events) {
			switch (event.type) {
				case 'answerAccepted':
					channel.answered.poke();
					break;
				case 'playerJoined': {
					if (event.rejoined) break;
					const player = getPlayer(state, event.playerId);
					if (player)
						channel.added.push({
							playerId: player.id,
							nickname: player.nickname,
							team: player.team,
							status: player.status
						});
					channel.roster.poke();
					// The first player makes "start" possible: the host's actions change (rare, so
					// cheap; other joins reach the host only in the throttled roster batches).
					if (state.phase === 'lobby' && state.counts.active === 1) hostDue = true;
					break;
				}
				case 'playerKicked': {
					channel.removed.push(event.playerId);
					channel.roster.poke();
					for (const socket of channel.players.get(event.playerId) ?? []) {
						socket.emit('player:kicked', { gameId: game.id });
						this.unbind(socket);
						socket.disconnect(true);
					}
					transition = true;
					break;
				}
				case 'questionOpened': {
					const frame = openedFrame(game, state, now);
					if (frame) {
						room.emit('question:opened', frame);
						openedIndex = frame.questionIndex;
					}
					transition = true;
					break;
				}
				case 'questionPaused':
				case 'questionResumed':
				case 'timeAdded': {
					const frame = timerFrame(state, now);
					if (frame) room.emit('question:timer', frame);
					transition = true;
					break;
				}
				case 'questionClosed': {
					room.emit('question:closed', {
						questionIndex: event.questionIndex,
						kind: event.kind,
						skipped: event.skipped,
						reveal: event.reveal,
						distribution: event.distribution,
						eligible: event.eligible,
						remaining: event.remaining,
						isLast: event.isLast,
						teams: event.teams
					});
					closed = true;
					for (const result of event.results) {
						const sockets = channel.players.get(result.playerId);
						if (!sockets) continue;
						const frame = resultFrame(state, event.questionIndex, result, {
							eliminated: eliminated.has(result.playerId),
							rescued: rescued.has(result.playerId)
						});
						for (const socket of sockets) socket.emit('player:result', frame);
					}
					transition = true;
					break;
				}
				case 'rescued': {
					// A rescue question's players hear it in their result; the others now.
					if (event.variant !== 'question') this.#sendSelf(channel, state, event.playerIds);
					transition = true;
					break;
				}
				case 'leaderboardShown':
					room.emit('leaderboard', leaderboardFrame(state));
					transition = true;
					break;
				case 'podiumShown':
				case 'gameEnded':
					room.emit('game:ended', endedFrame(state));
					this.#sendSelf(channel, state, [...channel.players.keys()]);
					transition = true;
					break;
				default:
					transition = true;
			}
		}
		if (transition) {
			// A second room-wide frame doubles the fan-out's cost (one socket write per phone per
			// frame): skip it when the transition's own frame already told the phones all of it.
			const frame = stateFrame(state);
			const implied = impliedState(channel.lastState, openedIndex, closed);
			if (!implied || !sameState(implied, frame)) room.emit('game:state', frame);
			channel.lastState = frame;
			this.#io.to(hostRoom(game.id)).emit('host:state', hostState(game, state, now));
		} else if (hostDue) {
			this.#io.to(hostRoom(game.id)).emit('host:state', hostState(game, state, now));
		}
	};

	#sendSelf(channel: Channel, state: GameState, playerIds: string[]): void {
		for (const id of playerIds) {
			const sockets = channel.players.get(id);
			const player = sockets ? getPlayer(state, id) : null;
			if (!sockets || !player) continue;
			const me = selfOf(player);
			for (const socket of sockets) socket.emit('player:me', me);
		}
	}

	/** The game left memory: drop its bookkeeping (its sockets stay in their rooms). */
	forget(gameId: number): void {
		this.#channels.get(gameId)?.stop();
		this.#channels.delete(gameId);
	}

	dispose(): void {
		for (const channel of this.#channels.values()) channel.stop();
		this.#channels.clear();
	}
}
