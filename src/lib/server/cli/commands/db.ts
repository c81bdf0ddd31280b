import fs from 'node:fs';
import path from 'node:path';
import { issueSetupToken, seedDemo } from '../../seed/all';
import { baseUrls } from '../../network';
import { UsageError, type CliCommand } from '../registry';

export const dbBackup: CliCommand = {
	name: 'db backup',
	usage: 'db backup <file>',
	summary: 'Copy the live database to a file (online SQLite backup, safe while the app runs)',
	async run({ args, db, out }) {
		const target = args[0];
		if (!target) throw new UsageError('missing <file>');
		if (fs.existsSync(target))
			throw new UsageError(`${target} already exists; choose a new file name`);
		fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
		const started = Date.now();
		await db().$client.backup(target);
		const size = fs.statSync(target).size;
		out(
			`Đã sao lưu / backed up to ${target} (${(size / 1024).toFixed(0)} KB, ${Date.now() - started} ms)`
		);
		return 0;
	}
};

export const setupLink: CliCommand = {
	name: 'setup-link',
	usage: 'setup-link',
	summary:
		'Print a fresh one-time link to create the first administrator (only while there is none)',
	run({ app, db, out, err }) {
		seedDemo(db());
		const token = issueSetupToken(db());
		if (!token) {
			err(
				'Đã có tài khoản quản trị / an administrator already exists: use `user create` or `user reset-password`.'
			);
			return 1;
		}
		out(`${baseUrls(app().config)[0]}/setup/${token}`);
		return 0;
	}
};
