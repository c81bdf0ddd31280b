/**
 * A phone's view of a live game, as a runes class: it joins or rejoins (automatically after every
 * reconnection, with the stored token), follows the server's frames and sends answers until one
 * is acknowledged. Screens read the getters; nothing here decides game rules.
 */
import type {
	GameEndedFrame,
	GameStateFrame,
	LeaderboardFrame,
	PlayerResultFrame,
	PlayerSelf,
	PlayerView,
	PublicQuestion,
	QuestionClosedFrame,
	QuestionOpenedFrame
} from '$lib/protocol';
import { eligibilityOf, type Eligibility } from '$lib/quiz/eligibility';
import type { AnswerValue } from '$lib/quiz/question';
import { LiveConnection } from './live-connection.svelte';
import { forgetPlayer, loadPlayer, recall, remember, savePlayer } from './player-token';
import type { LiveErrorCode } from './socket';

export type PlayerScreen =
	'connecting' | 'gone' | 'kicked' | 'lobby' | 'question' | 'reveal' | 'leaderboard' | 'final';

/** Errors after which retrying the same answer cannot help. */
const FINAL_ANSWER_ERRORS = new Set<LiveErrorCode>([
	'LATE',
	'TIME_UP',
	'NOT_OPEN',
	'WRONG_QUESTION',
	'ELIMINATED',
	'NOT_ELIGIBLE',
	'NOT_IN_GAME',
	'KICKED',
	'GAME_ENDED',
	'WRONG_PHASE'
]);

/** Rejoin refusals that a later attempt may overcome (everything else means the place is gone). */
const RETRY_REJOIN = new Set<LiveErrorCode>(['TIMEOUT', 'OFFLINE', 'RATE_LIMITED', 'INTERNAL']);

export class PlayerGame {
	readonly pin: string;
	readonly connection = new LiveConnection();

	#view = $state<Omit<PlayerView, 'question' | 'closed' | 'serverNow'> | null>(null);
	#question = $state<QuestionOpenedFrame | null>(null);
	/** The last question shown, kept through the reveal (its options label the right answer). */
	#lastQuestion = $state<QuestionOpenedFrame | null>(null);
	#closed = $state<QuestionClosedFrame | null>(null);
	#sent = $state<AnswerValue | null>(null);
	#sending = $state(false);
	#fatal = $state<'gone' | 'kicked' | null>(null);
	/** The last refusal worth telling the player. */
	#notice = $state<LiveErrorCode | null>(null);

	constructor(pin: string) {
		this.pin = pin;
	}

