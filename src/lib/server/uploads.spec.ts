import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshDb } from './db/queries/testing';
import { MAX_IMAGE_BYTES, ownsUpload, readUpload, saveImage, UPLOAD_NAME } from './uploads';

/** The smallest valid PNG (1×1). */
const PNG = Uint8Array.from(
	Buffer.from(
		'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
		'base64'
	)
);

async function setup() {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uploads-'));
	return { ...(await freshDb()), dir };
}

describe('image uploads', () => {
	it('store a real PNG under a random name owned by the organization', async () => {
		const { db, orgA, orgB, dir } = await setup();
		const saved = await saveImage(db, orgA, PNG, 0, dir);
		expect(saved.ok).toBe(true);
		if (!saved.ok) return;
		expect(saved.name).toMatch(UPLOAD_NAME);
		expect(fs.existsSync(path.join(dir, saved.name))).toBe(true);
		expect(await ownsUpload(db, orgA, saved.name)).toBe(true);
		expect(await ownsUpload(db, orgB, saved.name)).toBe(false);
		expect((await readUpload(db, saved.name, dir))?.contentType).toBe('image/png');
	});

	it.each([
		['an HTML page named .png', new TextEncoder().encode('<html><script>alert(1)</script></html>')],
		['an SVG', new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"></svg>')],
		['a PDF', new TextEncoder().encode('%PDF-1.4\n%âãÏÓ\n')],
		['nothing', new Uint8Array()]
	])('refuse %s by its content', async (_, bytes) => {
		const { db, orgA, dir } = await setup();
		expect(await saveImage(db, orgA, bytes, 0, dir)).toEqual({ ok: false, reason: 'type' });
		expect(fs.readdirSync(dir)).toEqual([]);
	});

	it('refuse images over 2 MB', async () => {
		const { db, orgA, dir } = await setup();
		const big = new Uint8Array(MAX_IMAGE_BYTES + 1);
		big.set(PNG);
		expect(await saveImage(db, orgA, big, 0, dir)).toMatchObject({ ok: false, reason: 'size' });
	});

	it('serve only registered names', async () => {
		const { db, dir } = await setup();
		expect(await readUpload(db, '../../etc/passwd', dir)).toBeUndefined();
		expect(await readUpload(db, `${'a'.repeat(32)}.png`, dir)).toBeUndefined();
	});
});
