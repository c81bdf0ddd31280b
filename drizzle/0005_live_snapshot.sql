CREATE TABLE `game_snapshot` (
	`game_id` integer PRIMARY KEY NOT NULL,
	`seq` integer NOT NULL,
	`state` text NOT NULL,
	`saved_at` integer NOT NULL,
	FOREIGN KEY (`game_id`) REFERENCES `game`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `game` DROP COLUMN `state`;--> statement-breakpoint
ALTER TABLE `game` DROP COLUMN `state_seq`;