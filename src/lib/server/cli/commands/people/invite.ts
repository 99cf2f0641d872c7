import type { CliContext } from '../../cli-error';
import { CliError } from '../../cli-error';
import { parseOptions } from '../../args';
import { withMigrated } from '../../open';
import { readConfig } from '../../../config';
import {
	issueLinksByEmail,
	issueLinksForAccountsWithoutPassword,
	passwordLinkUrl
} from '../../../invitations/password-link.service';

// `invite --email E [--email E2 ...] | --all-without-password` (README): stdout
// carries only the links, one per account, so that scripts can read them; the summary goes to stderr.
export async function runInvite(ctx: CliContext): Promise<void> {
	const { values } = parseOptions(ctx.args, {
		email: { type: 'string', multiple: true },
		'all-without-password': { type: 'boolean' }
	});
	const emails = ((values.email ?? []) as string[]).map((e) => e.trim()).filter(Boolean);
	const all = values['all-without-password'] === true;
	if (all === emails.length > 0)
		throw new CliError(['pakai --email E (boleh berulang) atau --all-without-password, salah satu']);
	await withMigrated(async ({ db }) => {
		let links;
		if (all) links = await issueLinksForAccountsWithoutPassword(db, null, ctx.now);
		else {
			const r = await issueLinksByEmail(db, emails, null, ctx.now);
			if (!r.ok) throw new CliError(r.problems);
			links = r.value;
		}
		const origin = readConfig().origin;
		for (const link of links) ctx.out(passwordLinkUrl(origin, link.token));
		process.stderr.write(`${links.length} tautan dibuat, berlaku 7 hari\n`);
	});
}
