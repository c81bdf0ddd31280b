import { fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { m } from '$lib/paraglide/messages.js';
import { requireUser } from '$lib/server/auth/guard';
import { ROLES } from '$lib/server/auth/roles';
import { listMembers, updateMember } from '$lib/server/auth/members';
import {
	checkNewAccount,
	createInvite,
	createUser,
	NewAccountSchema,
	UsernameTakenError
} from '$lib/server/auth/accounts';
import { accountErrorMessages } from '$lib/server/auth/messages';
import type { Actions, PageServerLoad } from './$types';
import { readForm } from '$lib/server/read-form';

const RoleSchema = v.picklist(ROLES);

export const load = (async ({ locals, url }) => {
	const user = requireUser(locals, url, 'admin');
	return { members: await listMembers(locals.app.db, user.organizationId), meId: user.id };
}) satisfies PageServerLoad;

export const actions = {
	invite: async ({ locals, url, request }) => {
		const user = requireUser(locals, url, 'admin');
		const role = v.safeParse(RoleSchema, (await readForm(request)).get('role'));
		if (!role.success) return fail(400, { inviteError: m.admin_users_bad_role() });
		const token = await createInvite(locals.app.db, user.organizationId, role.output, user.id);
		return { inviteLink: `${url.origin}/invite/${token}`, inviteRole: role.output };
	},
	create: async ({ locals, url, request }) => {
		const user = requireUser(locals, url, 'admin');
		const form = await readForm(request);
		const role = v.safeParse(RoleSchema, form.get('role'));
		const input = v.parse(NewAccountSchema, {
			username: String(form.get('username') ?? '').slice(0, 100),
			displayName: String(form.get('displayName') ?? '').slice(0, 200),
			password: String(form.get('password') ?? '').slice(0, 300),
			passwordConfirm: String(form.get('passwordConfirm') ?? '').slice(0, 300)
		});
		const db = locals.app.db;
		const errors: Record<string, string> = accountErrorMessages(await checkNewAccount(db, input));
		if (!role.success) errors.role = m.admin_users_bad_role();
		if (Object.keys(errors).length || !role.success)
			return fail(400, {
				createErrors: errors,
				values: { username: input.username, displayName: input.displayName }
			});
		try {
			await createUser(db, { ...input, organizationId: user.organizationId, role: role.output });
		} catch (err) {
			if (!(err instanceof UsernameTakenError)) throw err;
			// Taken between the check and the insert: the same message as the check gives.
			return fail(400, {
				createErrors: accountErrorMessages({ username: 'username_taken' }),
				values: { username: input.username, displayName: input.displayName }
			});
		}
		return { created: m.admin_users_created({ username: input.username }) };
	},
	update: async ({ locals, url, request }) => {
		const user = requireUser(locals, url, 'admin');
		const form = await readForm(request);
		const memberId = Number(form.get('id'));
		const roleRaw = form.get('role');
		const disabledRaw = form.get('disabled');
		const role = roleRaw === null ? undefined : v.safeParse(RoleSchema, roleRaw);
		if (!Number.isInteger(memberId) || (role && !role.success))
			return fail(400, { updateError: m.admin_users_bad_role() });
		const result = await updateMember(locals.app.db, user.organizationId, user, memberId, {
			role: role?.success ? role.output : undefined,
			disabled: disabledRaw === null ? undefined : disabledRaw === '1'
		});
		if (result === 'not_found') return fail(404, { updateError: m.error_not_found() });
		if (result === 'self') return fail(400, { updateError: m.admin_users_self() });
		if (result === 'bad_role') return fail(400, { updateError: m.admin_users_bad_role() });
		if (result === 'rank') return fail(403, { updateError: m.security_role_rank() });
		if (result === 'platform_admin') return fail(403, { updateError: m.security_platform_admin() });
		if (result === 'last_platform_admin')
			return fail(400, { updateError: m.security_last_platform_admin() });
		return { updated: m.admin_users_updated() };
	}
} satisfies Actions;
