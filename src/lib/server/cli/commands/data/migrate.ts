import type { CliContext } from '../../cli-error';
import { withMigrated } from '../../open';

export async function runMigrate(ctx: CliContext): Promise<void> {
	await withMigrated(async ({ applied }) => {
		ctx.out(applied ? `${applied} migrasi diterapkan.` : 'Basis data sudah mutakhir.');
	});
}
