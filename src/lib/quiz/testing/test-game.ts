/** A small driver for engine specs: applies commands, keeps the log, reads players back. */
import { apply, createGame } from '../engine';
import { mapGet } from '../pmap';
import type { AnswerValue, Question } from '../question';
import type {
	Command,
	ErrorCode,
	GameConfigInput,
	GameEvent,
	GameState,
	LogEntry,
	Player
} from '../types';
import { singleQuestion, trueFalseQuestion } from './factories';

/** A fixed start time so deadlines in specs read as T0 + n. */
export const T0 = 1_700_000_000_000;

/** Freezes a value and everything inside it, so any mutation throws (modules are strict). */
export function deepFreeze<T>(value: T): T {
	if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
		Object.freeze(value);
		for (const inner of Object.values(value)) deepFreeze(inner);
	}
	return value;
}

export function defaultQuestions(): Question[] {
	return [
		singleQuestion({ correct: 1 }),
		trueFalseQuestion({ correct: true }),
		singleQuestion({ text: 'Câu 3', correct: 2 })
	];
}

export class TestGame {
	readonly initial: GameState;
	state: GameState;
	readonly log: LogEntry[] = [];
	/** Events of the last accepted command. */
	events: GameEvent[] = [];

	constructor(config: GameConfigInput = {}, questions: Question[] = defaultQuestions(), seed = 1) {
		this.initial = deepFreeze(createGame(config, questions, seed));
		this.state = this.initial;
	}

	/** Applies a command that must be accepted; returns its events. */
	do(command: Command, now = T0): GameEvent[] {
		const result = apply(this.state, command, now);
		if (!result.ok) throw new Error(`${command.type} was refused with ${result.error}`);
		this.state = deepFreeze(result.state);
		this.events = result.events;
		this.log.push({ command, now });
		return result.events;
	}

	/** Applies a command that must be refused; checks nothing changed and returns the code. */
	refused(command: Command, now = T0): ErrorCode {
		const before = this.state;
		const result = apply(this.state, command, now);
		if (result.ok) throw new Error(`${command.type} was accepted`);
		if (this.state !== before) throw new Error('a refused command changed the state');
		return result.error;
	}

	join(...ids: string[]): this {
		for (const id of ids) this.do({ type: 'join', playerId: id, nickname: `Người ${id}` });
		return this;
	}

	answer(playerId: string, answer: AnswerValue, now = T0, questionIndex?: number): GameEvent[] {
		return this.do(
			{
				type: 'submitAnswer',
				playerId,
				questionIndex: questionIndex ?? this.state.current?.index ?? -1,
				answer
			},
			now
		);
	}

	player(id: string): Player {
		const player = mapGet(this.state.players, id);
		if (!player) throw new Error(`no player ${id}`);
		return player;
	}

	event<T extends GameEvent['type']>(type: T): Extract<GameEvent, { type: T }> {
		const found = this.events.find((event) => event.type === type);
		if (!found) throw new Error(`no ${type} event among ${this.events.map((e) => e.type)}`);
		return found as Extract<GameEvent, { type: T }>;
	}
}

export const pick = (choice: number): AnswerValue => ({ type: 'single', choice });
export const yes: AnswerValue = { type: 'truefalse', value: true };
export const no: AnswerValue = { type: 'truefalse', value: false };
