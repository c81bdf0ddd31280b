CREATE TABLE `answer` (
	`game_id` integer NOT NULL,
	`organization_id` integer NOT NULL,
	`player_id` text NOT NULL,
	`question_index` integer NOT NULL,
	`answer` text NOT NULL,
	`received_at` integer NOT NULL,
	`response_ms` integer NOT NULL,
	`correct` integer NOT NULL,
	`fraction` real NOT NULL,
	`points` integer NOT NULL,
	PRIMARY KEY(`game_id`, `question_index`, `player_id`),
	FOREIGN KEY (`game_id`) REFERENCES `game`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organization_id`) REFERENCES `organization`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `game` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organization_id` integer NOT NULL,
	`quiz_id` integer,
	`title` text NOT NULL,
	`pin` text NOT NULL,
	`mode` text NOT NULL,
	`options` text NOT NULL,
	`questions` text NOT NULL,
	`main_count` integer NOT NULL,
	`seed` integer NOT NULL,
	`status` text DEFAULT 'lobby' NOT NULL,
	`locked` integer DEFAULT false NOT NULL,
	`player_count` integer DEFAULT 0 NOT NULL,
	`state` text,
	`state_seq` integer DEFAULT 0 NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`started_at` integer,
	`ended_at` integer,
	FOREIGN KEY (`organization_id`) REFERENCES `organization`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`quiz_id`) REFERENCES `quiz`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `game_org_idx` ON `game` (`organization_id`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `game_active_pin_unique` ON `game` (`pin`) WHERE status <> 'ended';--> statement-breakpoint
CREATE INDEX `game_status_idx` ON `game` (`status`);--> statement-breakpoint
CREATE TABLE `game_command` (
	`game_id` integer NOT NULL,
	`seq` integer NOT NULL,
	`command` text NOT NULL,
	`at` integer NOT NULL,
	PRIMARY KEY(`game_id`, `seq`),
	FOREIGN KEY (`game_id`) REFERENCES `game`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `game_question` (
	`game_id` integer NOT NULL,
	`question_index` integer NOT NULL,
	`kind` text NOT NULL,
	`number` integer NOT NULL,
	`skipped` integer NOT NULL,
	`eligible` integer NOT NULL,
	`answered` integer NOT NULL,
	`correct` integer NOT NULL,
	`average_ms` integer,
	`closed_at` integer NOT NULL,
	PRIMARY KEY(`game_id`, `question_index`),
	FOREIGN KEY (`game_id`) REFERENCES `game`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `player` (
	`game_id` integer NOT NULL,
	`organization_id` integer NOT NULL,
	`player_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`nickname` text NOT NULL,
	`team` text,
	`hidden` text DEFAULT '{}' NOT NULL,
	`joined_at` integer NOT NULL,
	PRIMARY KEY(`game_id`, `player_id`),
	FOREIGN KEY (`game_id`) REFERENCES `game`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organization_id`) REFERENCES `organization`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `player_token_unique` ON `player` (`token_hash`);