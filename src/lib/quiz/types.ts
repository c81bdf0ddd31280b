/**
 * Types of the live game engine: configuration, state, commands, events and error codes.
 * Everything here is plain JSON (no Maps, Dates, classes or undefined-valued fields), so the
 * realtime layer can persist the state and the command log as they are.
 */
import type { PublicQuestion, Reveal } from './public-question';
import type { AnswerValue, Question } from './question';
import type { PMap } from './pmap';
import type { ScoringMode } from './scoring';

export const GAME_MODES = ['classic', 'teams', 'elimination'] as const;
export type GameMode = (typeof GAME_MODES)[number];

export const TEAM_SCORINGS = ['average', 'sum'] as const;
export type TeamScoring = (typeof TEAM_SCORINGS)[number];

export const PHASES = ['lobby', 'question', 'reveal', 'leaderboard', 'podium', 'ended'] as const;
export type Phase = (typeof PHASES)[number];

/** main: the game's own questions; tiebreak: added by startTieBreak; rescue: a rescue round. */
export type QuestionKind = 'main' | 'tiebreak' | 'rescue';

export interface Team {
	id: string;
	name: string;
}

/** Rules of "Rung chuông vàng"; no national rule exists, so organisers choose. */
export interface EliminationRules {
	/** Whether the host may bring eliminated players back at all. */
	rescueAllowed: boolean;
	/** How many rescues (of any variant) one game may have; null = no limit. */
	maxRescues: number | null;
	/**
	 * When every player still in fails the same question: 'keep' = nobody is eliminated on that
	 * question (the usual floor rule); 'eliminate' = they are all out and nobody wins.
	 */
	whenAllFail: 'keep' | 'eliminate';
}

export interface GameConfig {
	mode: GameMode;
	scoring: ScoringMode;
	/** How many places the podium shows, 3–10. */
	podiumSize: number;
	/** Teams mode: the teams players join. */
	teams: Team[];
	teamScoring: TeamScoring;
	/** Keys of registration fields (e.g. full name, phone, unit) every join must carry. */
	requireHiddenFields: string[];
	elimination: EliminationRules;
}

/** What createGame accepts: every field optional, filled with defaults. */
export type GameConfigInput = Partial<Omit<GameConfig, 'elimination'>> & {
	elimination?: Partial<EliminationRules>;
};

/**
 * active: plays; eliminated: out in elimination mode (watches, may be rescued);
 * spectator: joined an elimination game after it started, only watches; kicked: removed by the host.
 */
export type PlayerStatus = 'active' | 'eliminated' | 'spectator' | 'kicked';

export interface Player {
	id: string;
	nickname: string;
	team: string | null;
	/** Registration fields named in config.requireHiddenFields; never shown to other players. */
	fields: Record<string, string>;
	/** Join order (0-based): the last tie-breaker everywhere. */
	seq: number;
	status: PlayerStatus;
	score: number;
	/** Consecutive fully correct answers. */
	streak: number;
	/** Cumulative response time over scored questions; a missed question counts its full time. */
	timeMs: number;
	/** Scored questions answered / answered fully correctly. */
	answered: number;
	correct: number;
	/** Rank at the last ranking (after each close, kick, podium), or null before the first. */
	rank: number | null;
	/** Rank before the last close; rank change = previousRank − rank (positive = moved up). */
	previousRank: number | null;
	/** Elimination mode: the round (1-based count of opened questions) the player went out on. */
	eliminatedRound: number | null;
}

/** A submitted answer as stored, i.e. the acknowledgement repeated to duplicates. */
export interface StoredAnswer {
	/** `now` when the answer arrived. */
	at: number;
	responseMs: number;
	answer: AnswerValue;
	correct: boolean;
	fraction: number;
	points: number;
	streakBonus: number;
	/** The player's streak if this answer stands. */
	streak: number;
}

/** How the answers split: counts per option (single, multiple) or [true, false] (truefalse). */
export interface Distribution {
	answered: number;
	correct: number;
	/** Partly right (multiple select, ordering). */
	partial: number;
	options: number[];
}

/** The question being played or, in reveal/leaderboard, the one just closed. */
export interface CurrentQuestion {
	index: number;
	kind: QuestionKind;
	/** 1-based count of opened questions, rescue rounds included. */
	round: number;
	/** 1-based position among main questions (0 for tie-break and rescue questions). */
	number: number;
	/** Marked final by the host: no rescue once it has closed. */
	isFinal: boolean;
	shuffleSeed: number;
	openedAt: number;
	/** The window for answers: time limit plus time added by the host, in ms. */
	limitMs: number;
	addedMs: number;
	/** Absolute time answers stop being accepted, while running; null while paused. */
	deadline: number | null;
	/** Time left, while paused; null while running. */
	remainingMs: number | null;
	pausedAt: number | null;
	/** Total time spent paused, not counted in response times. */
	pausedMs: number;
	closed: boolean;
	skipped: boolean;
	/** Accepted answers by playerId. Kept until the next question opens. */
	answers: PMap<StoredAnswer>;
	/** Answers accepted from players still in the game. */
	answered: number;
	distribution: Distribution;
}

