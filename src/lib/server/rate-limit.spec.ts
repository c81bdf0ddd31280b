import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
	vi.resetModules();
});

/** Two module instances stand for two nodes: each has its own memory, Redis is shared. */
async function twoNodes() {
	const nodes = [];
	for (let i = 0; i < 2; i++) {
		vi.resetModules();
		nodes.push(await import('./rate-limit'));
	}
	return nodes;
}

describe('rate limits', () => {
	it('keeps one budget per process without REDIS_URL', async () => {
		const [a, b] = await twoNodes();
		const name = `spec-${crypto.randomUUID()}`;
		const first = new a.Limiter(name, 2, 60);
		const second = new b.Limiter(name, 2, 60);
		expect(await first.consume('1.2.3.4')).toEqual({ allowed: true });
		expect(await first.consume('1.2.3.4')).toEqual({ allowed: true });
		expect((await first.consume('1.2.3.4')).allowed).toBe(false);
		expect(await second.consume('1.2.3.4')).toEqual({ allowed: true });
	});

	it('shares the budget between nodes through Redis with REDIS_URL', async () => {
		const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
		const [a, b] = await twoNodes();
		const name = `spec-${crypto.randomUUID()}`;
		const onA = new a.Limiter(name, 3, 60, 0, redisUrl);
		const onB = new b.Limiter(name, 3, 60, 0, redisUrl);
		expect(await onA.consume('5.6.7.8')).toEqual({ allowed: true });
		expect(await onB.consume('5.6.7.8')).toEqual({ allowed: true });
		expect(await onA.check('5.6.7.8')).toEqual({ allowed: true });
		expect(await onB.consume('5.6.7.8')).toEqual({ allowed: true });
		const refused = await onA.consume('5.6.7.8');
		expect(refused).toMatchObject({ allowed: false });
		expect(await onB.check('5.6.7.8')).toMatchObject({ allowed: false });
		// Another limiter's budget is its own, even for the same key.
		expect(await new b.Limiter(`${name}-other`, 3, 60, 0, redisUrl).consume('5.6.7.8')).toEqual({
			allowed: true
		});
		await onB.reset('5.6.7.8');
		expect(await onA.consume('5.6.7.8')).toEqual({ allowed: true });
	});
});
