import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const ROLES = ['admin', 'organizer', 'host'] as const;
export type Role = (typeof ROLES)[number];

/** A union unit (LĐLĐ tỉnh, CĐCS công ty…): owns every bank, quiz, event and result. */
export const organization = sqliteTable('organization', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	slug: text('slug').notNull().unique(),
	name: text('name').notNull(),
	/** IANA time zone every time is shown in (pages, exports) and contest times are typed in. */
	timeZone: text('time_zone').notNull().default('Asia/Ho_Chi_Minh'),
	createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
});

/** Organization staff (admins, organizers, hosts). Participants of public practice live elsewhere. */
export const user = sqliteTable(
	'user',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		organizationId: integer('organization_id')
			.notNull()
			.references(() => organization.id, { onDelete: 'cascade' }),
		username: text('username').notNull(),
		displayName: text('display_name').notNull(),
		passwordHash: text('password_hash').notNull(),
		role: text('role', { enum: ROLES }).notNull(),
		/** Platform operator: may create organizations. The set-up link creates one. */
		isPlatformAdmin: integer('is_platform_admin', { mode: 'boolean' }).notNull().default(false),
		disabledAt: integer('disabled_at', { mode: 'timestamp_ms' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		uniqueIndex('user_username_unique').on(t.username),
		index('user_org_idx').on(t.organizationId)
	]
);

/** Lucia-style session: id is the SHA-256 (hex) of the random token kept in the cookie. */
export const session = sqliteTable(
	'session',
	{
		id: text('id').primaryKey(),
		userId: integer('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('session_user_idx').on(t.userId)]
);

/** One-time links: the first-admin set-up link and invitations. Only the token's SHA-256 is stored. */
export const inviteToken = sqliteTable('invite_token', {
	id: text('id').primaryKey(),
	kind: text('kind', { enum: ['setup', 'invite'] }).notNull(),
	organizationId: integer('organization_id').references(() => organization.id, {
		onDelete: 'cascade'
	}),
	role: text('role', { enum: ROLES }).notNull(),
	createdBy: integer('created_by').references(() => user.id, { onDelete: 'set null' }),
	expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
	usedAt: integer('used_at', { mode: 'timestamp_ms' })
});

export type Organization = typeof organization.$inferSelect;
export type User = typeof user.$inferSelect;
export type Session = typeof session.$inferSelect;
export type InviteToken = typeof inviteToken.$inferSelect;
