// Command-line entry for operators of event laptops: `npm run cli -- <command> …`.
import { createApp, type AppContext } from '../app';
import { closeDatabase } from '../db';
import { ConfigError, readConfig } from '../config';
import { parseArgs, UsageError, type CliCommand, type CliContext } from './registry';
import { userCreate, userList, userResetPassword } from './commands/user';
import { dbBackup, setupLink } from './commands/db';
import { bankExport, bankImport } from './commands/bank';

/** Every command; feature areas add theirs here. */
const COMMANDS: CliCommand[] = [userCreate, userResetPassword, userList, dbBackup, setupLink];
COMMANDS.push(bankImport, bankExport);

const BOOLEAN_FLAGS = ['dry-run', 'json', 'help'] as const;

function help(out: (s: string) => void): void {
	out('Chuông Vàng — npm run cli -- <command>\n');
	for (const c of COMMANDS) out(`  ${c.usage}\n      ${c.summary}`);
}

/**
 * Run one command line; returns the exit code. The CLI builds its own app from the environment
 * when a command first needs it (tests pass theirs). Exported for tests.
 */
export async function runCli(
	argv: string[],
	io: { out: (s: string) => void; err: (s: string) => void } = {
		out: (s) => console.log(s),
		err: (s) => console.error(s)
	},
	app?: AppContext
): Promise<number> {
	const command = COMMANDS.find((c) => {
		const words = c.name.split(' ');
		return words.every((w, i) => argv[i] === w);
	});
	if (!command) {
		if (argv.length && !argv.includes('--help'))
			io.err(`Lệnh không rõ / unknown command: ${argv.join(' ')}\n`);
		help(io.out);
		return argv.length && !argv.includes('--help') ? 2 : 0;
	}
	const parsed = parseArgs(argv.slice(command.name.split(' ').length), BOOLEAN_FLAGS);
	let building: Promise<AppContext> | undefined = app && Promise.resolve(app);
	const theApp = () => (building ??= createApp(readConfig()));
	const ctx: CliContext = {
		...parsed,
		app: theApp,
		db: async () => (await theApp()).db,
		...io
	};
	try {
		return await command.run(ctx);
	} catch (e) {
		if (e instanceof UsageError) {
			io.err(`${e.message}\nusage: npm run cli -- ${command.usage}`);
			return 2;
		}
		if (e instanceof ConfigError) {
			io.err(`Cấu hình sai / bad configuration: ${e.message}`);
			return 2;
		}
		throw e;
	} finally {
		// The database the CLI opened itself (not a test's): closed, so that nothing keeps the
		// process alive (PostgreSQL's pool) and SQLite's file is left clean.
		if (!app && building) {
			const own = await building.catch(() => undefined);
			if (own) await closeDatabase(own.db);
		}
	}
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('cli/main.ts')) {
	runCli(process.argv.slice(2)).then(
		(code) => process.exit(code),
		(e) => {
			console.error(e instanceof Error ? e.message : e);
			process.exit(1);
		}
	);
}
