import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { apply, createGame, replay } from './engine';
import { mapValues } from './pmap';
import {
	multipleQuestion,
	numericQuestion,
	orderingQuestion,
	singleQuestion,
	trueFalseQuestion,
	typeAnswerQuestion
} from './testing/factories';
import { deepFreeze, T0 } from './testing/test-game';
import type { Command, GameConfigInput, GameMode, GameState, LogEntry } from './types';

const QUESTIONS = [
	singleQuestion({ correct: 1 }),
	trueFalseQuestion({ correct: true, points: 2 }),
	multipleQuestion({ correct: [0, 1, 3] }),
	numericQuestion({ value: 40, tolerance: 1, points: 0 }),
	orderingQuestion({ timeLimitSec: 10 }),
	typeAnswerQuestion({ accepted: ['28/7/1929'] })
];
const PLAYERS = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5'];
const NICKNAMES = ['An', 'an', 'Bình', 'Binh', 'Chi', 'Dũng', 'Đức', '', 'x'.repeat(25)];

/** An answer shaped for the question it meets (right or wrong by chance), or sometimes garbage. */
function answerFor(state: GameState, index: number, r: number): unknown {
	const question = state.questions[index];
	if (!question || r % 10 === 0) return { type: 'single', choice: r % 7 };
	switch (question.type) {
		case 'single':
			return { type: 'single', choice: r % question.options.length };
		case 'multiple':
			return {
				type: 'multiple',
				choices: question.options.map((_, i) => i).filter((i) => (r >> i) & 1)
			};
		case 'truefalse':
			return { type: 'truefalse', value: r % 3 !== 0 };
		case 'numeric':
			return { type: 'numeric', value: 38 + (r % 5) };
		case 'typeanswer':
			return { type: 'typeanswer', text: r % 2 ? '28/7/1929' : 'không biết' };
		case 'ordering': {
			const order = question.items.map((_, i) => i);
			if (r % 3 !== 0) order.reverse();
			return { type: 'ordering', order };
		}
	}
}

/** Commands, some depending on the state they meet (answers mostly aim at the open question). */
type Step = { dt: number; make: (state: GameState) => Command };

const fixed = (command: Command) => fc.constant((): Command => command);

const commandArb: fc.Arbitrary<(state: GameState) => Command> = fc.oneof(
	{
		weight: 24,
		arbitrary: fc
			.tuple(fc.constantFrom(...PLAYERS), fc.constantFrom(...NICKNAMES))
			.map(([playerId, nickname]) => (): Command => ({ type: 'join', playerId, nickname }))
	},
	{
		weight: 72,
		arbitrary: fc
			.tuple(fc.constantFrom(...PLAYERS), fc.nat(1023), fc.boolean(), fc.nat(7))
			.map(([playerId, r, aimed, index]) => (state: GameState): Command => {
				const questionIndex = aimed ? (state.current?.index ?? index) : index;
				return {
					type: 'submitAnswer',
					playerId,
					questionIndex,
					answer: answerFor(state, questionIndex, r)
				};
			})
	},
	{
		weight: 36,
		arbitrary: fc.oneof(
			fixed({ type: 'start' }),
			fixed({ type: 'next' }),
			fixed({ type: 'openQuestion' }),
			fixed({ type: 'closeQuestion' }),
			fixed({ type: 'showLeaderboard' })
		)
	},
	{
		weight: 12,
		arbitrary: fc.oneof(
			fixed({ type: 'pause' }),
			fixed({ type: 'resume' }),
			fixed({ type: 'addTime' }),
			fixed({ type: 'skip' }),
			fixed({ type: 'lock' }),
			fixed({ type: 'unlock' }),
			fixed({ type: 'markFinal' }),
			fc.constantFrom(...PLAYERS).map((playerId) => (): Command => ({ type: 'kick', playerId }))
		)
	},
	{
		weight: 9,
		arbitrary: fc.oneof(
			fixed({ type: 'rescue', variant: 'all' }),
			fc
				.tuple(fc.integer({ min: 1, max: 3 }), fc.constantFrom('recent' as const, 'best' as const))
				.map(([count, by]) => (): Command => ({ type: 'rescue', variant: 'count', count, by })),
			fixed({ type: 'rescue', variant: 'question', question: trueFalseQuestion() }),
			fixed({ type: 'startTieBreak', questions: [singleQuestion(), trueFalseQuestion()] })
		)
	},
	{ weight: 1, arbitrary: fixed({ type: 'end' }) }
);

