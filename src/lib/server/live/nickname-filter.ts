/**
 * The nickname filter a host can switch on: a small list of Vietnamese and English insults.
 *
 * Nicknames are compared without diacritics, case, spaces or punctuation ("Đ.ị.t", "D I T",
 * "dit" all match), which is how people dodge filters on a phone keyboard. Vietnamese words whose
 * bare spelling is also an innocent word (lồn/lớn, cặc/các, buồi/buổi, đéo/đèo) are matched
 * with their diacritics instead, so "Lớn" or "Các bạn" pass.
 */
import { normalizeVietnamese } from '../../quiz/vietnamese';

/** Matched anywhere in the letters-only, diacritic-free nickname. */
const BARE = [
	'ditme',
	'ditmen',
	'ditbo',
	'dumami',
	'dumay',
	'dume',
	'dmm',
	'dcm',
	'dcmm',
	'dkm',
	'vcl',
	'vkl',
	'vcc',
	'clgt',
	'occho',
	'thangcho',
	'concho',
	'fuck',
	'fuk',
	'shit',
	'bitch',
	'cunt',
	'dick',
	'pussy',
	'asshole',
	'whore',
	'slut',
	'nigger',
	'nigga',
	'bastard'
];

/** Matched as whole words, diacritics kept (lowercase, NFC). */
const WITH_MARKS = ['lồn', 'cặc', 'buồi', 'đéo', 'địt', 'đụ', 'đĩ', 'cứt', 'ỉa', 'dái'];

/** Matched as whole words without diacritics (short, so only whole words). */
const BARE_WORDS = ['dit', 'dm', 'vl', 'cc', 'cl', 'loz', 'ass', 'sex'];

/** True when the host's filter should refuse this nickname. */
export function isNicknameOffensive(nickname: string): boolean {
	const bare = normalizeVietnamese(nickname);
	const letters = bare.replace(/[^a-z0-9]/g, '');
	if (BARE.some((word) => letters.includes(word))) return true;
	const bareWords = bare.split(/[^a-z0-9]+/).filter(Boolean);
	// "Đ.M" or "D M": the whole nickname spells a short insult once punctuation is gone.
	if (BARE_WORDS.includes(letters) || bareWords.some((word) => BARE_WORDS.includes(word)))
		return true;
	const marked = nickname
		.normalize('NFC')
		.toLowerCase()
		.split(/[^\p{L}\p{N}]+/u);
	return marked.some((word) => WITH_MARKS.includes(word));
}
