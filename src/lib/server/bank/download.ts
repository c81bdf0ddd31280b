import { foldDiacritics } from '../../quiz/vietnamese';
import type { ExportedFile } from '../transfer';

/** A file download response; the UTF-8 name survives in `filename*`, ASCII fallback (diacritics folded, đ → d) in `filename`. */
export function attachment(file: ExportedFile): Response {
	const ascii =
		foldDiacritics(file.filename)
			.replace(/[^\x20-\x7e]/g, '')
			.replace(/["\\]/g, '') || 'download';
	return new Response(new Uint8Array(file.bytes), {
		headers: {
			'Content-Type': file.contentType,
			'Content-Length': String(file.bytes.byteLength),
			'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
			'X-Content-Type-Options': 'nosniff'
		}
	});
}