const stepsArb = fc.array(fc.record({ dt: fc.integer({ min: 0, max: 4_000 }), make: commandArb }), {
	minLength: 10,
	maxLength: 150,
	size: 'max'
});

interface Run {
	initial: GameState;
	states: GameState[];
	log: LogEntry[];
}

/** Plays the steps; every state is deep-frozen, so any mutation of an input would throw. */
function run(config: GameConfigInput, steps: Step[], seed: number): Run {
	const initial = deepFreeze(createGame(config, QUESTIONS, seed));
	const states = [initial];
	const log: LogEntry[] = [];
	let now = T0;
	for (const step of steps) {
		now += step.dt;
		const state = states[states.length - 1];
		const command = step.make(state);
		const result = apply(state, command, now);
		if (!result.ok) continue;
		states.push(deepFreeze(result.state));
		log.push({ command, now });
	}
	return { initial, states, log };
}

const configFor = (mode: GameMode): GameConfigInput =>
	mode === 'teams'
		? {
				mode,
				teams: [
					{ id: 'x', name: 'Đội X' },
					{ id: 'y', name: 'Đội Y' }
				]
			}
		: { mode };

const MODES: GameMode[] = ['classic', 'teams', 'elimination'];

describe('random games', () => {
	it('never lower a player’s score in classic mode', () => {
		fc.assert(
			fc.property(stepsArb, fc.integer(), (steps, seed) => {
				const { states } = run({ mode: 'classic' }, steps, seed);
				for (let i = 1; i < states.length; i++) {
					const before = new Map(mapValues(states[i - 1].players).map((p) => [p.id, p.score]));
					for (const player of mapValues(states[i].players))
						expect(player.score).toBeGreaterThanOrEqual(before.get(player.id) ?? 0);
				}
			})
		);
	});

	it.each(MODES)('never store more answers than players × questions (%s)', (mode) => {
		fc.assert(
			fc.property(stepsArb, fc.integer(), (steps, seed) => {
				const { states } = run(configFor(mode), steps, seed);
				for (const state of states) {
					const players = mapValues(state.players);
					const stored = players.reduce((sum, player) => sum + player.answered, 0);
					expect(stored).toBeLessThanOrEqual(players.length * state.round);
					for (const player of players) expect(player.answered).toBeLessThanOrEqual(state.round);
					if (state.current) {
						expect(state.current.answers.size).toBeLessThanOrEqual(players.length);
						expect(state.current.answered).toBeLessThanOrEqual(state.current.answers.size);
						expect(state.current.distribution.answered).toBe(state.current.answered);
					}
				}
			})
		);
	});

	it.each(MODES)('rebuild the same state by replaying the log (%s)', (mode) => {
		fc.assert(
			fc.property(stepsArb, fc.integer(), (steps, seed) => {
				const { initial, states, log } = run(configFor(mode), steps, seed);
				const last = states[states.length - 1];
				expect(replay(initial, log)).toEqual(last);
				const persisted = JSON.parse(JSON.stringify({ initial, log }));
				expect(replay(persisted.initial, persisted.log)).toEqual(JSON.parse(JSON.stringify(last)));
			})
		);
	});

	it.each(MODES)('keep player counts equal to the players’ statuses (%s)', (mode) => {
		fc.assert(
			fc.property(stepsArb, fc.integer(), (steps, seed) => {
				for (const state of run(configFor(mode), steps, seed).states) {
					const players = mapValues(state.players);
					const count = (status: string) => players.filter((p) => p.status === status).length;
					expect(state.counts).toEqual({
						joined: players.length,
						active: count('active'),
						eliminated: count('eliminated'),
						spectator: count('spectator'),
						kicked: count('kicked')
					});
					expect(state.paused && state.phase !== 'question').toBe(false);
				}
			})
		);
	});

	it('never give points to a player while eliminated', () => {
		fc.assert(
			fc.property(stepsArb, fc.integer(), fc.boolean(), (steps, seed, keep) => {
				const whenAllFail = keep ? 'keep' : 'eliminate';
				const { states } = run({ mode: 'elimination', elimination: { whenAllFail } }, steps, seed);
				for (let i = 1; i < states.length; i++) {
					const before = new Map(mapValues(states[i - 1].players).map((p) => [p.id, p]));
					for (const player of mapValues(states[i].players)) {
						const earlier = before.get(player.id);
						if (earlier?.status === 'eliminated') expect(player.score).toBe(earlier.score);
					}
				}
			})
		);
	});
});
