import type { CliContext } from '../../cli-error';
import { CliError } from '../../cli-error';
import { withMigrated } from '../../open';
import { hasUnitsOrPeriods } from '../../../periods/period.repository';
import { seedDemoCity } from '../../../../../../db/seeds/demo-city';

export async function runSeedDemo(ctx: CliContext): Promise<void> {
	await withMigrated(async ({ db }) => {
		if (await hasUnitsOrPeriods(db))
			throw new CliError([
				'basis data ini sudah berisi unit atau periode; kota contoh hanya diisi ke basis data kosong'
			]);
		const result = await db.transaction().execute((trx) => seedDemoCity(trx, ctx.now));
		ctx.out(`Kota Contoh diisi: ${result.units} unit, ${result.users} akun.`);
	});
}
