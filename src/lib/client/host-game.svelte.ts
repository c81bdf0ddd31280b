/**
 * The host screen's view of a live game, as a runes class: attaches to the game (again after every
 * reconnection, so a reload or a drop resumes exactly where the game is), keeps the roster and the
 * answered count, and sends host commands. The server decides; this class only mirrors.
 */
import type { HostCommand, HostState, QuestionOpenedFrame, RosterEntry } from '$lib/protocol';
import { LiveConnection } from './live-connection.svelte';
import type { LiveErrorCode } from './socket';

export class HostGame {
	readonly gameId: number;
	readonly connection = new LiveConnection();

	#state = $state<HostState | null>(null);
	/** The last question shown, kept through the reveal (its text and options frame the answer). */
	#lastQuestion = $state<QuestionOpenedFrame | null>(null);
	#roster = $state<RosterEntry[]>([]);
	#playerCount = $state(0);
	#answered = $state(0);
	/** The command waiting for its acknowledgement (buttons show it busy). */
	#busy = $state<HostCommand['type'] | null>(null);
	#error = $state<LiveErrorCode | null>(null);
	#fatal = $state<LiveErrorCode | null>(null);

	constructor(gameId: number) {
		this.gameId = gameId;
	}

	get state(): HostState | null {
		return this.#state;
	}
	get lastQuestion(): QuestionOpenedFrame | null {
		return this.#lastQuestion;
	}
	get roster(): RosterEntry[] {
		return this.#roster;
	}
	get playerCount(): number {
		return this.#playerCount;
	}
	get answered(): number {
		return this.#answered;
	}
	get busy(): HostCommand['type'] | null {
		return this.#busy;
	}
	/** The last refused command's error code. */
	get error(): LiveErrorCode | null {
		return this.#error;
	}
	/** The game cannot be shown (not found, not allowed). */
	get fatal(): LiveErrorCode | null {
		return this.#fatal;
	}

	dismissError(): void {
		this.#error = null;
	}

	start(): void {
		const socket = this.connection.open(() => this.#attach());
		socket.on('host:state', (state) => this.#apply(state));
		socket.on('host:answered', (frame) => {
			if (frame.questionIndex === this.#state?.question?.questionIndex)
				this.#answered = frame.answered;
		});
		socket.on('lobby:players', (frame) => {
			this.#playerCount = frame.count;
			// Batches are small (≤ 4 a second), so plain scans are cheap enough.
			const kept = this.#roster.filter((p) => !frame.removed.includes(p.playerId));
			for (const entry of frame.added) {
				const at = kept.findIndex((p) => p.playerId === entry.playerId);
				if (at === -1) kept.push(entry);
				else kept[at] = entry;
			}
			this.#roster = kept;
		});
		// Room broadcasts carry the question too: a screen that missed host:state still has it.
		socket.on('question:opened', (frame) => (this.#lastQuestion = frame));
		socket.on('question:timer', (frame) => {
			const state = this.#state;
			if (!state?.question || state.question.questionIndex !== frame.questionIndex) return;
			this.#state = {
				...state,
				state: { ...state.state, paused: frame.paused },
				question: { ...state.question, ...frame }
			};
		});
	}

	stop(): void {
		this.connection.close();
	}

	/** Send a command; the acknowledged state replaces ours. Returns whether it was accepted. */
	async command(command: HostCommand): Promise<boolean> {
		if (this.#busy) return false;
		this.#busy = command.type;
		this.#error = null;
		const reply = await this.connection.request('host:command', { gameId: this.gameId, command });
		this.#busy = null;
		if (reply.ok) {
			this.#apply(reply.data.state);
			if (command.type === 'kick') {
				this.#roster = this.#roster.filter((p) => p.playerId !== command.playerId);
			}
			return true;
		}
		this.#error = reply.error;
		return false;
	}

	async #attach(): Promise<void> {
		const sentAt = Date.now();
		const reply = await this.connection.request('host:attach', { gameId: this.gameId });
		if (!reply.ok) {
			if (reply.error === 'TIMEOUT' || reply.error === 'OFFLINE') {
				setTimeout(() => {
					if (this.connection.socket?.connected) void this.#attach();
				}, 1_500);
			} else {
				this.#fatal = reply.error;
			}
			return;
		}
		this.connection.clock.sample(reply.data.state.serverNow, sentAt);
		this.#roster = reply.data.roster;
		this.#playerCount = reply.data.roster.filter((p) => p.status !== 'kicked').length;
		this.#apply(reply.data.state);
	}

	#apply(state: HostState): void {
		const previous = this.#state;
		this.#state = state;
		if (state.question) this.#lastQuestion = state.question;
		if (
			state.question?.questionIndex !== previous?.question?.questionIndex ||
			state.answered > this.#answered ||
			!state.question
		) {
			this.#answered = state.answered;
		}
		if (state.counts) this.#playerCount = state.counts.joined - state.counts.kicked;
	}
}
