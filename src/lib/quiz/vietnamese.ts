/**
 * Vietnamese-aware text keys for matching typed answers and for search.
 * Pure string functions: no locale data, no I/O.
 */

/** The five Vietnamese tone marks as combining characters (huyền, sắc, ngã, hỏi, nặng). */
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/gu;
/** Zero-width characters that phones and copy-paste sometimes smuggle into text. */
const INVISIBLES = /[\u200b-\u200d\u2060\ufeff\u00ad]/gu;
/** A run of vowels with their marks, after NFD and lowercasing: where a tone mark may sit. */
const VOWEL_RUN = /(?:[aeiouy][\u0300-\u036f]*)+/gu;

/** đ/Đ are letters of their own, not d + a mark: NFD leaves them alone, so map them explicitly. */
function foldDStroke(text: string): string {
	return text.replace(/đ/gu, 'd').replace(/Đ/gu, 'D');
}

/**
 * Diacritics removed, case kept: "Điều 105 Bộ luật" → "Dieu 105 Bo luat". The one folding
 * function: search, typed answers and the importers' header matching all go through it.
 */
export function foldDiacritics(text: string): string {
	return foldDStroke(text.normalize('NFD').replace(/\p{M}/gu, '')).normalize('NFC');
}

/**
 * Search key: lowercase, no diacritics (đ → d included), single spaces, trimmed.
 * `normalizeVietnamese('  Bộ luật   Lao ĐỘNG ')` → `'bo luat lao dong'`.
 */
export function normalizeVietnamese(text: string): string {
	return foldDiacritics(text.replace(INVISIBLES, '').toLowerCase()).replace(/\s+/gu, ' ').trim();
}

/**
 * Moves tone marks to the end of their vowel cluster, so the old and new tone placements
 * ("hoà"/"hòa", "thuỷ"/"thủy") give the same key. Expects lowercase text; only for comparison,
 * never for display.
 */
function canonicalTonePlacement(text: string): string {
	return text
		.normalize('NFD')
		.replace(VOWEL_RUN, (vowels) => {
			const tones = vowels.match(TONE_MARKS);
			if (!tones) return vowels;
			return vowels.replace(TONE_MARKS, '') + tones.sort().join('');
		})
		.normalize('NFC');
}

/**
 * Comparison key for typed answers: case-insensitive, all whitespace ignored, NFC, tone placement
 * canonical; with `ignoreDiacritics` also without diacritics (đ → d).
 */
export function answerKey(text: string, ignoreDiacritics: boolean): string {
	const compact = text.normalize('NFC').replace(INVISIBLES, '').toLowerCase().replace(/\s+/gu, '');
	return ignoreDiacritics ? normalizeVietnamese(compact) : canonicalTonePlacement(compact);
}

/**
 * Uniqueness key for nicknames: "Lan", " lan ", "LÂN" and "Lân" are the same player name
 * on a projector, so they collide.
 */
export function nicknameKey(nickname: string): string {
	return normalizeVietnamese(nickname);
}
