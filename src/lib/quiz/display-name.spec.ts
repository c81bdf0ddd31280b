import { describe, expect, it } from 'vitest';
import { cleanNickname } from './players';

describe('finding 16: nicknames cannot impersonate another player on the projector', () => {
	it.each([
		['Lan\u202Enaj', 'a right-to-left override'],
		['\u2066Lan\u2069', 'bidi isolates'],
		['Lan\u200E', 'a left-to-right mark'],
		['L\u0430n', 'a Cyrillic а among Latin letters'],
		['Nguyễn Văn Αn', 'a Greek capital alpha in a Vietnamese name'],
		['Lan\u0301\u0301\u0301\u0301', 'a stack of combining marks'],
		['\uE000Lan', 'a private-use character'],
		['\u3164', 'a Hangul filler that draws nothing']
	])('refuses %j (%s)', (nickname) => {
		expect(cleanNickname(nickname)).toBeNull();
	});

	it.each([
		['Nguyễn Thị Hoà', 'Nguyễn Thị Hoà'],
		['Trần Đức Thắng', 'Trần Đức Thắng'],
		// NFD input (some keyboards) becomes the usual precomposed letters.
		['Nguye\u0302\u0303n', 'Nguyễn'],
		// Zero-width characters are dropped, not kept as a different-looking twin.
		['La\u200Bn', 'Lan'],
		['Đội 7 🏆', 'Đội 7 🏆'],
		['王小明', '王小明'],
		['さくら 桜', 'さくら 桜']
	])('keeps %j as %j', (nickname, shown) => {
		expect(cleanNickname(nickname)).toBe(shown);
	});
});
