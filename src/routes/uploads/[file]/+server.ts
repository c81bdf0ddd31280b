import { error } from '@sveltejs/kit';
import { readUpload } from '$lib/server/uploads';
import type { RequestHandler } from './$types';

/**
 * Question images. Public on purpose: anonymous players' phones and the host screen show them.
 * Names are 128-bit random, only registered uploads are served, always with their checked type.
 */
export const GET: RequestHandler = async ({ locals, params }) => {
	const file = await readUpload(locals.app.db, params.file, locals.app.config.uploadDir);
	if (!file) error(404, 'Not found');
	return new Response(new Uint8Array(file.bytes), {
		headers: {
			'Content-Type': file.contentType,
			'Content-Length': String(file.bytes.byteLength),
			'X-Content-Type-Options': 'nosniff',
			'Content-Security-Policy': "default-src 'none'; sandbox",
			'Cache-Control': 'public, max-age=31536000, immutable'
		}
	});
};
