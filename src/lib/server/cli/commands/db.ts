import fs from 'node:fs';
import path from 'node:path';
import { isPostgres } from '../../db';
import { issueSetupToken, seedDemo } from '../../seed/all';
import { baseUrls } from '../../network';
import { UsageError, type CliCommand } from '../registry';

export const dbBackup: CliCommand = {
	name: 'db backup',
	usage: 'db backup <file>',
	summary:
		'Copy the live SQLite database to a file (online backup, safe while the app runs); on PostgreSQL use pg_dump',
	async run({ args, db, out, err }) {
		const target = args[0];
		if (!target) throw new UsageError('missing <file>');
		const database = await db();
		if (isPostgres(database)) {
			// The server's own tool backs up a PostgreSQL database consistently while it runs; the
			// address is not repeated here (it may hold a password).
			err(
				'Cơ sở dữ liệu là PostgreSQL (DATABASE_URL): hãy sao lưu bằng pg_dump / the database is PostgreSQL (DATABASE_URL): back it up with pg_dump, e.g. `pg_dump --format=custom --file=backups/event.dump "$DATABASE_URL"` (docs/deploy.md)'
			);
			return 1;
		}
		if (fs.existsSync(target))
			throw new UsageError(`${target} already exists; choose a new file name`);
		fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
		const started = Date.now();
		await database.$client.backup(target);
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
	async run({ app, db, out, err }) {
		await seedDemo(await db());
		const token = await issueSetupToken(await db());
		if (!token) {
			err(
				'Đã có tài khoản quản trị / an administrator already exists: use `user create` or `user reset-password`.'
			);
			return 1;
		}
		out(`${baseUrls((await app()).config)[0]}/setup/${token}`);
		return 0;
	}
};
