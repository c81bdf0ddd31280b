import { defineConfig } from 'drizzle-kit';

// The PostgreSQL migrations, generated from the mirror schema beside SQLite's (docs/database.md).
export default defineConfig({
	schema: './src/lib/server/db/schema-pg.ts',
	out: './drizzle/pg',
	dialect: 'postgresql',
	dbCredentials: { url: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
	strict: true
});
