/** Fixtures for the query specs: a fresh in-memory database with two organizations. */
import type { Db } from '../index';
import { openTestDb } from '../test-databases';
import { organization } from '../schema';
import type { Question } from '../../../quiz/question';

export async function freshDb(): Promise<{ db: Db; orgA: number; orgB: number }> {
	const db = await openTestDb();
	const ids: number[] = [];
	for (const slug of ['a', 'b']) {
		const [row] = await db
			.insert(organization)
			.values({ slug: `org-${slug}`, name: `Org ${slug}`, createdAt: new Date(0) })
			.returning({ id: organization.id });
		ids.push(row.id);
	}
	return { db, orgA: ids[0], orgB: ids[1] };
}

/** A valid single-choice question; override any field. */
export function single(text: string, extra: Partial<Question> = {}): Question {
	return {
		type: 'single',
		text,
		options: ['Có', 'Không'],
		correct: 0,
		timeLimitSec: 20,
		points: 1,
		tags: [],
		...extra
	} as Question;
}
