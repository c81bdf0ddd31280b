import { describe, expect, it } from 'vitest';
import { makeWorld, T0, type World } from './practice-fixtures';
import {
	createGuest,
	getParticipant,
	saveAccount
} from '../../src/lib/server/db/queries/participants';
import {
	checkParticipantLogin,
	saveAccountForm,
	violatesEmail
} from '../../src/lib/server/practice/account';
import { isUniqueViolation } from '../../src/lib/server/db/queries/unique-violation';
import { weekKey } from '../../src/lib/practice/calendar';

function form(fields: Record<string, string>): FormData {
	const f = new FormData();
	for (const [k, v] of Object.entries(fields)) f.set(k, v);
	return f;
}

async function guest(w: World, name: string) {
	return (await createGuest(w.db, name, T0))!;
}

describe('participant accounts', () => {
	it('turns a guest into an account, refuses a phone or e-mail taken by another, and signs in', async () => {
		const w = await makeWorld();
		const an = await guest(w, 'An');
		const saved = await saveAccountForm(
			w.db,
			an,
			form({
				fullName: 'Nguyễn Văn An',
				phone: '0912 345 678',
				email: 'An@Example.vn',
				unitId: String(w.units[0]),
				password: 'mật khẩu dài đủ'
			}),
			T0
		);
		expect(saved.errors).toEqual({});
		expect(await getParticipant(w.db, an.id)).toMatchObject({
			fullName: 'Nguyễn Văn An',
			email: 'an@example.vn',
			unitId: w.units[0]
		});
		const binh = await guest(w, 'Bình');
		const taken = await saveAccountForm(
			w.db,
			binh,
			form({
				fullName: 'Trần Bình',
				phone: '0912345678',
				email: 'an@example.vn',
				unitId: '',
				password: 'mật khẩu khác nữa'
			}),
			T0
		);
		expect(taken.errors).toEqual({ phone: 'phone_taken', email: 'email_taken' });
		expect(await checkParticipantLogin(w.app, '0912345678', 'mật khẩu dài đủ')).toEqual({
			ok: true,
			participantId: an.id
		});
		expect(await checkParticipantLogin(w.app, 'an@example.vn', 'sai')).toEqual({
			ok: false,
			reason: 'failed'
		});
	});

	it('names the field of a unique violation on either database (two saves at once)', async () => {
		const w = await makeWorld();
		const week = weekKey(T0);
		const [a, b] = [await guest(w, 'A'), await guest(w, 'B')];
		const account = {
			fullName: 'Người A',
			phone: '0911111111',
			email: 'a@example.vn',
			unitId: null
		};
		await saveAccount(w.db, a.id, account, week);
		const clash = async (input: Partial<typeof account>) => {
			try {
				await saveAccount(
					w.db,
					b.id,
					{ ...account, phone: '0922222222', email: 'b@example.vn', ...input },
					week
				);
			} catch (err) {
				return err;
			}
			throw new Error('saved');
		};
		const byEmail = await clash({ email: 'a@example.vn' });
		expect(isUniqueViolation(byEmail)).toBe(true);
		expect(violatesEmail(byEmail)).toBe(true);
		const byPhone = await clash({ phone: '0911111111' });
		expect(isUniqueViolation(byPhone)).toBe(true);
		expect(violatesEmail(byPhone)).toBe(false);
	});
});
