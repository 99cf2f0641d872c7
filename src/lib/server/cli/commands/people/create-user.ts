import type { CliContext } from '../../cli-error';
import { CliError } from '../../cli-error';
import { parseOptions, requireOption } from '../../args';
import { withMigrated } from '../../open';
import { createUser } from '../../../accounts/user.service';
import { ROLES, type Role } from '../../../../domain/auth/user';
import { refusalErrors } from '../../../service-result';

export async function runCreateUser(ctx: CliContext): Promise<void> {
	const { values } = parseOptions(ctx.args, {
		email: { type: 'string' },
		name: { type: 'string' },
		role: { type: 'string' },
		password: { type: 'string' },
		units: { type: 'string' },
		affiliation: { type: 'string' },
		'affiliation-type': { type: 'string' }
	});
	const problems: string[] = [];
	const role = values.role as Role | undefined;
	if (!role || !ROLES.includes(role)) problems.push(`opsi --role harus salah satu dari: ${ROLES.join(', ')}`);
	if (!values.email) problems.push('opsi --email wajib diisi');
	if (!values.name) problems.push('opsi --name wajib diisi');
	if (problems.length) throw new CliError(problems);
	const password = values.password ?? (await ctx.stdin()).replace(/\r?\n$/, '');
	await withMigrated(async ({ db }) => {
		const result = await createUser(
			db,
			{
				email: requireOption(values, 'email'),
				name: requireOption(values, 'name'),
				role: role as Role,
				password,
				unitCodes: values.units
					? values.units
							.split(',')
							.map((c) => c.trim())
							.filter(Boolean)
					: [],
				affiliationType:
					(values['affiliation-type'] as 'university' | 'student_board' | 'other' | undefined) ?? null,
				affiliationName: values.affiliation ?? null
			},
			null,
			ctx.now
		);
		if (!result.ok)
			throw new CliError(Object.entries(refusalErrors(result)).map(([f, msg]) => `${f}: ${msg}`));
		ctx.out(`Pengguna ${result.value.email} (${result.value.role}) dibuat dengan id ${result.value.id}.`);
	});
}
