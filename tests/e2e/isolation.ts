import { expect, type APIRequestContext } from '@playwright/test';

/** One attempt by a user of organization A on something that belongs to organization B. */
export interface CrossOrgCase {
	name: string;
	method: 'GET' | 'POST';
	path: string;
	/** Form fields for POST (form actions are posted as a browser would, with the app's Origin). */
	form?: Record<string, string>;
}

/**
 * Run every case and expect a 404 or 403 and no leak of `secret` (a string only B's data contains).
 * Form actions answer 200 with a JSON body describing the outcome, so their `type`/`status` is checked.
 */
export async function expectAllRefused(
	request: APIRequestContext,
	baseURL: string,
	cases: CrossOrgCase[],
	secret: string
): Promise<void> {
	for (const c of cases) {
		const res =
			c.method === 'GET'
				? await request.get(c.path, { maxRedirects: 0 })
				: await request.post(c.path, {
						form: c.form ?? {},
						headers: { origin: baseURL, 'x-sveltekit-action': 'true', accept: 'application/json' },
						maxRedirects: 0
					});
		const body = await res.text();
		let status = res.status();
		if (c.method === 'POST' && status === 200 && body.startsWith('{')) {
			const parsed = JSON.parse(body) as { type?: string; status?: number };
			status = parsed.type === 'failure' || parsed.type === 'error' ? (parsed.status ?? 400) : 200;
		}
		expect([403, 404], `${c.name}: ${c.method} ${c.path} answered ${status}`).toContain(status);
		expect(body, `${c.name} leaked organization B's data`).not.toContain(secret);
	}
}
