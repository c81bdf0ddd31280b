/**
 * Names shown to everyone (a nickname on the projector, a guest on a leaderboard) must not be able
 * to pass for someone else's. Pure string functions, no I/O.
 *
 * - Normalized: NFC (Vietnamese typed with combining marks becomes the usual precomposed
 *   letters), zero-width and blank-looking characters removed, spaces collapsed.
 * - Refused: control, format and bidirectional-control characters (U+202E flips the text),
 *   private-use and unassigned code points, stacks of combining marks, and letters from more
 *   than one script ("Lаn" with a Cyrillic а passes for "Lan"). Vietnamese is Latin: every
 *   diacritic stays allowed.
 */

/** Characters that draw nothing (or nothing visible) and are dropped. */
const INVISIBLE =
	/[\u00ad\u115f\u1160\u180e\u200b-\u200d\u2060\u3164\ufeff\uffa0\u2800]|\u034f|\u17b4|\u17b5/gu;
/** Anything left that controls layout or has no glyph: refused. */
const CONTROL = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}]/u;
/** Three or more combining marks in a row (after NFC, Vietnamese has none). */
const MARK_STACK = /\p{M}{3,}/u;

/** Scripts a letter may belong to; Han, Hiragana and Katakana write one language together. */
const SCRIPTS: Array<[string, RegExp]> = [
	['latin', /\p{Script=Latin}/u],
	['cyrillic', /\p{Script=Cyrillic}/u],
	['greek', /\p{Script=Greek}/u],
	['cjk', /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u],
	['hangul', /\p{Script=Hangul}/u],
	['thai', /\p{Script=Thai}/u],
	['lao', /\p{Script=Lao}/u],
	['khmer', /\p{Script=Khmer}/u],
	['arabic', /\p{Script=Arabic}/u],
	['hebrew', /\p{Script=Hebrew}/u],
	['armenian', /\p{Script=Armenian}/u],
	['georgian', /\p{Script=Georgian}/u],
	['devanagari', /\p{Script=Devanagari}/u]
];

function scriptOf(letter: string): string {
	for (const [name, re] of SCRIPTS) if (re.test(letter)) return name;
	return 'other';
}

/** NFC, invisible characters removed, whitespace collapsed and trimmed. */
export function normalizeDisplayName(raw: string): string {
	return raw.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/gu, ' ').trim();
}

/** Why a normalized name cannot be shown, or null when it can. */
export function displayNameProblem(name: string): 'control' | 'marks' | 'mixed_scripts' | null {
	if (CONTROL.test(name)) return 'control';
	if (MARK_STACK.test(name)) return 'marks';
	const scripts = new Set<string>();
	for (const char of name) if (/\p{L}/u.test(char)) scripts.add(scriptOf(char));
	return scripts.size > 1 ? 'mixed_scripts' : null;
}
