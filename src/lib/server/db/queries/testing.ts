/** Fixtures for the query specs: a fresh in-memory database with two organizations. */
import { openDatabase, type Db } from '../index';
import { organization } from '../schema';
import type { Question } from '../../../quiz/question';

export function freshDb(): { db: Db; orgA: number; orgB: number } {
	const db = openDatabase(':memory:');
	const [orgA, orgB] = ['a', 'b'].map(
		(slug) =>
			db
				.insert(organization)
				.values({ slug: `org-${slug}`, name: `Org ${slug}`, createdAt: new Date(0) })
				.returning()
				.get().id
	);
	return { db, orgA, orgB };
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
