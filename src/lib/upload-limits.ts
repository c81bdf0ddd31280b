/** Largest question image the server stores; the editor checks it before uploading. */
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;
