import type { AppContext } from '../app';
import type { Db } from '../db';

/** What a command gets: parsed arguments, the app (built lazily), and output streams. */
export interface CliContext {
	args: string[];
	flags: Record<string, string | true>;
	/** The CLI's own app (configuration, database), built on first use. */
	app: () => Promise<AppContext>;
	/** `(await app()).db`. */
	db: () => Promise<Db>;
	out: (line: string) => void;
	err: (line: string) => void;
}

export interface CliCommand {
	/** e.g. "user create" */
	name: string;
	usage: string;
	summary: string;
	/** Returns the process exit code. */
	run: (ctx: CliContext) => Promise<number> | number;
}

/** A usage problem: printed with the command's usage line, exit code 2. */
export class UsageError extends Error {}

/** Split argv into positional arguments and --flags (`--flag value`, `--flag=value`, bare `--flag`). */
export function parseArgs(
	argv: string[],
	booleanFlags: readonly string[] = []
): Pick<CliContext, 'args' | 'flags'> {
	const args: string[] = [];
	const flags: Record<string, string | true> = {};
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (a.startsWith('--')) {
			const eqAt = a.indexOf('=');
			if (eqAt > 0) flags[a.slice(2, eqAt)] = a.slice(eqAt + 1);
			else if (
				booleanFlags.includes(a.slice(2)) ||
				i + 1 >= argv.length ||
				argv[i + 1].startsWith('--')
			)
				flags[a.slice(2)] = true;
			else flags[a.slice(2)] = argv[++i];
		} else args.push(a);
	}
	return { args, flags };
}

/** A string flag's value, or a UsageError naming it. */
export function requireFlag(flags: CliContext['flags'], name: string): string {
	const value = flags[name];
	if (typeof value !== 'string' || !value) throw new UsageError(`missing --${name}`);
	return value;
}
