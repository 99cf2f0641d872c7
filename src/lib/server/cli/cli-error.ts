/** A problem the user can fix; printed to stderr (one line each) and the command exits 1. */
export class CliError extends Error {
	constructor(public readonly problems: readonly string[]) {
		super(problems.join('\n'));
	}
}

export interface CliContext {
	args: string[];
	stdin: () => Promise<string>;
	out: (line: string) => void;
	now: Date;
}