	get screen(): PlayerScreen {
		if (this.#fatal) return this.#fatal;
		const view = this.#view;
		if (!view) return 'connecting';
		switch (view.state.phase) {
			case 'lobby':
				return 'lobby';
			case 'question':
				return this.#question ? 'question' : 'lobby';
			case 'reveal':
				return this.#closed ? 'reveal' : 'leaderboard';
			case 'leaderboard':
				return 'leaderboard';
			default:
				return 'final';
		}
	}
	get title(): string {
		return this.#view?.title ?? '';
	}
	get mode() {
		return this.#view?.mode ?? 'classic';
	}
	get state(): GameStateFrame | null {
		return this.#view?.state ?? null;
	}
	get me(): PlayerSelf | null {
		return this.#view?.me ?? null;
	}
	get question(): QuestionOpenedFrame | null {
		return this.#question;
	}
	get lastQuestion(): QuestionOpenedFrame | null {
		return this.#lastQuestion;
	}
	get closed(): QuestionClosedFrame | null {
		return this.#closed;
	}
	/** The closed question's options for the reveal: from the server's view, else as shown. */
	get revealQuestion(): PublicQuestion | null {
		const closed = this.#closed;
		if (!closed) return null;
		if (closed.question) return closed.question;
		const last = this.#lastQuestion;
		return last?.questionIndex === closed.questionIndex ? last.question : null;
	}
	/** Teams mode: this player's team name. */
	get teamName(): string | null {
		const team = this.#view?.me.team;
		if (!team) return null;
		return this.#view?.teams.find((t) => t.id === team)?.name ?? null;
	}
	get result(): PlayerResultFrame | null {
		return this.#view?.result ?? null;
	}
	get leaderboard(): LeaderboardFrame | null {
		return this.#view?.leaderboard ?? null;
	}
	get ended(): GameEndedFrame | null {
		return this.#view?.ended ?? null;
	}
	/** The server accepted this player's answer to the open question. */
	get answered(): boolean {
		return this.#view?.answered ?? false;
	}
	get sending(): boolean {
		return this.#sending;
	}
	get sent(): AnswerValue | null {
		return this.#sent;
	}
	get notice(): LiveErrorCode | null {
		return this.#notice;
	}
	/**
	 * Watches without answering: out of an elimination game, joined after it started, or still in
	 * during a rescue question (only eliminated players answer those).
	 */
	get watching(): boolean {
		const eligibility = this.eligibility;
		return eligibility !== null && eligibility !== 'answer';
	}
	/** What this player does on the open (or next) question, by the engine's rule. */
	get eligibility(): Eligibility | null {
		const status = this.#view?.me.status;
		return status ? eligibilityOf(status, this.#question?.kind ?? 'main') : null;
	}
	get isWinner(): boolean {
		const winner = this.#view?.state.winner;
		return !!winner && winner.playerId === this.#view?.me.playerId;
	}

	dismissNotice(): void {
		this.#notice = null;
	}

	/** Connect and rejoin with the stored token; false when this phone has no token for the PIN. */
	start(): boolean {
		const stored = loadPlayer(this.pin);
		if (!stored) return false;
		const socket = this.connection.open(() => this.#rejoin(stored.token));
		socket.on('game:state', (state) => this.#patch({ state }));
		socket.on('question:opened', (frame) => this.#opened(frame));
		socket.on('question:timer', (frame) => {
			const q = this.#question;
			if (!q || q.questionIndex !== frame.questionIndex) return;
			this.#question = { ...q, ...frame };
		});
		socket.on('question:closed', (frame) => {
			this.#closed = frame;
			this.#question = null;
			const view = this.#view;
			if (view) this.#patch({ state: { ...view.state, phase: 'reveal' }, result: null });
		});
		socket.on('player:result', (result) => this.#patch({ result, me: result.me }));
		socket.on('player:me', (me) => this.#patch({ me }));
		socket.on('leaderboard', (leaderboard) => this.#patch({ leaderboard }));
		socket.on('game:ended', (ended) => this.#patch({ ended }));
		// The server closed this socket (a kick whose notice was lost): rejoining says why.
		socket.on('disconnect', (reason) => {
			if (reason === 'io server disconnect' && !this.#fatal) socket.connect();
		});
		socket.on('player:kicked', () => {
			this.#fatal = 'kicked';
			forgetPlayer(this.pin);
			this.connection.close();
		});
		return true;
	}

	stop(): void {
		this.connection.close();
	}

	/** Send an answer; retried across drops until the server acknowledges or refuses it. */
	async submit(answer: AnswerValue): Promise<void> {
		const question = this.#question;
		if (!question || this.answered || this.#sending || this.watching) return;
		this.#sent = answer;
		this.#notice = null;
		remember(`sent:${this.pin}:${question.questionIndex}`, answer);
		await this.#send(question.questionIndex, answer);
	}

	async #send(questionIndex: number, answer: AnswerValue): Promise<void> {
		this.#sending = true;
		for (;;) {
			const reply = await this.connection.request('answer:submit', { questionIndex, answer });
			if (this.#question?.questionIndex !== questionIndex) break; // closed meanwhile
			if (reply.ok) {
				this.#patch({ answered: true });
				break;
			}
			if (reply.error === 'OFFLINE') break; // the rejoin resends it
			if (reply.error === 'TIMEOUT') continue;
			this.#notice = reply.error;
			if (!FINAL_ANSWER_ERRORS.has(reply.error)) this.#sent = null; // let them try again
			break;
		}
		this.#sending = false;
	}

	async #rejoin(playerToken: string): Promise<void> {
		const sentAt = Date.now();
		const reply = await this.connection.request('player:rejoin', { pin: this.pin, playerToken });
		if (!reply.ok) {
			if (RETRY_REJOIN.has(reply.error)) {
				// Try again shortly; the connection may still be settling.
				setTimeout(() => {
					if (this.connection.socket?.connected) void this.#rejoin(playerToken);
				}, 1_500);
				return;
			}
			this.#fatal = reply.error === 'KICKED' ? 'kicked' : 'gone';
			forgetPlayer(this.pin);
			this.connection.close();
			return;
		}
		const view = reply.data.view;
		this.connection.clock.sample(view.serverNow, sentAt);
		savePlayer(this.pin, playerToken, view.me.nickname);
		this.#applyView(view);
		// An answer sent while the connection was down goes out now.
		const pending = this.#sent;
		if (this.#question && !view.answered && pending && !this.#sending) {
			void this.#send(this.#question.questionIndex, pending);
		}
	}

	#applyView(view: PlayerView): void {
		const { question, closed, serverNow: _serverNow, ...rest } = view;
		void _serverNow;
		if (question) {
			if (this.#question?.questionIndex !== question.questionIndex) {
				this.#sent = recall<AnswerValue>(`sent:${this.pin}:${question.questionIndex}`);
			}
			this.#remember(question);
		} else if (closed && this.#lastQuestion?.questionIndex !== closed.questionIndex) {
			this.#lastQuestion = recall<QuestionOpenedFrame>(`q:${this.pin}:${closed.questionIndex}`);
		}
		this.#question = question;
		this.#closed = closed;
		this.#view = rest;
	}

	#opened(frame: QuestionOpenedFrame): void {
		this.#remember(frame);
		this.#question = frame;
		this.#closed = null;
		this.#sent = null;
		this.#notice = null;
		if (this.#view) {
			this.#view = {
				...this.#view,
				state: { ...this.#view.state, phase: 'question', questionIndex: frame.questionIndex },
				answered: false,
				result: null
			};
		}
	}

	#remember(frame: QuestionOpenedFrame): void {
		this.#lastQuestion = frame;
		remember(`q:${this.pin}:${frame.questionIndex}`, frame);
	}

	#patch(change: Partial<Omit<PlayerView, 'question' | 'closed' | 'serverNow'>>): void {
		if (this.#view) this.#view = { ...this.#view, ...change };
	}
}
