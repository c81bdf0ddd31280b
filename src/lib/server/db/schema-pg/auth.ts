/**
 * PostgreSQL mirror of ../schema/auth.ts. Type mapping (docs/database.md): SQLite integer ids →
 * identity integers, `timestamp_ms` integers → timestamptz(3) (both read as Date), boolean
 * integers → boolean; the enum lists are shared with the SQLite schema.
 */
import {
	pgTable,
	text,
	integer,
	boolean,
	timestamp,
	index,
	uniqueIndex
} from 'drizzle-orm/pg-core';
import { ROLES } from '../schema/auth';

/** An instant read and written as a Date, like SQLite's `integer(…, { mode: 'timestamp_ms' })`. */
export function instant(name: string) {
	return timestamp(name, { mode: 'date', withTimezone: true, precision: 3 });
}

export const organization = pgTable('organization', {
	id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
	slug: text('slug').notNull().unique(),
	name: text('name').notNull(),
	timeZone: text('time_zone').notNull().default('Asia/Ho_Chi_Minh'),
	createdAt: instant('created_at').notNull()
});

export const user = pgTable(
	'user',
	{
		id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
		organizationId: integer('organization_id')
			.notNull()
			.references(() => organization.id, { onDelete: 'cascade' }),
		username: text('username').notNull(),
		displayName: text('display_name').notNull(),
		passwordHash: text('password_hash').notNull(),
		role: text('role', { enum: ROLES }).notNull(),
		isPlatformAdmin: boolean('is_platform_admin').notNull().default(false),
		disabledAt: instant('disabled_at'),
		createdAt: instant('created_at').notNull()
	},
	(t) => [
		uniqueIndex('user_username_unique').on(t.username),
		index('user_org_idx').on(t.organizationId)
	]
);

export const session = pgTable(
	'session',
	{
		id: text('id').primaryKey(),
		userId: integer('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		expiresAt: instant('expires_at').notNull()
	},
	(t) => [index('session_user_idx').on(t.userId)]
);

export const inviteToken = pgTable('invite_token', {
	id: text('id').primaryKey(),
	kind: text('kind', { enum: ['setup', 'invite'] }).notNull(),
	organizationId: integer('organization_id').references(() => organization.id, {
		onDelete: 'cascade'
	}),
	role: text('role', { enum: ROLES }).notNull(),
	createdBy: integer('created_by').references(() => user.id, { onDelete: 'set null' }),
	expiresAt: instant('expires_at').notNull(),
	usedAt: instant('used_at')
});
