/**
 * The socket.io contract shared by the server and the clients: event names, payload schemas,
 * acknowledgement shapes and the payload types of every broadcast. Every client→server payload is
 * parsed with these schemas on the server. Commands are `domain:verb`; broadcasts are facts
 * (`question:opened`). docs/protocol.md describes the flow.
 *
 * Privacy rule: nothing a phone receives contains an answer key, explanation or citation before
 * the question closes (`question:opened` carries a PublicQuestion; `question:closed` the Reveal).
 */
import * as v from 'valibot';
import type { PublicQuestion, Reveal } from './quiz/public-question';
import { ERROR_CODES as ENGINE_ERROR_CODES } from './quiz/types';
import type {
	Distribution,
	GameMode,
	LeaderboardEntry,
	Phase,
	PlayerStatus,
	QuestionKind,
	TeamScoring,
	TeamStanding
} from './quiz/types';
import type { HostActions } from './quiz/host-actions';
import type { ScoringMode } from './quiz/scoring';

export type { PublicQuestion, Reveal } from './quiz/public-question';
export type {
	Distribution,
	GameMode,
	LeaderboardEntry,
	Phase,
	PlayerStatus,
	QuestionKind,
	TeamStanding
} from './quiz/types';

// ---------------------------------------------------------------------------------------------
// Errors and acknowledgements

/**
 * Every error a client can be told about. Clients translate them; raw exception text is never
 * sent. The engine's refusals (LATE, LOCKED, NICKNAME_TAKEN…) pass through unchanged.
 */
export const ERROR_CODES = [
	'UNAUTHENTICATED',
	'FORBIDDEN',
	'INVALID_PAYLOAD',
	'NOT_FOUND',
	'RATE_LIMITED',
	'INTERNAL',
	/** The nickname filter (when the host enabled it) refused the nickname. */
	'NICKNAME_NOT_ALLOWED',
	...ENGINE_ERROR_CODES
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
/** The codes that carry nothing but themselves (every code except RATE_LIMITED). */
export type RefusalCode = Exclude<ErrorCode, 'RATE_LIMITED'>;

/**
 * An acknowledgement: the data, or one of ERROR_CODES (a closed set: the compiler refuses any other
 * string). RATE_LIMITED, and only it, says when to try again.
 */
export type Ack<T = undefined> =
	| { ok: true; data: T }
	| { ok: false; error: RefusalCode }
	| { ok: false; error: 'RATE_LIMITED'; retryAfterSec: number };
export type AckFn<T = undefined> = (ack: Ack<T>) => void;

// ---------------------------------------------------------------------------------------------
// Game set-up (used by the host's "new game" form and the service API)

export const LIVE_MODES = [
	'classic',
	'teams',
	'elimination'
] as const satisfies readonly GameMode[];
export const LIVE_SCORINGS = [
	'speed-streak',
	'speed',
	'accuracy'
] as const satisfies readonly ScoringMode[];

/** Registration fields a host may require; seen only by the organization (results, exports). */
export const HIDDEN_FIELDS = ['fullName', 'unit', 'phone'] as const;
export type HiddenField = (typeof HIDDEN_FIELDS)[number];

export const PIN_PATTERN = /^\d{6}$/;
export const NICKNAME_INPUT_MAX = 40;
export const HIDDEN_VALUE_MAX = 100;
export const TEAM_NAME_MAX = 60;
export const TEAMS_MAX = 50;
/** Rows of the leaderboard frames. */
export const LEADERBOARD_TOP = 10;
/** Most answered-count updates the host receives per second. */
export const HOST_ANSWERED_PER_SEC = 4;

/** Options of a live game, as the host's form submits them (every field has a default). */
export const LiveGameOptionsSchema = v.object({
	scoring: v.optional(v.picklist(LIVE_SCORINGS), 'speed-streak'),
	podiumSize: v.optional(v.pipe(v.number(), v.integer(), v.minValue(3), v.maxValue(10)), 3),
	/** Team names (teams mode: at least 2). Ids `t1`, `t2`… are given in this order. */
	teams: v.optional(
		v.pipe(
			v.array(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(TEAM_NAME_MAX))),
			v.maxLength(TEAMS_MAX)
		),
		[]
	),
	teamScoring: v.optional(
		v.picklist(['average', 'sum'] as const satisfies readonly TeamScoring[]),
		'average'
	),
	hiddenFields: v.optional(v.array(v.picklist(HIDDEN_FIELDS)), []),
	nicknameFilter: v.optional(v.boolean(), true),
	/**
	 * The last `reserveQuestions` questions of the quiz are not played as main questions: they
	 * feed rescue questions and tie-breaks (elimination mode), in order.
	 */
	reserveQuestions: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(50)), 0),
	elimination: v.optional(
		v.object({
			rescueAllowed: v.optional(v.boolean(), true),
			maxRescues: v.optional(v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0))), null),
			whenAllFail: v.optional(v.picklist(['keep', 'eliminate']), 'keep')
		}),
		{}
	)
});
export type LiveGameOptionsInput = v.InferInput<typeof LiveGameOptionsSchema>;
export type LiveGameOptions = v.InferOutput<typeof LiveGameOptionsSchema>;

