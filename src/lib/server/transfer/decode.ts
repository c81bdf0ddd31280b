/**
 * Bytes → text for CSV/GIFT/Aiken/XML/JSON. Excel on Windows saves "CSV" in the ANSI code page
 * (Windows-1258 on Vietnamese systems) and "Unicode text" as UTF-16LE, so UTF-8 cannot be assumed.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';

export interface DecodedText {
	text: string;
	/** Name of the encoding that was read, e.g. "UTF-8", "UTF-16LE", "windows-1258". */
	encoding: string;
	/** True when a legacy 8-bit code page was converted (worth a warning: diacritics may be off). */
	isLegacy: boolean;
}

const VIETNAMESE_LETTERS = new Set(
	'aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ'
);
const TYPOGRAPHY = new Set('–—‘’“”…•·€«»°§©®™×');

/**
 * How Vietnamese the text looks, from -∞ to 1: each non-ASCII character scores +1 when it is a
 * Vietnamese letter or common punctuation and -1 otherwise; replacement or control characters -5.
 */
function vietnameseScore(text: string): number {
	let nonAscii = 0;
	let score = 0;
	for (const char of text) {
		const code = char.codePointAt(0) ?? 0;
		if (code < 0x80) {
			if (code < 0x20 && char !== '\n' && char !== '\r' && char !== '\t') score -= 5;
			continue;
		}
		nonAscii++;
		if (code === 0xfffd || (code >= 0x80 && code < 0xa0)) score -= 5;
		else if (VIETNAMESE_LETTERS.has(char.toLowerCase()) || TYPOGRAPHY.has(char)) score += 1;
		else score -= 1;
	}
	return nonAscii === 0 ? 1 : score / nonAscii;
}

function utf16Guess(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
	const sample = Math.min(bytes.length - (bytes.length % 2), 4096);
	if (sample < 4) return undefined;
	let evenZeros = 0;
	let oddZeros = 0;
	for (let i = 0; i < sample; i += 2) {
		if (bytes[i] === 0) evenZeros++;
		if (bytes[i + 1] === 0) oddZeros++;
	}
	const pairs = sample / 2;
	if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return 'utf-16le';
	if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return 'utf-16be';
	return undefined;
}

/** Decode bytes, or return undefined when no encoding gives readable text. */
export function decodeText(bytes: Uint8Array): DecodedText | undefined {
	const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
		return {
			text: buffer.subarray(3).toString('utf8').normalize('NFC'),
			encoding: 'UTF-8',
			isLegacy: false
		};
	if (bytes[0] === 0xff && bytes[1] === 0xfe)
		return {
			text: iconv.decode(buffer.subarray(2), 'utf-16le').normalize('NFC'),
			encoding: 'UTF-16LE',
			isLegacy: false
		};
	if (bytes[0] === 0xfe && bytes[1] === 0xff)
		return {
			text: iconv.decode(buffer.subarray(2), 'utf-16be').normalize('NFC'),
			encoding: 'UTF-16BE',
			isLegacy: false
		};

	const wide = utf16Guess(bytes);
	if (wide) {
		const text = iconv.decode(buffer, wide).normalize('NFC');
		return vietnameseScore(text) > 0.5
			? { text, encoding: wide.toUpperCase(), isLegacy: false }
			: undefined;
	}

	try {
		const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
		if (!text.includes('\u0000'))
			return { text: text.normalize('NFC'), encoding: 'UTF-8', isLegacy: false };
	} catch {
		// not UTF-8: fall through to the legacy code pages
	}

	// A Vietnamese app sees Windows-1258 far more often than any Western code page, so it goes first
	// and wins ties.
	const candidates = ['windows-1258'];
	for (const match of chardet.analyse(bytes)) {
		const name = match.name.toLowerCase();
		if (!name.startsWith('utf') && iconv.encodingExists(name) && !candidates.includes(name))
			candidates.push(name);
	}
	let best: DecodedText | undefined;
	let bestScore = -Infinity;
	for (const encoding of candidates) {
		const text = iconv.decode(buffer, encoding).normalize('NFC');
		const score = vietnameseScore(text);
		if (score > bestScore) {
			best = { text, encoding, isLegacy: true };
			bestScore = score;
		}
	}
	return best && bestScore >= 0.6 && !best.text.includes('\u0000') ? best : undefined;
}
