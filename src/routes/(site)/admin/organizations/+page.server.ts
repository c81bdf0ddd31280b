import { fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { requirePlatformAdmin } from '$lib/server/auth/guard';
import {
	createOrganization,
	findOrganizationBySlug,
	listOrganizations,
	ORG_SLUG_RE
} from '$lib/server/auth/members';
import { createInvite } from '$lib/server/auth/accounts';
import { isUniqueViolation } from '$lib/server/db/queries/unique-violation';
import type { Actions, PageServerLoad } from './$types';
import { readForm } from '$lib/server/read-form';

export const load = (async ({ locals, url }) => {
	requirePlatformAdmin(locals, url);
	return { organizations: await listOrganizations(locals.app.db) };
}) satisfies PageServerLoad;

export const actions = {
	create: async ({ locals, url, request }) => {
		const admin = requirePlatformAdmin(locals, url);
		const form = await readForm(request);
		const name = String(form.get('name') ?? '')
			.trim()
			.slice(0, 200);
		const slug = String(form.get('slug') ?? '')
			.trim()
			.toLowerCase()
			.slice(0, 60);
		const errors: Record<string, string> = {};
		const db = locals.app.db;
		if (name.length < 2 || name.length > 120) errors.name = m.admin_orgs_err_name();
		if (!ORG_SLUG_RE.test(slug)) errors.slug = m.admin_orgs_err_slug();
		else if (await findOrganizationBySlug(db, slug)) errors.slug = m.admin_orgs_err_slug_taken();
		if (Object.keys(errors).length) return fail(400, { errors, values: { name, slug } });
		let org;
		try {
			org = await createOrganization(db, name, slug);
		} catch (err) {
			// Created by a concurrent request since the check: the same message as the check gives.
			if (!isUniqueViolation(err)) throw err;
			return fail(400, { errors: { slug: m.admin_orgs_err_slug_taken() }, values: { name, slug } });
		}
		const token = await createInvite(db, org.id, 'admin', admin.id);
		return { createdName: org.name, inviteLink: `${url.origin}/invite/${token}` };
	}
} satisfies Actions;
