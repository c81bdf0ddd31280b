/** From a game row (mode, options, question snapshot) to what the engine needs. */
import * as v from 'valibot';
import {
	LiveGameOptionsSchema,
	type GameMode,
	type LiveGameOptions,
	type TeamOption
} from '../../protocol';
import type { Question } from '../../quiz/question';
import type { GameConfigInput } from '../../quiz/types';

/** A question as snapshotted in `game.questions`: the bank id (if any) and the question itself. */
export type SnapshotQuestion = Question & { questionId?: number | null };

/** Team ids are positional: `t1`, `t2`… in the order the host listed the names. */
export function teamsOf(mode: GameMode, options: LiveGameOptions): TeamOption[] {
	return mode === 'teams' ? options.teams.map((name, i) => ({ id: `t${i + 1}`, name })) : [];
}

export function engineConfig(mode: GameMode, options: LiveGameOptions): GameConfigInput {
	return {
		mode,
		scoring: options.scoring,
		podiumSize: options.podiumSize,
		teams: teamsOf(mode, options),
		teamScoring: options.teamScoring,
		requireHiddenFields: [...options.hiddenFields],
		elimination: { ...options.elimination }
	};
}

/** The question without its bank id: exactly what the engine plays. */
export function toEngineQuestion(snapshot: SnapshotQuestion): Question {
	const { questionId, ...question } = snapshot;
	void questionId;
	return question as Question;
}

/** Options stored in the row, re-parsed so that defaults added later apply to old games. */
export function parseOptions(raw: unknown): LiveGameOptions {
	const parsed = v.safeParse(LiveGameOptionsSchema, raw ?? {});
	return parsed.success ? parsed.output : v.parse(LiveGameOptionsSchema, {});
}
