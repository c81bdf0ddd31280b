import { fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { m } from '$lib/paraglide/messages.js';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guard';
import { ROLES } from '$lib/server/auth/roles';
import { listMembers, updateMember } from '$lib/server/auth/members';
import {
	checkNewAccount,
	createInvite,
	createUser,
	NewAccountSchema
} from '$lib/server/auth/accounts';
import { accountErrorMessages } from '$lib/server/auth/messages';
import type { Actions, PageServerLoad } from './$types';

const RoleSchema = v.picklist(ROLES);

export const load = (({ locals, url }) => {
	const user = requireUser(locals, url, 'admin');
	return { members: listMembers(getDb(), user.organizationId), meId: user.id };
}) satisfies PageServerLoad;

export const actions = {
	invite: async ({ locals, url, request }) => {
		const user = requireUser(locals, url, 'admin');
		const role = v.safeParse(RoleSchema, (await request.formData()).get('role'));
		if (!role.success) return fail(400, { inviteError: m.admin_users_bad_role() });
		const token = createInvite(getDb(), user.organizationId, role.output, user.id);
		return { inviteLink: `${url.origin}/invite/${token}`, inviteRole: role.output };
	},
	create: async ({ locals, url, request }) => {
		const user = requireUser(locals, url, 'admin');
		const form = await request.formData();
		const role = v.safeParse(RoleSchema, form.get('role'));
		const input = v.parse(NewAccountSchema, {
			username: String(form.get('username') ?? '').slice(0, 100),
			displayName: String(form.get('displayName') ?? '').slice(0, 200),
			password: String(form.get('password') ?? '').slice(0, 300),
			passwordConfirm: String(form.get('passwordConfirm') ?? '').slice(0, 300)
		});
		const db = getDb();
		const errors: Record<string, string> = accountErrorMessages(checkNewAccount(db, input));
		if (!role.success) errors.role = m.admin_users_bad_role();
		if (Object.keys(errors).length || !role.success)
			return fail(400, {
				createErrors: errors,
				values: { username: input.username, displayName: input.displayName }
			});
		await createUser(db, { ...input, organizationId: user.organizationId, role: role.output });
		return { created: m.admin_users_created({ username: input.username }) };
	},
	update: async ({ locals, url, request }) => {
		const user = requireUser(locals, url, 'admin');
		const form = await request.formData();
		const memberId = Number(form.get('id'));
		const roleRaw = form.get('role');
		const disabledRaw = form.get('disabled');
		const role = roleRaw === null ? undefined : v.safeParse(RoleSchema, roleRaw);
		if (!Number.isInteger(memberId) || (role && !role.success))
			return fail(400, { updateError: m.admin_users_bad_role() });
		const result = updateMember(getDb(), user.organizationId, user.id, memberId, {
			role: role?.success ? role.output : undefined,
			disabled: disabledRaw === null ? undefined : disabledRaw === '1'
		});
		if (result === 'not_found') return fail(404, { updateError: m.error_not_found() });
		if (result === 'self') return fail(400, { updateError: m.admin_users_self() });
		if (result === 'bad_role') return fail(400, { updateError: m.admin_users_bad_role() });
		return { updated: m.admin_users_updated() };
	}
} satisfies Actions;
