import { test, expect } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { e2eDb, login, makeUser, unique } from './helpers';
import { expectAllRefused, type CrossOrgCase } from './isolation';
import { user } from '../../src/lib/server/db/schema';

test('an admin of organization A can neither see nor change members of organization B', async ({
	page,
	baseURL
}) => {
	const orgA = unique('a-');
	const orgB = unique('b-');
	const adminA = await makeUser(orgA, 'admin');
	const memberB = await makeUser(orgB, 'organizer', unique('bimat'));
	const memberBRow = e2eDb().select().from(user).where(eq(user.username, memberB.username)).get()!;
	await login(page, adminA.username);

	await page.goto('/org/users');
	await expect(page.getByRole('cell', { name: adminA.username, exact: true })).toBeVisible();
	await expect(page.getByText(memberB.username)).toHaveCount(0);

	const cases: CrossOrgCase[] = [
		{
			name: 'disable B member',
			method: 'POST',
			path: '/org/users?/update',
			form: { id: String(memberBRow.id), disabled: '1' }
		},
		{
			name: 'promote B member',
			method: 'POST',
			path: '/org/users?/update',
			form: { id: String(memberBRow.id), role: 'host' }
		},
		{ name: 'platform organizations page', method: 'GET', path: '/admin/organizations' }
	];
	await expectAllRefused(page.request, baseURL!, cases, memberB.username);

	const after = e2eDb().select().from(user).where(eq(user.id, memberBRow.id)).get()!;
	expect(after.role).toBe('organizer');
	expect(after.disabledAt).toBeNull();
});
