import * as v from 'valibot';
import { ROLES, user } from '../../db/schema';
import {
	checkNewAccount,
	createUser,
	resetPassword,
	UsernameTakenError
} from '../../auth/accounts';
import { findOrganizationBySlug } from '../../auth/members';
import { requireFlag, UsageError, type CliCommand } from '../registry';

const ERRORS: Record<string, string> = {
	username:
		'tên đăng nhập gồm 3–32 ký tự a-z 0-9 . _ - / username must be 3–32 characters a-z 0-9 . _ -',
	username_taken: 'tên đăng nhập đã tồn tại / username already exists',
	display_name: 'họ tên gồm 1–80 ký tự / name must be 1–80 characters',
	password_length: 'mật khẩu 8–200 ký tự / password must be 8–200 characters',
	password_match: 'mật khẩu không khớp / passwords do not match'
};

/** Password from --password or the CHUONGVANG_PASSWORD variable (keeps it out of shell history). */
function passwordFrom(flags: Record<string, string | true>): string {
	const pw = typeof flags.password === 'string' ? flags.password : process.env.CHUONGVANG_PASSWORD;
	if (!pw) throw new UsageError('give the password with --password or CHUONGVANG_PASSWORD');
	return pw;
}

export const userCreate: CliCommand = {
	name: 'user create',
	usage:
		'user create <username> --org <slug> --role admin|organizer|host [--name "Họ tên"] [--password <pw>]',
	summary: 'Create a staff account in an organization',
	async run({ args, flags, db, out, err }) {
		const username = (args[0] ?? '').toLowerCase();
		const org = await findOrganizationBySlug(await db(), requireFlag(flags, 'org'));
		if (!org) {
			err(`Không có tổ chức "${flags.org}" / no organization "${flags.org}"`);
			return 1;
		}
		const role = v.safeParse(v.picklist(ROLES), requireFlag(flags, 'role'));
		if (!role.success) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
		const password = passwordFrom(flags);
		const displayName = typeof flags.name === 'string' ? flags.name.trim() : username;
		const errors = await checkNewAccount(await db(), {
			username,
			displayName,
			password,
			passwordConfirm: password
		});
		const keys = Object.values(errors);
		if (keys.length) {
			for (const key of keys) if (key) err(`Lỗi / error: ${ERRORS[key]}`);
			return 1;
		}
		try {
			await createUser(await db(), {
				organizationId: org.id,
				username,
				displayName,
				password,
				role: role.output
			});
		} catch (e) {
			if (!(e instanceof UsernameTakenError)) throw e;
			err(`Lỗi / error: ${ERRORS.username_taken}`);
			return 1;
		}
		out(`Đã tạo / created: ${username} (${role.output}) — ${org.name}`);
		return 0;
	}
};

export const userResetPassword: CliCommand = {
	name: 'user reset-password',
	usage: 'user reset-password <username> [--password <pw>]',
	summary: "Set a new password and end the user's sessions",
	async run({ args, flags, db, out, err }) {
		const username = (args[0] ?? '').toLowerCase();
		if (!username) throw new UsageError('missing <username>');
		const password = passwordFrom(flags);
		if (password.length < 8 || password.length > 200) {
			err(`Lỗi / error: ${ERRORS.password_length}`);
			return 1;
		}
		if (!(await resetPassword(await db(), username, password))) {
			err(`Không có người dùng "${username}" / no user "${username}"`);
			return 1;
		}
		out(`Đã đặt lại mật khẩu / password reset: ${username}`);
		return 0;
	}
};

export const userList: CliCommand = {
	name: 'user list',
	usage: 'user list',
	summary: 'List staff accounts',
	async run({ db, out }) {
		const users = await (
			await db()
		)
			.select()
			.from(user)
			.orderBy(user.organizationId, user.username);
		for (const u of users) {
			out(`${u.username}\t${u.role}\torg=${u.organizationId}${u.disabledAt ? '\tdisabled' : ''}`);
		}
		return 0;
	}
};
