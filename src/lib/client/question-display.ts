/**
 * Which colour/shape (0–5, `--ans-N` and AnswerShape) an answer slot wears. Choice options use
 * their own index; true/false borrow the Kahoot pairing: "Đúng" blue diamond, "Sai" red triangle.
 * Slots follow the engine's distribution order: options by index, or [true, false].
 */
export function slotPalette(type: string, slot: number): number {
	if (type === 'truefalse') return slot === 0 ? 1 : 0;
	return slot % 6;
}

/** Upper-case letter shown beside an option (A, B, C…), for people who cannot tell colours apart. */
export function slotLetter(slot: number): string {
	return String.fromCharCode(65 + slot);
}

/** Where a question's image is served: upload names live under /uploads/. */
export function questionImageUrl(image: string): string {
	return image.startsWith('/') ? image : `/uploads/${image}`;
}
