import { parseArgs } from 'node:util';
import { CliError } from './cli-error';

type OptionSpec = Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>;

/** Parses --options strictly; unknown or malformed options are user errors, not crashes. */
export function parseOptions<T extends OptionSpec>(args: string[], options: T, allowPositionals = false) {
	try {
		return parseArgs({ args, options, allowPositionals, strict: true });
	} catch (e) {
		throw new CliError([(e as Error).message.replace(/^TypeError \[[A-Z_]+\]: /, '')]);
	}
}

export function requireOption(values: Record<string, unknown>, name: string): string {
	const v = values[name];
	if (typeof v !== 'string' || v.trim() === '') throw new CliError([`opsi --${name} wajib diisi`]);
	return v.trim();
}
