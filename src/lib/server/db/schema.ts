/**
 * The database schema the app's queries are written against, one module per domain in
 * `./schema/`, and the PostgreSQL mirror of the same tables in `./schema-pg/` (same names, columns,
 * keys and indexes; tests/integration/schema-parity.test.ts compares the two).
 *
 * A process runs on one database. The table bindings below start as SQLite's; `useDialect('pg')`
 * (called by `openDatabase` for a postgres:// URL, before anything prepares a query) rebinds every
 * table to its PostgreSQL twin. ES module bindings are live, so every `import { user } from
 * './schema'` sees the table of the process's dialect. The twins are typed as SQLite's: each
 * PostgreSQL column was chosen to give the app the same JavaScript value (docs/database.md, "Type
 * mapping"), and the same query suite runs on both databases (`npm test`), which is what holds the
 * two together. A second, different dialect in one process is refused.
 */
import * as sqlite from './schema/tables';
import * as pg from './schema-pg';

export * from './schema/auth';
export * from './schema/bank';
export * from './schema/live';
export * from './schema/practice';

export type Dialect = 'sqlite' | 'pg';

let current: Dialect | undefined;

/** The dialect this process's tables are bound to (SQLite until a PostgreSQL database is opened). */
export function currentDialect(): Dialect {
	return current ?? 'sqlite';
}

/** Binds the tables to `dialect`'s. Throws when the process already uses the other one. */
export function useDialect(dialect: Dialect): void {
	if (current === dialect) return;
	if (current !== undefined)
		throw new Error(`this process already uses ${current}; one process runs on one database`);
	current = dialect;
	if (dialect === 'pg') bind(pg as unknown as typeof sqlite);
}

export let organization = sqlite.organization;
export let user = sqlite.user;
export let session = sqlite.session;
export let inviteToken = sqlite.inviteToken;
export let bank = sqlite.bank;
export let question = sqlite.question;
export let quiz = sqlite.quiz;
export let quizItem = sqlite.quizItem;
export let pendingImport = sqlite.pendingImport;
export let upload = sqlite.upload;
export let game = sqlite.game;
export let gameSnapshot = sqlite.gameSnapshot;
export let gameCommand = sqlite.gameCommand;
export let player = sqlite.player;
export let answer = sqlite.answer;
export let gameQuestion = sqlite.gameQuestion;
export let unit = sqlite.unit;
export let participant = sqlite.participant;
export let participantSession = sqlite.participantSession;
export let practiceSession = sqlite.practiceSession;
export let practiceAnswer = sqlite.practiceAnswer;
export let practiceKnown = sqlite.practiceKnown;
export let practiceReview = sqlite.practiceReview;
export let practiceLaw = sqlite.practiceLaw;
export let participantBadge = sqlite.participantBadge;
export let xpWeek = sqlite.xpWeek;
export let unitXp = sqlite.unitXp;
export let contest = sqlite.contest;
export let contestRound = sqlite.contestRound;
export let contestEntry = sqlite.contestEntry;
export let contestAttempt = sqlite.contestAttempt;
export let contestAnswer = sqlite.contestAnswer;
export let contestBest = sqlite.contestBest;
export let contestUnitStat = sqlite.contestUnitStat;

function bind(tables: typeof sqlite): void {
	organization = tables.organization;
	user = tables.user;
	session = tables.session;
	inviteToken = tables.inviteToken;
	bank = tables.bank;
	question = tables.question;
	quiz = tables.quiz;
	quizItem = tables.quizItem;
	pendingImport = tables.pendingImport;
	upload = tables.upload;
	game = tables.game;
	gameSnapshot = tables.gameSnapshot;
	gameCommand = tables.gameCommand;
	player = tables.player;
	answer = tables.answer;
	gameQuestion = tables.gameQuestion;
	unit = tables.unit;
	participant = tables.participant;
	participantSession = tables.participantSession;
	practiceSession = tables.practiceSession;
	practiceAnswer = tables.practiceAnswer;
	practiceKnown = tables.practiceKnown;
	practiceReview = tables.practiceReview;
	practiceLaw = tables.practiceLaw;
	participantBadge = tables.participantBadge;
	xpWeek = tables.xpWeek;
	unitXp = tables.unitXp;
	contest = tables.contest;
	contestRound = tables.contestRound;
	contestEntry = tables.contestEntry;
	contestAttempt = tables.contestAttempt;
	contestAnswer = tables.contestAnswer;
	contestBest = tables.contestBest;
	contestUnitStat = tables.contestUnitStat;
}
