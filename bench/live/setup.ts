/**
 * Bench fixtures written straight into the server's database (a SQLite file, where WAL allows a
 * second writer, or a postgres:// URL):
 * an organization, a host account with a session cookie, and a classic game whose questions
 * look like real ones (Vietnamese text, four options, explanation and legal citation), so the
 * frames the server encodes have a realistic size.
 */
import { closeDatabase, openDatabase } from '../../src/lib/server/db';
import { createOrganization, findOrganizationBySlug } from '../../src/lib/server/auth/members';
import { createUser } from '../../src/lib/server/auth/accounts';
import { createSession, generateToken, SESSION_COOKIE } from '../../src/lib/server/auth/session';
import { createLiveGameFromQuestions } from '../../src/lib/server/live/service';
import type { Question } from '../../src/lib/quiz/question';
import type { LiveGameOptionsInput } from '../../src/lib/protocol';

export interface BenchFixtures {
	organizationId: number;
	userId: number;
	/** `cv_session=<token>`, for the host's socket handshake. */
	cookie: string;
	gameId: number;
	pin: string;
}

export interface FixtureOptions {
	questions: number;
	timeLimitSec: number;
	options?: LiveGameOptionsInput;
	/** Distinguishes several games in one database. */
	label?: string;
	/** The organization (created when missing); default `bench`. */
	orgSlug?: string;
}

/** A single-choice question of realistic size. */
export function benchQuestion(n: number, timeLimitSec: number): Question {
	return {
		type: 'single',
		text: `Câu ${n}: Theo Bộ luật Lao động 2019, người lao động làm việc theo ca liên tục từ 06 giờ trở lên thì được nghỉ giữa giờ ít nhất bao nhiêu phút liên tục?`,
		options: ['15 phút', '30 phút', '45 phút', '60 phút'],
		correct: 1,
		timeLimitSec,
		points: 1,
		tags: ['bench'],
		explanation:
			'Người lao động làm việc theo thời giờ làm việc bình thường từ 06 giờ trở lên trong một ngày thì được nghỉ giữa giờ ít nhất 30 phút liên tục, làm việc vào ban đêm thì được nghỉ giữa giờ ít nhất 45 phút liên tục.',
		citation: {
			document: 'Bộ luật Lao động 2019',
			number: '45/2019/QH14',
			article: 'Điều 109, khoản 1'
		}
	};
}

/** Creates (or reuses) the bench organization, a host with a session, and a fresh game. */
export async function createFixtures(
	databasePath: string,
	options: FixtureOptions
): Promise<BenchFixtures> {
	const db = await openDatabase(databasePath);
	try {
		const slug = options.orgSlug ?? 'bench';
		const org =
			(await findOrganizationBySlug(db, slug)) ??
			(await createOrganization(db, `Đo tải ${slug}`, slug));
		const username = `bench-host-${Date.now().toString(36)}${options.label ?? ''}`;
		const user = await createUser(db, {
			organizationId: org.id,
			username,
			displayName: 'Bench host',
			password: `bench-${generateToken()}`,
			role: 'host'
		});
		const token = generateToken();
		await createSession(db, token, user.id);
		const questions = Array.from({ length: options.questions }, (_, i) =>
			benchQuestion(i + 1, options.timeLimitSec)
		);
		const created = await createLiveGameFromQuestions(db, {
			organizationId: org.id,
			createdBy: user.id,
			mode: 'classic',
			title: `Đo tải ${new Date().toISOString()}`,
			questions,
			options: options.options ?? {}
		});
		if (!created.ok)
			throw new Error(`cannot create the bench game: ${created.problems.join(', ')}`);
		return {
			organizationId: org.id,
			userId: user.id,
			cookie: `${SESSION_COOKIE}=${token}`,
			gameId: created.gameId,
			pin: created.pin
		};
	} finally {
		await closeDatabase(db);
	}
}
