/**
 * The composition root. `createApp` builds every long-lived component of one server — the
 * configuration, the database, the caches and queues — once, and everything else receives them as
 * arguments (hooks put the app on `event.locals.app`; socket.io is attached with
 * it). Tests build their own app with their own components (`createApp(cfg, { db })`),
 * so nothing is shared between two apps in one process.
 */
import { config as readProcessConfig, type AppConfig } from './config';
import { openDatabase, type Db } from './db';
import { createPracticeAnswerCache, type PracticeAnswerCache } from './practice/answer';
import { createPoolCache, type PoolCache } from './practice/pool';
import { createPracticeLimits, type PracticeLimits } from './practice/limits';
import { LoginGuard } from './auth/login-guard';
import { Limiter } from './rate-limit';
import { createParticipantCache, type ParticipantCache } from './db/queries/participants';
import { createHeldCache, type HeldCache } from './contest/held';
import { createBoardCache, type BoardCache } from './contest/standings';
import {
	createAttemptQueues,
	createContestPoolCache,
	type AttemptQueues,
	type ContestPoolCache
} from './contest/attempts';

/**
 * Per-app caches and queues. Each module that needs state beyond one request owns a factory
 * (`create…()`) for its entry; `createApp` calls them. No module keeps state in a global or in a
 * `WeakMap<Db, …>`.
 */
export interface AppCaches {
	/** The participant session lookup, prepared once (it runs on every practice answer and contest save). */
	participants: ParticipantCache;
	/** Practice answers: prepared queries, the answer transaction and its group commit. */
	practiceAnswer: PracticeAnswerCache;
	/** Published question pool and law pool sizes (today's challenge, mastery badges). */
	practicePool: PoolCache;
	/** Contest banks and questions held back from practice while a contest runs (contest/held.ts). */
	heldBanks: HeldCache;
	/** Public contest boards, a few seconds each (contest/standings.ts). */
	contestBoards: BoardCache;
	/** Contest question pools, a minute each (contest/attempts.ts). */
	contestPools: ContestPoolCache;
	/** The group-commit queues of contest answer saves and hand-ins (contest/attempts.ts). */
	contestQueues: AttemptQueues;
}

/**
 * Rate limits, one set per app, from its configuration (in memory, or in Redis with REDIS_URL so
 * that every node spends the same budgets).
 */
export interface AppLimiters {
	/** Practice sign-ups, answers and logins; contest registrations and saves. */
	practice: PracticeLimits;
	/** Staff logins (per address, per account and browser, per account). */
	login: LoginGuard;
	/** Wrong PINs per address on /join/[pin] (checked before any lookup). */
	pinMisses: Limiter;
	/**
	 * Live game joins and rejoins per address per 10 s. Phones on an event's own Wi-Fi have their
	 * own addresses; behind a NAT a hall shares one, hence a generous default (LIVE_JOIN_LIMIT).
	 * Rejoins only cost a hash lookup, so their budget is larger (LIVE_REJOIN_LIMIT).
	 */
	live: { join: Limiter; rejoin: Limiter };
}

export interface AppContext {
	readonly config: AppConfig;
	readonly db: Db;
	readonly caches: AppCaches;
	readonly limiters: AppLimiters;
}

/** The app's rate limiters, built from its configuration. */
export function createLimiters(cfg: Pick<AppConfig, 'limits' | 'redisUrl'>): AppLimiters {
	const { limits, redisUrl } = cfg;
	return {
		practice: createPracticeLimits(cfg),
		login: new LoginGuard(limits.loginPerIp, redisUrl),
		pinMisses: new Limiter('pin-miss', 30, 60, 60, redisUrl),
		live: {
			join: new Limiter('live-join', limits.liveJoin, 10, 0, redisUrl),
			rejoin: new Limiter('live-rejoin', limits.liveRejoin, 10, 0, redisUrl)
		}
	};
}

export interface AppComponents {
	/** An already opened database (tests: `openTestDb()`). */
	db?: Db;
}

/** Where the app's database is: DATABASE_URL (PostgreSQL) when set, else the SQLite file. */
export function databaseLocation(cfg: Pick<AppConfig, 'databaseUrl' | 'databasePath'>): string {
	return cfg.databaseUrl ?? cfg.databasePath;
}

/** Build one app: open the configured database (migrations apply) unless one is given. */
export async function createApp(
	cfg: AppConfig = readProcessConfig(),
	components: AppComponents = {}
): Promise<AppContext> {
	const db = components.db ?? (await openDatabase(databaseLocation(cfg)));
	const practicePool = createPoolCache();
	const heldBanks = createHeldCache();
	const caches: AppCaches = {
		participants: createParticipantCache(db),
		practicePool,
		practiceAnswer: createPracticeAnswerCache(db, practicePool, heldBanks),
		heldBanks,
		contestBoards: createBoardCache(),
		contestPools: createContestPoolCache(),
		contestQueues: createAttemptQueues(db)
	};
	return { config: cfg, db, caches, limiters: createLimiters(cfg) };
}
