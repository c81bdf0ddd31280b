/**
 * Shrink a photo in the browser before it is uploaded: a phone photo of a law book (4000×3000,
 * 4–12 MB) becomes a ~1600 px JPEG of a few hundred KB that the server's 2 MB limit accepts and
 * a projector shows sharply. Canvas only: no library.
 */

/** The longest side after shrinking, in CSS pixels of the image. */
export const IMAGE_MAX_SIDE = 1600;
/** Files at most this big and this wide are sent as they are. */
const KEEP_BYTES = 500 * 1024;
const JPEG_QUALITY = 0.85;

/** The size that fits `width`×`height` within `maxSide`, keeping the aspect ratio. */
export function fitWithin(
	width: number,
	height: number,
	maxSide = IMAGE_MAX_SIDE
): { width: number; height: number } {
	const longest = Math.max(width, height);
	if (longest <= maxSide) return { width, height };
	const scale = maxSide / longest;
	return {
		width: Math.max(1, Math.round(width * scale)),
		height: Math.max(1, Math.round(height * scale))
	};
}

/** "4,2 MB", "380 KB" (Vietnamese decimal comma). */
export function formatBytes(bytes: number, locale = 'vi-VN'): string {
	const mb = bytes / 1024 / 1024;
	if (mb >= 1) return `${mb.toLocaleString(locale, { maximumFractionDigits: 1 })} MB`;
	return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString(locale)} KB`;
}

/**
 * A smaller copy of `file` (JPEG; WebP for PNGs, which may be transparent), or null when the
 * file is already small, is not an image this browser can decode, or would not get smaller.
 */
export async function shrinkImage(file: File, maxSide = IMAGE_MAX_SIDE): Promise<File | null> {
	if (!file.type.startsWith('image/')) return null;
	let bitmap: ImageBitmap;
	try {
		// Phone photos are often stored sideways with an EXIF rotation: apply it.
		bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
	} catch {
		return null;
	}
	const size = fitWithin(bitmap.width, bitmap.height, maxSide);
	const resized = size.width !== bitmap.width || size.height !== bitmap.height;
	if (!resized && file.size <= KEEP_BYTES) {
		bitmap.close();
		return null;
	}
	const canvas = document.createElement('canvas');
	canvas.width = size.width;
	canvas.height = size.height;
	const context = canvas.getContext('2d');
	if (!context) return null;
	context.imageSmoothingQuality = 'high';
	context.drawImage(bitmap, 0, 0, size.width, size.height);
	bitmap.close();
	const type = file.type === 'image/png' ? 'image/webp' : 'image/jpeg';
	const blob = await new Promise<Blob | null>((resolve) =>
		canvas.toBlob(resolve, type, JPEG_QUALITY)
	);
	if (!blob || (!resized && blob.size >= file.size)) return null;
	const extension = blob.type === 'image/webp' ? 'webp' : blob.type === 'image/png' ? 'png' : 'jpg';
	const name = `${file.name.replace(/\.[^.]*$/, '') || 'anh'}.${extension}`;
	return new File([blob], name, { type: blob.type, lastModified: file.lastModified });
}
