import type { CliContext } from '../cli-error';
import { runMigrate } from './migrate';
import { runBackup } from './backup';
import { runCreateUser } from './create-user';
import { runSeedDemo } from './seed-demo';
import { runIkm, runSurveyLink } from './survey';

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
	ikm: { summary: 'hasil survei kepuasan per unit: --period C --format json|csv', run: runIkm },
	'survey-link': { summary: 'alamat survei sebuah unit: --unit KODE', run: runSurveyLink }
};