/** One player's outcome for one question. */
export interface PlayerResult {
	playerId: string;
	nickname: string;
	team: string | null;
	answered: boolean;
	correct: boolean;
	fraction: number;
	points: number;
	responseMs: number | null;
	streak: number;
	score: number;
	rank: number | null;
	rankChange: number | null;
	status: PlayerStatus;
}

export interface LeaderboardEntry {
	playerId: string;
	nickname: string;
	team: string | null;
	score: number;
	rank: number;
	rankChange: number | null;
	status: PlayerStatus;
	/** Elimination mode: the round the player went out on (how long they lasted), else null. */
	eliminatedRound: number | null;
}

export interface TeamStanding {
	teamId: string;
	name: string;
	/** Average (rounded) or sum of members' scores, per config.teamScoring. */
	score: number;
	members: number;
	rank: number;
}

export interface PlayerCounts {
	/** Everyone who ever joined, kicked included. */
	joined: number;
	active: number;
	eliminated: number;
	spectator: number;
	kicked: number;
}

export interface EliminationState {
	rescuesUsed: number;
	/** Set once the final question (marked or the last main one) has closed, or a tie-break began. */
	rescueClosed: boolean;
	/** Index of the question the host marked final, if any. */
	finalIndex: number | null;
	/** The sole player left, once exactly one remains. */
	winnerId: string | null;
}

export interface GameState {
	version: 1;
	config: GameConfig;
	seed: number;
	/** Main questions first, then tie-break and rescue questions as the host adds them. */
	questions: Question[];
	kinds: QuestionKind[];
	/** Indices of the questions still to open, in order. */
	upcoming: number[];
	phase: Phase;
	/** Only ever true in the question phase: the timer is frozen and answers wait. */
	paused: boolean;
	locked: boolean;
	/** Questions opened so far, rescue rounds included. */
	round: number;
	/** Main questions opened so far. */
	mainPlayed: number;
	current: CurrentQuestion | null;
	players: PMap<Player>;
	/** Nickname key (case- and diacritic-free) → playerId, for uniqueness. */
	nicknames: PMap<string>;
	counts: PlayerCounts;
	/** Teams mode: members per team id (kicked players excluded). */
	teamMembers: Record<string, number>;
	teamStandings: TeamStanding[];
	/** PlayerIds in leaderboard order at the last ranking (kicked and spectators excluded). */
	ranking: string[];
	/** Results of the last closed question, by playerId. */
	results: PMap<PlayerResult>;
	elimination: EliminationState;
}

// ---------------------------------------------------------------------------------------------
// Commands

export type RescueCommand =
	| { type: 'rescue'; variant: 'all' }
	/**
	 * The `count` eliminated players first in order: 'recent' (default) = most recently
	 * eliminated first; 'best' = highest score first. Ties: higher score, then less cumulative
	 * time, then earlier join.
	 */
	| { type: 'rescue'; variant: 'count'; count: number; by?: 'recent' | 'best' }
	/** Opens a question only eliminated players may answer; those right return. */
	| { type: 'rescue'; variant: 'question'; question: Question };

export type Command =
	| {
			type: 'join';
			playerId: string;
			nickname: string;
			team?: string | null;
			fields?: Record<string, string>;
	  }
	| { type: 'kick'; playerId: string }
	| { type: 'lock' }
	| { type: 'unlock' }
	| { type: 'start' }
	| { type: 'openQuestion' }
	| { type: 'next' }
	| { type: 'skip' }
	| { type: 'pause' }
	| { type: 'resume' }
	| { type: 'addTime'; ms?: number }
	/** `questionIndex` lets a stale timer's close be refused instead of closing a newer question. */
	| { type: 'closeQuestion'; questionIndex?: number }
	| { type: 'showLeaderboard' }
	| { type: 'end' }
	| { type: 'submitAnswer'; playerId: string; questionIndex: number; answer: unknown }
	| RescueCommand
	| { type: 'markFinal'; questionIndex?: number }
	| { type: 'startTieBreak'; questions: Question[] };

export type CommandType = Command['type'];

/** Commands a player's phone may send; every other command is the host's (or the server timer's). */
export const PLAYER_COMMANDS = ['join', 'submitAnswer'] as const satisfies readonly CommandType[];

export interface LogEntry {
	command: Command;
	now: number;
}