export const GAME_STATUSES = ['lobby', 'running', 'ended'] as const;
export type GameStatus = (typeof GAME_STATUSES)[number];

export interface TeamOption {
	id: string;
	name: string;
}

/** What the join page needs to render the form for a PIN (service `findJoinableGame`). */
export interface JoinableGame {
	gameId: number;
	pin: string;
	title: string;
	mode: GameMode;
	teams: TeamOption[];
	hiddenFields: HiddenField[];
	nicknameFilter: boolean;
	locked: boolean;
	ended: boolean;
}

// ---------------------------------------------------------------------------------------------
// Client → server payload schemas

const Str = (max: number) => v.pipe(v.string(), v.maxLength(max));
const Int = (min: number, max: number) =>
	v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));
const Index = Int(0, 10_000);

export const PingPayload = v.optional(v.object({ echo: v.optional(Str(100)) }));

export const PinSchema = v.pipe(v.string(), v.regex(PIN_PATTERN));
/** A player token as issued: 32 base32 characters (20 random bytes). */
export const PlayerTokenSchema = v.pipe(v.string(), v.regex(/^[a-z2-7]{32}$/));

export const JoinPayload = v.object({
	pin: PinSchema,
	/** Trimmed and checked (1–20 characters, unique) by the engine. */
	nickname: Str(NICKNAME_INPUT_MAX),
	/** A team id from JoinableGame.teams; omitted = the smallest team. */
	team: v.optional(v.nullable(Str(TEAM_NAME_MAX))),
	hidden: v.optional(
		v.object({
			fullName: v.optional(Str(HIDDEN_VALUE_MAX)),
			unit: v.optional(Str(HIDDEN_VALUE_MAX)),
			phone: v.optional(Str(HIDDEN_VALUE_MAX))
		})
	)
});

export const RejoinPayload = v.object({
	pin: PinSchema,
	playerToken: PlayerTokenSchema,
	/** Optional: when given it must match the token's nickname (PIN + nickname + token). */
	nickname: v.optional(Str(NICKNAME_INPUT_MAX))
});

/** An answer as a phone sends it; the engine then checks it against the question. */
export const AnswerSchema = v.variant('type', [
	v.object({ type: v.literal('single'), choice: Int(0, 9) }),
	v.object({
		type: v.literal('multiple'),
		choices: v.pipe(v.array(Int(0, 9)), v.maxLength(10))
	}),
	v.object({ type: v.literal('truefalse'), value: v.boolean() }),
	v.object({ type: v.literal('typeanswer'), text: Str(200) }),
	v.object({ type: v.literal('numeric'), value: v.pipe(v.number(), v.finite()) }),
	v.object({ type: v.literal('ordering'), order: v.pipe(v.array(Int(0, 9)), v.maxLength(10)) })
]);

