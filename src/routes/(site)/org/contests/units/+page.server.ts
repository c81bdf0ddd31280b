import { error, fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { requireUser } from '$lib/server/auth/guard';
import {
	addUnits,
	deleteUnit,
	getUnit,
	listUnits,
	updateUnit
} from '$lib/server/db/queries/participants';
import { parseUnitLines } from '$lib/server/contest/organizer';
import type { Actions, PageServerLoad } from './$types';
import { readForm } from '$lib/server/read-form';
import { isUniqueViolation } from '$lib/server/db/queries/unique-violation';

const lineMessage = (error: 'name' | 'members') =>
	error === 'name' ? m.contest_org_err_unit_name() : m.contest_org_err_unit_members();

export const load = (async ({ locals, url }) => {
	const user = requireUser(locals, url, 'organizer');
	return {
		units: (await listUnits(locals.app.db, user.organizationId)).map((u) => ({
			id: u.id,
			name: u.name,
			memberCount: u.memberCount
		}))
	};
}) satisfies PageServerLoad;

export const actions = {
	add: async ({ locals, url, request }) => {
		const user = requireUser(locals, url, 'organizer');
		const text = String((await readForm(request)).get('lines') ?? '').slice(0, 100_000);
		const { units, errors } = parseUnitLines(text);
		if (errors.length > 0 || units.length === 0) {
			return fail(400, {
				lines: text,
				addErrors:
					errors.length > 0
						? errors.map((e) =>
								m.contest_org_err_unit_line({ line: e.line, message: lineMessage(e.error) })
							)
						: [m.contest_org_err_unit_name()]
			});
		}
		return { added: await addUnits(locals.app.db, user.organizationId, units) };
	},
	update: async ({ locals, url, request }) => {
		const user = requireUser(locals, url, 'organizer');
		const form = await readForm(request);
		const unit = await getUnit(locals.app.db, user.organizationId, Number(form.get('unitId')));
		if (!unit) error(404, 'Not found');
		const name = String(form.get('name') ?? '').trim();
		const members = String(form.get('memberCount') ?? '').trim();
		if (name.length < 1 || name.length > 120)
			return fail(400, { unitId: unit.id, unitError: m.contest_org_err_unit_name() });
		if (!/^\d{1,8}$/.test(members))
			return fail(400, { unitId: unit.id, unitError: m.contest_org_err_unit_members() });
		try {
			await updateUnit(locals.app.db, user.organizationId, unit.id, {
				name,
				memberCount: Number(members)
			});
		} catch (err) {
			if (!isUniqueViolation(err)) throw err;
			return fail(400, { unitId: unit.id, unitError: m.security_unit_name_taken() });
		}
		return { updated: true };
	},
	delete: async ({ locals, url, request }) => {
		const user = requireUser(locals, url, 'organizer');
		const unitId = Number((await readForm(request)).get('unitId'));
		const result = await deleteUnit(locals.app.db, user.organizationId, unitId);
		if (result === 'missing') error(404, 'Not found');
		if (result === 'in_use') return fail(400, { unitId, unitError: m.contest_org_unit_in_use() });
		return { deleted: true };
	}
} satisfies Actions;
