import { describe, expect, it } from 'vitest';
import { fitWithin, formatBytes } from './image-resize';

describe('fitWithin', () => {
	it.each([
		[4000, 3000, 1600, 1200],
		[3000, 4000, 1200, 1600],
		[1600, 900, 1600, 900],
		[800, 600, 800, 600],
		[10000, 10, 1600, 2]
	])('%i×%i fits as %i×%i', (w, h, ew, eh) => {
		expect(fitWithin(w, h)).toEqual({ width: ew, height: eh });
	});
});

describe('formatBytes', () => {
	it('reads as Vietnamese sizes', () => {
		expect(formatBytes(4.2 * 1024 * 1024)).toBe('4,2 MB');
		expect(formatBytes(380 * 1024)).toBe('380 KB');
	});
});
