import { CliError, type CliContext } from './cli-error';
import { commands } from './commands';
import { ConfigError, readConfig } from '../config';
import { setDisplayTimeZone } from '../../i18n/display';

// `npm run admin -- <command> [options]` (README: administration command line).
async function readStdin(): Promise<string> {
	if (process.stdin.isTTY) return '';
	const chunks: Buffer[] = [];
	for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}

function usage(): string {
	return [
		'Pemakaian: npm run admin -- <perintah> [opsi]',
		'',
		'Perintah:',
		...Object.entries(commands).map(([name, c]) => `  ${name.padEnd(14)} ${c.summary}`)
	].join('\n');
}

async function main(argv: string[]): Promise<number> {
	const [name, ...args] = argv;
	if (!name || name === '--help' || name === 'help') {
		process.stdout.write(usage() + '\n');
		return name ? 0 : 1;
	}
	const command = commands[name];
	if (!command) {
		process.stderr.write(`Perintah tidak dikenal: ${name}\n\n${usage()}\n`);
		return 1;
	}
	const ctx: CliContext = {
		args,
		stdin: readStdin,
		out: (line) => process.stdout.write(line + '\n'),
		now: new Date()
	};
	try {
		// every bad environment variable, one line each, before any command runs
		setDisplayTimeZone(readConfig().timeZone);
		await command.run(ctx);
		return 0;
	} catch (e) {
		if (e instanceof ConfigError) {
			for (const p of e.problems) process.stderr.write(`Konfigurasi salah: ${p}\n`);
			return 1;
		}
		if (e instanceof CliError) {
			for (const p of e.problems) process.stderr.write(p + '\n');
			return 1;
		}
		throw e;
	}
}

main(process.argv.slice(2)).then(
	(code) => process.exit(code),
	(e) => {
		console.error(e);
		process.exit(2);
	}
);
