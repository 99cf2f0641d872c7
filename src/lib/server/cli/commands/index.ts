import type { CliContext } from '../cli-error';
import { runMigrate } from './migrate';
import { runBackup } from './backup';
import { runCreateUser } from './create-user';
import { runSeedDemo } from './seed-demo';
import { runImportAssessors, runImportUnits } from './import-units';
import { runCreatePeriod } from './create-period';
import { runAssign } from './assign';

export interface Command {
	summary: string;
	run: (ctx: CliContext) => Promise<void>;
}

// Each later feature registers its commands here (contracts: administration command line).
export const commands: Record<string, Command> = {
	migrate: { summary: 'terapkan migrasi yang belum dijalankan', run: runMigrate },
	'seed-demo': {
		summary: 'isi kota contoh (hanya pada basis data tanpa unit dan periode)',
		run: runSeedDemo
	},
	'create-user': { summary: 'buat akun: --email --name --role [--password] [--units]', run: runCreateUser },
	backup: { summary: 'salinan daring basis data: backup FILE', run: runBackup },
	'create-period': {
		summary: 'buat periode: --code --name --instrument [--visits] [--assessors] [--awards] [--from] [--to]',
		run: runCreatePeriod
	},
	assign: {
		summary: 'tugaskan penilai: --period --unit --visit --assessor [--date]',
		run: runAssign
	},
	'import-units': { summary: 'impor unit dari CSV/XLSX: import-units FILE', run: runImportUnits },
	'import-assessors': {
		summary: 'impor penilai dari CSV/XLSX: import-assessors FILE',
		run: runImportAssessors
	}
};
