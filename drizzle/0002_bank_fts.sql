-- Accent-insensitive full-text search over questions. `question.search_text` already has its
-- diacritics removed (normalizeVietnamese); unicode61 remove_diacritics 2 also folds queries.
CREATE VIRTUAL TABLE `question_fts` USING fts5(
	search_text,
	content='question',
	content_rowid='id',
	tokenize='unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER `question_fts_ai` AFTER INSERT ON `question` BEGIN
	INSERT INTO `question_fts`(rowid, search_text) VALUES (new.id, new.search_text);
END;
--> statement-breakpoint
CREATE TRIGGER `question_fts_ad` AFTER DELETE ON `question` BEGIN
	INSERT INTO `question_fts`(`question_fts`, rowid, search_text) VALUES ('delete', old.id, old.search_text);
END;
--> statement-breakpoint
CREATE TRIGGER `question_fts_au` AFTER UPDATE OF `search_text` ON `question` BEGIN
	INSERT INTO `question_fts`(`question_fts`, rowid, search_text) VALUES ('delete', old.id, old.search_text);
	INSERT INTO `question_fts`(rowid, search_text) VALUES (new.id, new.search_text);
END;
