/**
 * Deterministic pseudo-randomness from explicit seeds (the engine never calls Math.random):
 * the same seed gives the same shuffle on the server, on every phone and in a replay.
 */

/** A 32-bit FNV-1a hash of a string (stable seeds from ids and salts). */
export function hashString(text: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193);
	}
	return hash >>> 0;
}

/** Derives an independent seed from a seed and a salt (e.g. a game seed and a question index). */
export function deriveSeed(seed: number, salt: number): number {
	let h = (Math.trunc(seed) ^ Math.imul(Math.trunc(salt) + 0x9e3779b9, 0x85ebca6b)) >>> 0;
	h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
	h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
	return (h ^ (h >>> 16)) >>> 0;
}

/** mulberry32: a small, fast generator of floats in [0, 1). */
export function createRandom(seed: number): () => number {
	let a = Math.trunc(seed) >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * A permutation of 0..n-1 (Fisher–Yates). For n ≥ 2 it is never the identity: shown to a
 * phone, an unshuffled ordering question would give its answer away.
 */
export function shuffledIndices(n: number, seed: number): number[] {
	const order = Array.from({ length: n }, (_, i) => i);
	const random = createRandom(seed);
	for (let i = n - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[order[i], order[j]] = [order[j], order[i]];
	}
	if (n >= 2 && order.every((value, i) => value === i)) order.push(order.shift() as number);
	return order;
}
