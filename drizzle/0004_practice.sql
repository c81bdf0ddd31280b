CREATE TABLE `contest` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organization_id` integer NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`bank_ids` text NOT NULL,
	`mix` text NOT NULL,
	`time_limit_sec` integer NOT NULL,
	`attempts_per_round` integer NOT NULL,
	`prediction_text` text,
	`prediction_kind` text,
	`status` text DEFAULT 'draft' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organization`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `contest_org_idx` ON `contest` (`organization_id`);--> statement-breakpoint
CREATE TABLE `contest_answer` (
	`attempt_id` integer NOT NULL,
	`question_id` integer NOT NULL,
	`answer` text NOT NULL,
	`saved_at` integer NOT NULL,
	PRIMARY KEY(`attempt_id`, `question_id`),
	FOREIGN KEY (`attempt_id`) REFERENCES `contest_attempt`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `contest_attempt` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contest_id` integer NOT NULL,
	`round_id` integer NOT NULL,
	`entry_id` integer NOT NULL,
	`organization_id` integer NOT NULL,
	`number` integer NOT NULL,
	`question_ids` text NOT NULL,
	`seed` integer NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`started_at` integer NOT NULL,
	`deadline_at` integer NOT NULL,
	`submitted_at` integer,
	`score` integer,
	`duration_ms` integer,
	`prediction` integer,
	FOREIGN KEY (`contest_id`) REFERENCES `contest`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`round_id`) REFERENCES `contest_round`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`entry_id`) REFERENCES `contest_entry`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contest_attempt_number_unique` ON `contest_attempt` (`entry_id`,`round_id`,`number`);--> statement-breakpoint
CREATE INDEX `contest_attempt_open_idx` ON `contest_attempt` (`round_id`,`deadline_at`) WHERE status = 'open';--> statement-breakpoint
CREATE TABLE `contest_best` (
	`round_id` integer NOT NULL,
	`entry_id` integer NOT NULL,
	`contest_id` integer NOT NULL,
	`attempt_id` integer NOT NULL,
	`score` integer NOT NULL,
	`question_count` integer NOT NULL,
	`prediction` integer,
	`duration_ms` integer NOT NULL,
	`submitted_at` integer NOT NULL,
	PRIMARY KEY(`round_id`, `entry_id`),
	FOREIGN KEY (`round_id`) REFERENCES `contest_round`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`entry_id`) REFERENCES `contest_entry`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `contest_best_rank_idx` ON `contest_best` (`round_id`,`score`,`duration_ms`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `contest_best_entry_idx` ON `contest_best` (`entry_id`);--> statement-breakpoint
CREATE TABLE `contest_entry` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contest_id` integer NOT NULL,
	`organization_id` integer NOT NULL,
	`participant_id` integer NOT NULL,
	`full_name` text NOT NULL,
	`phone` text NOT NULL,
	`unit_id` integer NOT NULL,
	`first_submitted_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`contest_id`) REFERENCES `contest`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organization_id`) REFERENCES `organization`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`participant_id`) REFERENCES `participant`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`unit_id`) REFERENCES `unit`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contest_entry_phone_unique` ON `contest_entry` (`contest_id`,`phone`);--> statement-breakpoint
CREATE UNIQUE INDEX `contest_entry_participant_unique` ON `contest_entry` (`contest_id`,`participant_id`);--> statement-breakpoint
CREATE INDEX `contest_entry_participant_idx` ON `contest_entry` (`participant_id`);--> statement-breakpoint
CREATE TABLE `contest_round` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contest_id` integer NOT NULL,
	`organization_id` integer NOT NULL,
	`title` text NOT NULL,
	`opens_at` integer NOT NULL,
	`closes_at` integer NOT NULL,
	`entrants` integer DEFAULT 0 NOT NULL,
	`perfect` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`contest_id`) REFERENCES `contest`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organization_id`) REFERENCES `organization`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `contest_round_contest_idx` ON `contest_round` (`contest_id`,`opens_at`);--> statement-breakpoint