export const SubmitAnswerPayload = v.object({ questionIndex: Index, answer: AnswerSchema });

export const GameIdSchema = Int(1, Number.MAX_SAFE_INTEGER);
export const HostAttachPayload = v.object({ gameId: GameIdSchema });

/** What the host may ask for. `next` is the single "continue" key (see docs/protocol.md). */
export const HostCommandSchema = v.variant('type', [
	v.object({ type: v.literal('start') }),
	v.object({ type: v.literal('next') }),
	v.object({ type: v.literal('skip') }),
	v.object({ type: v.literal('pause') }),
	v.object({ type: v.literal('resume') }),
	/** Default 10 s; at most 300 s added to one question in total. */
	v.object({ type: v.literal('addTime'), seconds: v.optional(Int(1, 300)) }),
	v.object({ type: v.literal('close') }),
	v.object({ type: v.literal('showLeaderboard') }),
	v.object({ type: v.literal('end') }),
	v.object({ type: v.literal('kick'), playerId: Str(128) }),
	v.object({ type: v.literal('lock') }),
	v.object({ type: v.literal('unlock') }),
	v.object({
		type: v.literal('rescue'),
		/** all: everyone eliminated; count: `count` of them; question: the next reserve question. */
		variant: v.picklist(['all', 'count', 'question']),
		count: v.optional(Int(1, 100_000)),
		by: v.optional(v.picklist(['recent', 'best']))
	}),
	/** Default: the open question, else the next one. */
	v.object({ type: v.literal('markFinal'), questionIndex: v.optional(Index) }),
	/** Plays the next `count` reserve questions (default 3) as tie-break questions. */
	v.object({ type: v.literal('startTieBreak'), count: v.optional(Int(1, 10)) })
]);
export type HostCommand = v.InferOutput<typeof HostCommandSchema>;

export const HostCommandPayload = v.object({ gameId: GameIdSchema, command: HostCommandSchema });

// ---------------------------------------------------------------------------------------------
// Server → client payloads

/** One player as the host screen lists them (no hidden fields: the screen is projected). */
export interface RosterEntry {
	playerId: string;
	nickname: string;
	team: string | null;
	status: PlayerStatus;
}

/** The open question, sent once to the whole room; the same shape in PlayerView/HostState. */
export interface QuestionOpenedFrame {
	gameId: number;
	questionIndex: number;
	kind: QuestionKind;
	/** 1-based count of opened questions, rescue rounds included. */
	round: number;
	/** 1-based among main questions (0 for tie-break and rescue questions), of `total`. */
	number: number;
	total: number;
	isFinal: boolean;
	question: PublicQuestion;
	/** The answer window (time limit + added time), ms. */
	limitMs: number;
	/** Server epoch ms when answers stop; null while paused. */
	deadline: number | null;
	/** Time left at `serverNow`. */
	remainingMs: number;
	paused: boolean;
	/** The server's clock when the frame was built: offset = serverNow − Date.now() on arrival. */
	serverNow: number;
	/** Players allowed to answer. */
	eligible: number;
}

/** Pause, resume or added time. */
export interface QuestionTimerFrame {
	questionIndex: number;
	paused: boolean;
	deadline: number | null;
	remainingMs: number;
	limitMs: number;
	serverNow: number;
}

/** The close, to the whole room: the answer key appears here for the first time. */
export interface QuestionClosedFrame {
	questionIndex: number;
	kind: QuestionKind;
	skipped: boolean;
	reveal: Reveal;
	distribution: Distribution;
	eligible: number;
	/** Elimination mode: players still in; null otherwise. */
	remaining: number | null;
	/** No question left to open. */
	isLast: boolean;
	teams: TeamStanding[] | null;
	/**
	 * The closed question's public form, in join/rejoin/attach views only (the room broadcast
	 * leaves it out: phones already have it from `question:opened`).
	 */
	question?: PublicQuestion;
}

