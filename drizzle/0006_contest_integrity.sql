ALTER TABLE `contest` ADD `min_ms_per_question` integer DEFAULT 1500 NOT NULL;--> statement-breakpoint
ALTER TABLE `contest` ADD `entries_per_address` integer DEFAULT 100 NOT NULL;--> statement-breakpoint
ALTER TABLE `contest` ADD `practice_while_open` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `contest_attempt` ADD `public_id` text DEFAULT '' NOT NULL;--> statement-breakpoint
UPDATE `contest_attempt` SET `public_id` = lower(hex(randomblob(16))) WHERE `public_id` = '';--> statement-breakpoint
ALTER TABLE `contest_attempt` ADD `flagged` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `contest_attempt_public_id_unique` ON `contest_attempt` (`public_id`);--> statement-breakpoint
ALTER TABLE `contest_entry` ADD `address_key` text;--> statement-breakpoint
CREATE INDEX `contest_entry_address_idx` ON `contest_entry` (`contest_id`,`address_key`);