CREATE TABLE `contest_unit_stat` (
	`contest_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`registered` integer DEFAULT 0 NOT NULL,
	`entrants` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`contest_id`, `unit_id`),
	FOREIGN KEY (`contest_id`) REFERENCES `contest`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`unit_id`) REFERENCES `unit`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `participant` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`nickname` text NOT NULL,
	`full_name` text,
	`phone` text,
	`email` text,
	`password_hash` text,
	`unit_id` integer,
	`xp` integer DEFAULT 0 NOT NULL,
	`answered` integer DEFAULT 0 NOT NULL,
	`correct` integer DEFAULT 0 NOT NULL,
	`streak_current` integer DEFAULT 0 NOT NULL,
	`streak_best` integer DEFAULT 0 NOT NULL,
	`streak_last_day` integer,
	`daily_bonus_day` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `unit`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `participant_phone_unique` ON `participant` (`phone`);--> statement-breakpoint
CREATE UNIQUE INDEX `participant_email_unique` ON `participant` (`email`);--> statement-breakpoint
CREATE INDEX `participant_xp_idx` ON `participant` (`xp`);--> statement-breakpoint
CREATE INDEX `participant_unit_idx` ON `participant` (`unit_id`);--> statement-breakpoint
CREATE TABLE `participant_badge` (
	`participant_id` integer NOT NULL,
	`code` text NOT NULL,
	`earned_at` integer NOT NULL,
	PRIMARY KEY(`participant_id`, `code`),
	FOREIGN KEY (`participant_id`) REFERENCES `participant`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `participant_session` (
	`id` text PRIMARY KEY NOT NULL,
	`participant_id` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`participant_id`) REFERENCES `participant`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `participant_session_participant_idx` ON `participant_session` (`participant_id`);--> statement-breakpoint
CREATE TABLE `practice_answer` (
	`session_id` integer NOT NULL,
	`question_id` integer NOT NULL,
	`answer` text NOT NULL,
	`correct` integer NOT NULL,
	`xp` integer NOT NULL,
	`answered_at` integer NOT NULL,
	PRIMARY KEY(`session_id`, `question_id`),
	FOREIGN KEY (`session_id`) REFERENCES `practice_session`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `practice_known` (
	`participant_id` integer NOT NULL,
	`question_id` integer NOT NULL,
	PRIMARY KEY(`participant_id`, `question_id`),
	FOREIGN KEY (`participant_id`) REFERENCES `participant`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `practice_law` (
	`participant_id` integer NOT NULL,
	`law` text NOT NULL,
	`correct` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`participant_id`, `law`),
	FOREIGN KEY (`participant_id`) REFERENCES `participant`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `practice_review` (
	`participant_id` integer NOT NULL,
	`question_id` integer NOT NULL,
	`box` integer NOT NULL,
	`due_at` integer NOT NULL,
	PRIMARY KEY(`participant_id`, `question_id`),
	FOREIGN KEY (`participant_id`) REFERENCES `participant`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `practice_review_due_idx` ON `practice_review` (`participant_id`,`due_at`);--> statement-breakpoint
CREATE TABLE `practice_session` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`participant_id` integer NOT NULL,
	`kind` text NOT NULL,
	`bank_id` integer,
	`title` text NOT NULL,
	`question_ids` text NOT NULL,
	`seed` integer NOT NULL,
	`answered` integer DEFAULT 0 NOT NULL,
	`correct` integer DEFAULT 0 NOT NULL,
	`xp` integer DEFAULT 0 NOT NULL,
	`started_at` integer NOT NULL,
	`finished_at` integer,
	FOREIGN KEY (`participant_id`) REFERENCES `participant`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `practice_session_participant_idx` ON `practice_session` (`participant_id`,`started_at`);--> statement-breakpoint
CREATE TABLE `unit` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organization_id` integer NOT NULL,
	`name` text NOT NULL,
	`member_count` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organization`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `unit_org_name_unique` ON `unit` (`organization_id`,`name`);--> statement-breakpoint
CREATE TABLE `unit_xp` (
	`unit_id` integer NOT NULL,
	`period` text NOT NULL,
	`xp` integer DEFAULT 0 NOT NULL,
	`players` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`unit_id`, `period`),
	FOREIGN KEY (`unit_id`) REFERENCES `unit`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `unit_xp_rank_idx` ON `unit_xp` (`period`,`xp`);--> statement-breakpoint
CREATE TABLE `xp_week` (
	`week` text NOT NULL,
	`participant_id` integer NOT NULL,
	`xp` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`week`, `participant_id`),
	FOREIGN KEY (`participant_id`) REFERENCES `participant`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `xp_week_rank_idx` ON `xp_week` (`week`,`xp`);