/** A player's own standing. */
export interface PlayerSelf {
	playerId: string;
	nickname: string;
	team: string | null;
	status: PlayerStatus;
	score: number;
	streak: number;
	rank: number | null;
	rankChange: number | null;
}

/** To one player after each close (only players who could answer it). */
export interface PlayerResultFrame {
	questionIndex: number;
	answered: boolean;
	correct: boolean;
	/** Partial credit, 0..1. */
	fraction: number;
	points: number;
	responseMs: number | null;
	/** Out on this question (elimination mode). */
	eliminated: boolean;
	/** Back in after this rescue question. */
	rescued: boolean;
	/** Players ranked (rank "n of ranked"). */
	ranked: number;
	me: PlayerSelf;
}

export interface LeaderboardFrame {
	top: LeaderboardEntry[];
	teams: TeamStanding[] | null;
	remaining: number | null;
}

export interface Winner {
	playerId: string;
	nickname: string;
}

/** Small status frame to the whole room after every transition. */
export interface GameStateFrame {
	phase: Phase;
	locked: boolean;
	paused: boolean;
	/** The question being played or just closed. */
	questionIndex: number | null;
	/** Players playing (elimination: still in). */
	active: number;
	eliminated: number;
	/** Elimination mode: the sole player left, once exactly one remains. */
	winner: Winner | null;
}

export interface GameEndedFrame {
	podium: LeaderboardEntry[];
	teams: TeamStanding[] | null;
	winner: Winner | null;
}

/** Throttled (≤ HOST_ANSWERED_PER_SEC a second) to the host room while a question is open. */
export interface HostAnsweredFrame {
	questionIndex: number;
	answered: number;
	eligible: number;
}

/** Roster changes to the host room, batched and throttled like the answered count. */
export interface LobbyPlayersFrame {
	/** Players in the game (kicked excluded). */
	count: number;
	added: RosterEntry[];
	/** Kicked player ids. */
	removed: string[];
}

/** Everything a phone needs to draw its current screen (join/rejoin ack). */
export interface PlayerView {
	gameId: number;
	pin: string;
	title: string;
	mode: GameMode;
	/** Teams mode: the teams (id → name), so a phone names its own team; empty otherwise. */
	teams: TeamOption[];
	state: GameStateFrame;
	me: PlayerSelf;
	/** Open question (phase `question`), else null. */
	question: QuestionOpenedFrame | null;
	/** This player's answer to the open question was accepted (locks the buttons). */
	answered: boolean;
	/** The last close (phases reveal/leaderboard), else null. */
	closed: QuestionClosedFrame | null;
	/** This player's result for the last close, if they could answer it. */
	result: PlayerResultFrame | null;
	leaderboard: LeaderboardFrame | null;
	/** Podium/ended phases. */
	ended: GameEndedFrame | null;
	serverNow: number;
}

/** Everything the host screen needs except the roster; sent on attach and after every change. */
export interface HostState {
	gameId: number;
	pin: string;
	title: string;
	mode: GameMode;
	options: LiveGameOptions;
	teams: TeamOption[];
	state: GameStateFrame;
	counts: { joined: number; active: number; eliminated: number; spectator: number; kicked: number };
	question: QuestionOpenedFrame | null;
	answered: number;
	closed: QuestionClosedFrame | null;
	leaderboard: LeaderboardFrame | null;
	ended: GameEndedFrame | null;
	/** Main questions opened so far, of mainTotal. */
	mainPlayed: number;
	mainTotal: number;
	/** Questions still to open. */
	upcoming: number;
	/** Reserve questions still unused (rescue question, tie-break). */
	reserveLeft: number;
	/** What the host may do now and why not, decided by the engine; the screen only renders it. */
	actions: HostActions;
	elimination: {
		rescuesUsed: number;
		rescueClosed: boolean;
		finalIndex: number | null;
	} | null;
	serverNow: number;
}

export interface HostAttachReply {
	state: HostState;
	roster: RosterEntry[];
}

