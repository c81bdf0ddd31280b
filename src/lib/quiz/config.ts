/** Game configuration: defaults and the checks createGame runs before a game exists. */
import type { Question } from './question';
import { isPlayableQuestion } from './question-check';
import { SCORING_MODES } from './scoring';
import { GAME_MODES, TEAM_SCORINGS, type GameConfig, type GameConfigInput } from './types';

export const PODIUM_MIN = 3;
export const PODIUM_MAX = 10;
export const TEAMS_MAX = 50;
export const TEAM_NAME_MAX = 60;
export const HIDDEN_FIELDS_MAX = 10;

export const DEFAULT_CONFIG: GameConfig = {
	mode: 'classic',
	scoring: 'speed-streak',
	podiumSize: 3,
	teams: [],
	teamScoring: 'average',
	requireHiddenFields: [],
	elimination: { rescueAllowed: true, maxRescues: null, whenAllFail: 'keep' }
};

/** Fills in defaults; copies arrays so the game never shares them with the caller. */
export function resolveConfig(input: GameConfigInput = {}): GameConfig {
	return {
		mode: input.mode ?? DEFAULT_CONFIG.mode,
		scoring: input.scoring ?? DEFAULT_CONFIG.scoring,
		podiumSize: input.podiumSize ?? DEFAULT_CONFIG.podiumSize,
		teams: (input.teams ?? []).map((team) => ({ id: team.id, name: team.name })),
		teamScoring: input.teamScoring ?? DEFAULT_CONFIG.teamScoring,
		requireHiddenFields: [...(input.requireHiddenFields ?? [])],
		elimination: { ...DEFAULT_CONFIG.elimination, ...input.elimination }
	};
}

export const SETUP_PROBLEMS = [
	'MODE_INVALID',
	'SCORING_INVALID',
	'PODIUM_SIZE_INVALID',
	'TEAMS_REQUIRED',
	'TEAMS_INVALID',
	'TEAM_SCORING_INVALID',
	'FIELDS_INVALID',
	'RESCUE_RULES_INVALID',
	'NO_QUESTIONS',
	'QUESTION_INVALID',
	'SEED_INVALID'
] as const;
export type SetupProblem = (typeof SETUP_PROBLEMS)[number];

const isName = (value: unknown, max: number) =>
	typeof value === 'string' && value.trim().length > 0 && value.length <= max;

/** Everything wrong with a game setup, as codes for the host's form; empty when it can start. */
export function checkGameSetup(
	input: GameConfigInput,
	questions: readonly Question[],
	seed: number
): SetupProblem[] {
	const config = resolveConfig(input);
	const problems: SetupProblem[] = [];
	if (!GAME_MODES.includes(config.mode)) problems.push('MODE_INVALID');
	if (!SCORING_MODES.includes(config.scoring)) problems.push('SCORING_INVALID');
	if (
		!Number.isInteger(config.podiumSize) ||
		config.podiumSize < PODIUM_MIN ||
		config.podiumSize > PODIUM_MAX
	)
		problems.push('PODIUM_SIZE_INVALID');
	if (config.mode === 'teams' && config.teams.length < 2) problems.push('TEAMS_REQUIRED');
	const teamIds = config.teams.map((team) => team.id);
	if (
		config.teams.length > TEAMS_MAX ||
		new Set(teamIds).size !== teamIds.length ||
		!config.teams.every(
			(team) => isName(team.id, TEAM_NAME_MAX) && isName(team.name, TEAM_NAME_MAX)
		)
	)
		problems.push('TEAMS_INVALID');
	if (!TEAM_SCORINGS.includes(config.teamScoring)) problems.push('TEAM_SCORING_INVALID');
	const fields = config.requireHiddenFields;
	if (
		fields.length > HIDDEN_FIELDS_MAX ||
		new Set(fields).size !== fields.length ||
		!fields.every((key) => isName(key, TEAM_NAME_MAX))
	)
		problems.push('FIELDS_INVALID');
	const rules = config.elimination;
	if (
		typeof rules.rescueAllowed !== 'boolean' ||
		!(rules.maxRescues === null || (Number.isInteger(rules.maxRescues) && rules.maxRescues >= 0)) ||
		!['keep', 'eliminate'].includes(rules.whenAllFail)
	)
		problems.push('RESCUE_RULES_INVALID');
	if (questions.length === 0) problems.push('NO_QUESTIONS');
	if (!questions.every(isPlayableQuestion)) problems.push('QUESTION_INVALID');
	if (!Number.isSafeInteger(seed)) problems.push('SEED_INVALID');
	return problems;
}
