/**
 * HTML from Moodle's editors → plain text. Questions are shown as text in the live game, so
 * markup is dropped rather than sanitised. Moodle's editors often write Vietnamese letters as
 * named or numeric entities (&agrave;, &#7901;), which are decoded here.
 */

const NAMED: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: ' ',
	ndash: '–',
	mdash: '—',
	hellip: '…',
	lsquo: '‘',
	rsquo: '’',
	ldquo: '“',
	rdquo: '”',
	laquo: '«',
	raquo: '»',
	deg: '°',
	sect: '§',
	middot: '·',
	bull: '•',
	times: '×',
	divide: '÷',
	le: '≤',
	ge: '≥',
	ne: '≠',
	plusmn: '±',
	percnt: '%'
};

// Latin-1 letters with diacritics (Vietnamese uses many of them), generated rather than listed.
const ACCENTS: Record<string, string> = {
	grave: '\u0300',
	acute: '\u0301',
	circ: '\u0302',
	tilde: '\u0303',
	uml: '\u0308',
	ring: '\u030a',
	cedil: '\u0327'
};

function decodeNamed(name: string): string | undefined {
	if (name in NAMED) return NAMED[name];
	const accent = /^([A-Za-z])(grave|acute|circ|tilde|uml|ring|cedil)$/.exec(name);
	if (accent) return (accent[1] + ACCENTS[accent[2]]).normalize('NFC');
	return undefined;
}

export function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, body: string) => {
		if (body[0] === '#') {
			const code =
				body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : Number(body.slice(1));
			return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
				? String.fromCodePoint(code)
				: whole;
		}
		return decodeNamed(body) ?? whole;
	});
}

/** Drop <script>/<style> elements with their content, in one linear pass. */
function dropScripts(html: string): string {
	const opening = /<(script|style)\b/gi;
	let out = '';
	let from = 0;
	for (;;) {
		opening.lastIndex = from;
		const found = opening.exec(html);
		if (!found) return out + html.slice(from);
		const start = found.index;
		out += html.slice(from, start);
		const closing = found[1].toLowerCase() === 'script' ? /<\/script/gi : /<\/style/gi;
		closing.lastIndex = start;
		const close = closing.exec(html)?.index ?? -1;
		if (close < 0) return out;
		const end = html.indexOf('>', close);
		from = end < 0 ? html.length : end + 1;
	}
}

/** Drop `<!-- … -->` comments (Word's `<!--[if gte mso 9]>…<![endif]-->` included), linearly. */
function dropComments(html: string): string {
	let out = '';
	let from = 0;
	for (;;) {
		const start = html.indexOf('<!--', from);
		if (start < 0) return out + html.slice(from);
		out += html.slice(from, start);
		const end = html.indexOf('-->', start + 4);
		if (end < 0) return out; // an unclosed comment hides the rest, as in a browser
		from = end + 3;
	}
}

/** A DOCTYPE pasted with a web page is not text. */
const DOCTYPE = /<!doctype[^>]*>/gi;

export function htmlToText(html: string): string {
	const text = dropScripts(dropComments(html))
		.replace(DOCTYPE, '')
		.replace(/<br\s*\/?>/gi, '\n')
		.replace(/<\/(p|div|li|h[1-6]|tr|blockquote)\s*>/gi, '\n')
		.replace(/<[^>]*>/g, '');
	return decodeEntities(text)
		.replace(/[ \t\u00a0]+/g, ' ')
		.replace(/ *\n */g, '\n')
		.replace(/\n{3,}/g, '\n\n')
		.trim()
		.normalize('NFC');
}

/**
 * GIFT's `[markdown]` text → plain text, the same way `htmlToText` treats HTML: emphasis, code,
 * headings, quotes and list markers are dropped, links keep their text.
 */
export function markdownToText(markdown: string): string {
	return decodeEntities(
		markdown
			.replace(/!?\[([^\]\n]*)\]\([^)\n]*\)/g, '$1')
			.replace(/\*\*([^\s*][^\n*]*)\*\*/g, '$1')
			.replace(/__([^\s_][^\n_]*)__/g, '$1')
			.replace(/\*([^\s*][^\n*]*)\*/g, '$1')
			.replace(/(^|\W)_([^\s_][^\n_]*)_(?=\W|$)/g, '$1$2')
			.replace(/`([^`\n]*)`/g, '$1')
			.replace(/^[ \t]{0,3}(#{1,6}|>|[-*+]|\d+\.)[ \t]+/gm, '')
	)
		.replace(/[ \t\u00a0]+/g, ' ')
		.trim()
		.normalize('NFC');
}