export interface JoinReply {
	/** Keep it on the phone (localStorage): it is the only way back into the game. */
	playerToken: string;
	view: PlayerView;
}

export interface RejoinReply {
	view: PlayerView;
}

export interface AnswerReply {
	questionIndex: number;
	accepted: true;
	/** The same answer (or another) was already accepted: nothing changed. */
	duplicate: boolean;
}

export interface HostCommandReply {
	state: HostState;
}

export interface TimeSyncReply {
	serverNow: number;
}

export interface PingReply {
	username: string;
	organizationSlug: string;
	echo?: string;
	serverTime: number;
}

// ---------------------------------------------------------------------------------------------
// Event maps

/**
 * Every client→server event is a request: a payload and an acknowledgement. The payload types are
 * what a well-behaved client builds (the schemas' input types), so the phone and host code that
 * emits them is checked by the compiler; the server never trusts them (`ClientToServerWire`).
 */
export interface ClientToServerEvents {
	/** Authenticated liveness check: proves the handshake saw the session cookie. */
	ping: (payload: v.InferInput<typeof PingPayload>, ack: AckFn<PingReply>) => void;
	/** Anyone: the server clock, for phones correcting skew before a question arrives. */
	'time:sync': (payload: Record<string, never>, ack: AckFn<TimeSyncReply>) => void;
	'player:join': (payload: v.InferInput<typeof JoinPayload>, ack: AckFn<JoinReply>) => void;
	'player:rejoin': (payload: v.InferInput<typeof RejoinPayload>, ack: AckFn<RejoinReply>) => void;
	'answer:submit': (
		payload: v.InferInput<typeof SubmitAnswerPayload>,
		ack: AckFn<AnswerReply>
	) => void;
	'host:attach': (
		payload: v.InferInput<typeof HostAttachPayload>,
		ack: AckFn<HostAttachReply>
	) => void;
	'host:command': (
		payload: v.InferInput<typeof HostCommandPayload>,
		ack: AckFn<HostCommandReply>
	) => void;
}

export type RequestName = keyof ClientToServerEvents;
/** What a client sends with `event`. */
export type RequestPayload<E extends RequestName> = Parameters<ClientToServerEvents[E]>[0];
/** The data of `event`'s acknowledgement when it succeeds. */
export type RequestReply<E extends RequestName> =
	Parameters<ClientToServerEvents[E]>[1] extends AckFn<infer T> ? T : never;

/**
 * The same events as they reach the server: any client can send anything, so a payload is
 * `unknown` until its schema parsed it; the acknowledgement keeps its type.
 */
export type ClientToServerWire = {
	[E in RequestName]: (payload: unknown, ack: AckFn<RequestReply<E>>) => void;
};

export interface ServerToClientEvents {
	/** Room (players + hosts): every transition. */
	'game:state': (frame: GameStateFrame) => void;
	'question:opened': (frame: QuestionOpenedFrame) => void;
	'question:timer': (frame: QuestionTimerFrame) => void;
	'question:closed': (frame: QuestionClosedFrame) => void;
	leaderboard: (frame: LeaderboardFrame) => void;
	'game:ended': (frame: GameEndedFrame) => void;
	/** One player: after each close they could answer. */
	'player:result': (frame: PlayerResultFrame) => void;
	/** One player: their standing changed outside a close (rescue, podium, end). */
	'player:me': (me: PlayerSelf) => void;
	/** One player: removed by the host; the server then disconnects the socket. */
	'player:kicked': (payload: { gameId: number }) => void;
	/** Host room only. */
	'host:state': (state: HostState) => void;
	'host:answered': (frame: HostAnsweredFrame) => void;
	'lobby:players': (frame: LobbyPlayersFrame) => void;
}

export const CLIENT_EVENTS = [
	'ping',
	'time:sync',
	'player:join',
	'player:rejoin',
	'answer:submit',
	'host:attach',
	'host:command'
] as const satisfies readonly (keyof ClientToServerEvents)[];

export const SOCKET_PATH = '/socket.io';
