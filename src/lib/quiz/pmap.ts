/**
 * A persistent (immutable) string-keyed map made of plain JSON: a two-level hash trie of 64 × 64
 * slots whose leaves are small arrays of [key, value] pairs.
 *
 * Why: the engine never mutates a state it was given, yet a game may hold 10,000 players who
 * answer within seconds. Copying a 10,000-entry record per answer would be O(N); `mapSet` copies
 * at most two 64-slot nodes and one leaf (≈ N / 4096 entries), and shares everything else with
 * the previous map. Leaves are arrays, not objects, so keys like "__proto__" are safe, and the
 * whole map survives JSON.stringify/parse unchanged. Iteration order depends only on the keys
 * and insertion order, so it is the same on every replay.
 */

type Entry<V> = readonly [key: string, value: V];
type Node<T> = { readonly [slot: string]: T };

export interface PMap<V> {
	readonly size: number;
	readonly root: Node<Node<readonly Entry<V>[]>>;
}

const BITS = 6;
const MASK = (1 << BITS) - 1;

function hash(key: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < key.length; i++) {
		h ^= key.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

function slots(key: string): [string, string] {
	const h = hash(key);
	return [String(h & MASK), String((h >>> BITS) & MASK)];
}

export function emptyMap<V>(): PMap<V> {
	return { size: 0, root: {} };
}

export function mapGet<V>(map: PMap<V>, key: string): V | undefined {
	const [a, b] = slots(key);
	const leaf = map.root[a]?.[b];
	if (!leaf) return undefined;
	for (const [k, v] of leaf) if (k === key) return v;
	return undefined;
}

export function mapHas<V>(map: PMap<V>, key: string): boolean {
	const [a, b] = slots(key);
	return map.root[a]?.[b]?.some(([k]) => k === key) ?? false;
}

/** A new map with `key` set to `value`; `map` is left untouched. */
export function mapSet<V>(map: PMap<V>, key: string, value: V): PMap<V> {
	const [a, b] = slots(key);
	const branch = map.root[a] ?? {};
	const leaf = branch[b] ?? [];
	const at = leaf.findIndex(([k]) => k === key);
	const nextLeaf: Entry<V>[] = [...leaf];
	if (at >= 0) nextLeaf[at] = [key, value];
	else nextLeaf.push([key, value]);
	return {
		size: at >= 0 ? map.size : map.size + 1,
		root: { ...map.root, [a]: { ...branch, [b]: nextLeaf } }
	};
}

/** All values, in the map's deterministic order. O(N). */
export function mapValues<V>(map: PMap<V>): V[] {
	const values: V[] = [];
	for (const branch of Object.values(map.root))
		for (const leaf of Object.values(branch)) for (const [, value] of leaf) values.push(value);
	return values;
}

/** Builds a map in one pass (O(N)); later entries win over earlier ones with the same key. */
export function mapFromEntries<V>(entries: Iterable<readonly [string, V]>): PMap<V> {
	const root: Record<string, Record<string, Entry<V>[]>> = {};
	let size = 0;
	for (const [key, value] of entries) {
		const [a, b] = slots(key);
		const leaf = ((root[a] ??= {})[b] ??= []);
		const at = leaf.findIndex(([k]) => k === key);
		if (at >= 0) leaf[at] = [key, value];
		else {
			leaf.push([key, value]);
			size++;
		}
	}
	return { size, root };
}
