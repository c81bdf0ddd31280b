import type { ExportedFile } from '../transfer';

/** A file download response; the UTF-8 name survives in `filename*`, ASCII fallback in `filename`. */
export function attachment(file: ExportedFile): Response {
	const ascii =
		file.filename
			.normalize('NFD')
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
