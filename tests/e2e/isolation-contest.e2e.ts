import { test, expect } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { e2eDb, login, makeUser, unique } from './helpers';
import { expectAllRefused, type CrossOrgCase } from './isolation';
import { makeOpenContest } from './practice-data';
import { contest, contestRound, unit } from '../../src/lib/server/db/schema';

test('an organizer of organization A can neither see, change nor export contests and units of organization B', async ({
	page,
	baseURL
}) => {
	const orgA = unique('ca-');
	const orgB = unique('cb-');
	const secret = unique('BiMatCuocThi');
	const organizerA = await makeUser(orgA, 'organizer');
	const b = await makeOpenContest(orgB, { timeLimitSec: 600, title: secret });
	const bUnit = b.units[0];
	await login(page, organizerA.username);

	await page.goto('/org/contests');
	await expect(page.getByRole('heading', { name: 'Cuộc thi trực tuyến' })).toBeVisible();
	await expect(page.getByText(secret)).toHaveCount(0);

	const base = `/org/contests/${b.contestId}`;
	const round = {
		roundId: String(b.roundId),
		title: 'Đổi tên',
		opensAt: '2030-01-01T00:00',
		closesAt: '2030-01-08T00:00'
	};
	const cases: CrossOrgCase[] = [
		{ name: 'contest settings page', method: 'GET', path: base },
		{ name: 'results page', method: 'GET', path: `${base}/results` },
		{ name: 'CSV export', method: 'GET', path: `${base}/export?format=csv&round=overall` },
		{ name: 'XLSX export', method: 'GET', path: `${base}/export?format=xlsx&round=${b.roundId}` },
		{
			name: 'save settings',
			method: 'POST',
			path: `${base}?/save`,
			form: { title: 'Bị sửa', bankIds: '1', 'mixCount-0': '1', timeMinutes: '5', attempts: '1' }
		},
		{ name: 'unpublish', method: 'POST', path: `${base}?/unpublish` },
		{ name: 'add round', method: 'POST', path: `${base}?/addRound`, form: round },
		{ name: 'update round', method: 'POST', path: `${base}?/updateRound`, form: round },
		{
			name: 'delete round',
			method: 'POST',
			path: `${base}?/deleteRound`,
			form: { roundId: String(b.roundId) }
		},
		{ name: 'delete contest', method: 'POST', path: `${base}?/delete` },
		{
			name: 'rename B unit',
			method: 'POST',
			path: '/org/contests/units?/update',
			form: { unitId: String(bUnit.id), name: 'Bị sửa', memberCount: '1' }
		},
		{
			name: 'delete B unit',
			method: 'POST',
			path: '/org/contests/units?/delete',
			form: { unitId: String(bUnit.id) }
		}
	];
	await expectAllRefused(page.request, baseURL!, cases, secret);

	// A's own contest page cannot reach B's round either.
	const own = await makeOpenContest(orgA, { timeLimitSec: 600 });
	await expectAllRefused(
		page.request,
		baseURL!,
		[
			{
				name: "B's round through A's contest",
				method: 'POST',
				path: `/org/contests/${own.contestId}?/deleteRound`,
				form: { roundId: String(b.roundId) }
			},
			{
				name: "B's round renamed through A's contest",
				method: 'POST',
				path: `/org/contests/${own.contestId}?/updateRound`,
				form: round
			}
		],
		secret
	);

	const db = e2eDb();
	const after = db.select().from(contest).where(eq(contest.id, b.contestId)).get()!;
	expect(after).toMatchObject({ title: secret, status: 'published' });
	expect(db.select().from(contestRound).where(eq(contestRound.id, b.roundId)).get()?.title).toBe(
		'Tuần 1'
	);
	expect(db.select().from(unit).where(eq(unit.id, bUnit.id)).get()?.name).toBe(bUnit.name);
});