// ---------------------------------------------------------------------------------------------
// Errors

export const ERROR_CODES = [
	'INVALID_COMMAND',
	'WRONG_PHASE',
	'WRONG_MODE',
	'GAME_ENDED',
	'LOCKED',
	'NICKNAME_INVALID',
	'NICKNAME_TAKEN',
	'TEAM_INVALID',
	'FIELDS_INVALID',
	'KICKED',
	'NOT_IN_GAME',
	'NO_PLAYERS',
	'NO_MORE_QUESTIONS',
	'NOT_OPEN',
	'WRONG_QUESTION',
	'LATE',
	'PAUSED',
	'NOT_PAUSED',
	'TIME_UP',
	'TIME_LIMIT_REACHED',
	'ELIMINATED',
	'NOT_ELIGIBLE',
	'INVALID_ANSWER',
	'INVALID_QUESTION',
	'RESCUE_NOT_ALLOWED',
	'RESCUE_CLOSED',
	'RESCUE_LIMIT',
	'NOBODY_ELIMINATED',
	'QUESTIONS_REMAINING',
	'NO_TIE',
	/** No reserve question left for a rescue question or a tie-break (the server holds them). */
	'NO_RESERVE'
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

// ---------------------------------------------------------------------------------------------
// Events: facts for the realtime layer to broadcast (or, where marked, to send to one player).

export type GameEvent =
	| {
			type: 'playerJoined';
			playerId: string;
			nickname: string;
			team: string | null;
			status: PlayerStatus;
			rejoined: boolean;
			/** Players in the game now (kicked excluded). */
			players: number;
	  }
	| { type: 'playerKicked'; playerId: string; players: number }
	| { type: 'lockChanged'; locked: boolean }
	| {
			type: 'questionOpened';
			questionIndex: number;
			kind: QuestionKind;
			round: number;
			/** 1-based among main questions, and how many main questions there are. */
			number: number;
			total: number;
			isFinal: boolean;
			question: PublicQuestion;
			limitMs: number;
			deadline: number;
			/** Players allowed to answer. */
			eligible: number;
	  }
	/** Private to `playerId` (correct/points ideally withheld until the close); counts for the host. */
	| {
			type: 'answerAccepted';
			playerId: string;
			questionIndex: number;
			duplicate: boolean;
			responseMs: number;
			correct: boolean;
			fraction: number;
			points: number;
			streak: number;
			answered: number;
			eligible: number;
	  }
	| { type: 'questionPaused'; questionIndex: number; remainingMs: number }
	| { type: 'questionResumed'; questionIndex: number; deadline: number; remainingMs: number }
	| {
			type: 'timeAdded';
			questionIndex: number;
			addedMs: number;
			limitMs: number;
			/** New deadline if running, null if paused. */
			deadline: number | null;
			remainingMs: number;
	  }
	/**
	 * `results` holds one entry per player who could answer, in rank order: send each player
	 * their own entry, the host/projector the distribution and the top of the list.
	 */
	| {
			type: 'questionClosed';
			questionIndex: number;
			kind: QuestionKind;
			skipped: boolean;
			reveal: Reveal;
			distribution: Distribution;
			eligible: number;
			results: PlayerResult[];
			teams: TeamStanding[] | null;
			/** Elimination mode: players still in after this question; null in other modes. */
			remaining: number | null;
			/** No question left to open (tie-break time in elimination mode if remaining > 1). */
			isLast: boolean;
	  }
	| {
			type: 'playersEliminated';
			questionIndex: number;
			playerIds: string[];
			remaining: number;
	  }
	/** Everyone still in failed, and config.elimination.whenAllFail = 'keep' saved them. */
	| { type: 'allFailedKept'; questionIndex: number; remaining: number }
	| {
			type: 'rescued';
			variant: 'all' | 'count' | 'question';
			playerIds: string[];
			remaining: number;
			rescuesUsed: number;
	  }
	| { type: 'winner'; playerId: string; nickname: string; questionIndex: number }
	| { type: 'finalMarked'; questionIndex: number }
	| { type: 'tieBreakStarted'; questionIndices: number[]; remaining: number }
	| {
			type: 'leaderboardShown';
			top: LeaderboardEntry[];
			teams: TeamStanding[] | null;
			remaining: number | null;
	  }
	| { type: 'podiumShown'; podium: LeaderboardEntry[]; teams: TeamStanding[] | null }
	| {
			type: 'gameEnded';
			podium: LeaderboardEntry[];
			teams: TeamStanding[] | null;
			winnerId: string | null;
	  };

export type GameEventType = GameEvent['type'];

export type ApplyResult =
	{ ok: true; state: GameState; events: GameEvent[] } | { ok: false; error: ErrorCode };
