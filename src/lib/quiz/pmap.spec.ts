import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { emptyMap, mapFromEntries, mapGet, mapHas, mapSet, mapValues, type PMap } from './pmap';

describe('the persistent player map', () => {
	it('behaves like a Map for any sequence of writes', () => {
		fc.assert(
			fc.property(fc.array(fc.tuple(fc.string({ maxLength: 6 }), fc.integer())), (writes) => {
				let map: PMap<number> = emptyMap();
				const model = new Map<string, number>();
				for (const [key, value] of writes) {
					map = mapSet(map, key, value);
					model.set(key, value);
				}
				expect(map.size).toBe(model.size);
				for (const [key, value] of model) expect(mapGet(map, key)).toBe(value);
				expect(mapValues(map).sort()).toEqual([...model.values()].sort());
				expect(mapFromEntries(writes)).toEqual(map);
			})
		);
	});

	it('leaves the previous version untouched', () => {
		const before = mapSet(emptyMap<string>(), 'a', 'first');
		const after = mapSet(before, 'a', 'second');
		expect(mapGet(before, 'a')).toBe('first');
		expect(mapGet(after, 'a')).toBe('second');
		expect(mapHas(before, 'b')).toBe(false);
	});

	it('survives a JSON round trip', () => {
		const map = mapFromEntries(
			Array.from({ length: 500 }, (_, i): [string, number] => [`p${i}`, i])
		);
		const copy: PMap<number> = JSON.parse(JSON.stringify(map));
		expect(copy).toEqual(map);
		expect(mapGet(copy, 'p499')).toBe(499);
	});

	it('stores keys that are special to plain objects', () => {
		let map = emptyMap<number>();
		for (const [i, key] of ['__proto__', 'constructor', 'toString', 'hasOwnProperty'].entries())
			map = mapSet(map, key, i);
		expect(mapGet(map, '__proto__')).toBe(0);
		expect(mapGet(map, 'toString')).toBe(2);
		expect(mapHas(map, 'valueOf')).toBe(false);
		expect(map.size).toBe(4);
	});
});
