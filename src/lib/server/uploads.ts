/**
 * Question images: checked by content (not by name or declared type), stored under UPLOAD_DIR
 * with a random name, registered to the organization that uploaded them.
 */
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { and, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from './db';
import { upload } from './db/schema';
import { MAX_IMAGE_BYTES } from '../upload-limits';

export { MAX_IMAGE_BYTES };
const ALLOWED: Record<string, string> = {
	'image/png': 'png',
	'image/jpeg': 'jpg',
	'image/webp': 'webp'
};
/** Names we hand out: 32 hex characters and an extension. Nothing else is ever served. */
export const UPLOAD_NAME = /^[a-f0-9]{32}\.(png|jpg|webp)$/;

export type SaveImageResult =
	| { ok: true; name: string }
	| { ok: false; reason: 'size'; size: number }
	| { ok: false; reason: 'type' };

/** Check and store an uploaded image for `organizationId`. */
export async function saveImage(
	db: Db,
	organizationId: number,
	bytes: Uint8Array,
	now: number,
	/** UPLOAD_DIR (`app.config.uploadDir`). */
	dir: string
): Promise<SaveImageResult> {
	if (bytes.byteLength > MAX_IMAGE_BYTES)
		return { ok: false, reason: 'size', size: bytes.byteLength };
	if (bytes.byteLength === 0) return { ok: false, reason: 'type' };
	const detected = await fileTypeFromBuffer(bytes);
	const ext = detected ? ALLOWED[detected.mime] : undefined;
	if (!detected || !ext) return { ok: false, reason: 'type' };
	const name = `${crypto.randomBytes(16).toString('hex')}.${ext}`;
	fs.mkdirSync(dir, { recursive: true });
	fs.writeFileSync(path.join(dir, name), bytes, { flag: 'wx' });
	await db.insert(upload).values({
		name,
		organizationId,
		contentType: detected.mime,
		size: bytes.byteLength,
		createdAt: new Date(now)
	});
	return { ok: true, name };
}

/** Whether `name` is an upload of this organization (so a question may show it). */
export async function ownsUpload(
	db: DbOrTx,
	organizationId: number,
	name: string
): Promise<boolean> {
	if (!UPLOAD_NAME.test(name)) return false;
	const rows = await db
		.select({ name: upload.name })
		.from(upload)
		.where(and(eq(upload.name, name), eq(upload.organizationId, organizationId)));
	return rows.length > 0;
}

/** The stored file for `/uploads/<name>`, or undefined. */
export async function readUpload(
	db: Db,
	name: string,
	/** UPLOAD_DIR (`app.config.uploadDir`). */
	dir: string
): Promise<{ bytes: Buffer; contentType: string } | undefined> {
	if (!UPLOAD_NAME.test(name)) return undefined;
	const [row] = await db.select().from(upload).where(eq(upload.name, name));
	if (!row) return undefined;
	try {
		return { bytes: fs.readFileSync(path.join(dir, name)), contentType: row.contentType };
	} catch {
		return undefined;
	}
}
