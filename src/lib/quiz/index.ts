/** The quiz engine's public API. */
export { apply, createGame, replay } from './engine';
export { checkGameSetup, DEFAULT_CONFIG, PODIUM_MAX, PODIUM_MIN, SETUP_PROBLEMS } from './config';
export type { SetupProblem } from './config';
export {
	answerForPhone,
	answerFromPhone,
	isAnswerFor,
	judgeAnswer,
	normalizeVietnamese,
	revealOf,
	toAnswerValue,
	toPublicQuestion
} from './judge';
export type { Judgement, PublicQuestion, Reveal, RevealKey } from './judge';
export { eligibilityOf, eligibleCount, mayAnswer } from './eligibility';
export type { Eligibility } from './eligibility';
export { getHostActions, HOST_ACTIONS } from './host-actions';
export type { Availability, HostAction, HostActions, HostFacts, NextStep } from './host-actions';
export { NICKNAME_MAX, cleanNickname } from './players';
export { isPlayableQuestion } from './question-check';
export { ADD_TIME_DEFAULT_MS, ADDED_TIME_MAX_MS } from './round';
export { SCORING_MODES, scoreAnswer, STREAK_BONUS_MAX, STREAK_BONUS_STEP } from './scoring';
export type { ScoringMode } from './scoring';
export * from './selectors';
export * from './types';
