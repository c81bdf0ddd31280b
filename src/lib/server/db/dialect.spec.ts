import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { perConnection, prepared } from './dialect';
import { organization } from './schema';
import { openTestDb } from './test-databases';
import { transaction } from './transaction';
import type { DbOrTx } from './types';

const bySlug = (on: DbOrTx) =>
	prepared(
		on
			.select({ id: organization.id })
			.from(organization)
			.where(eq(organization.slug, sql.placeholder('slug'))),
		'test_organization_by_slug'
	);

describe('perConnection', () => {
	it('runs a prepared statement inside the transaction that asks for it: it sees that transaction’s own writes', async () => {
		const db = await openTestDb();
		const statements = perConnection(db, bySlug);
		const seen = await transaction(db, async (tx) => {
			await tx
				.insert(organization)
				.values({ slug: 'trong-giao-dich', name: 'Công đoàn thử', createdAt: new Date(0) });
			return statements(tx).execute({ slug: 'trong-giao-dich' });
		});
		expect(seen).toHaveLength(1);
		// Outside any transaction (the pool, on PostgreSQL) it sees what was committed.
		expect(await statements(db).execute({ slug: 'trong-giao-dich' })).toHaveLength(1);
	});

	it('prepares a connection’s statements once and reuses them in its later transactions', async () => {
		const db = await openTestDb();
		let prepares = 0;
		const statements = perConnection(db, (on) => (prepares++, bySlug(on)));
		for (let i = 0; i < 5; i++)
			await transaction(db, async (tx) => {
				await statements(tx).execute({ slug: 'x' });
			});
		// SQLite: one connection. PostgreSQL: the transactions ran one after another, each on a
		// connection the pool handed back, so at most a few connections were ever used.
		expect(prepares).toBeLessThanOrEqual(2);
	});
});
