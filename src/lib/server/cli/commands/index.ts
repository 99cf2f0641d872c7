import type { CliContext } from '../cli-error';
import { runMigrate } from './data/migrate';
import { runBackup, runRestore } from './data/backup';
import { runCreateUser } from './people/create-user';
import { runSeedDemo } from './data/seed-demo';
import { runCreatePeriod } from './periods/create-period';
import { runImportAssessors, runImportUnits } from './periods/import-units';
import { runImportScores } from './periods/import-scores';
import { runResults } from './periods/results';
import { runPublish } from './periods/publish';
import { runAssign } from './people/assign';
import { runAssignEnumerator } from './people/assign-enumerator';
import { runIkm, runSurveyLink } from './survey';
import { runImportComplaints } from './fairness/import-complaints';
import { runTriangulation } from './fairness/triangulation';
import { runInvite } from './people/invite';
import { runCorrection } from './periods/correction';
import { runCopyDatabase } from './data/copy-database';
import { runCalibration } from './fairness/calibration';

export interface Command {
	summary: string;
	run: (ctx: CliContext) => Promise<void>;
}

// Each feature registers its commands here (README: administration command line).
export const commands: Record<string, Command> = {
	migrate: { summary: 'terapkan migrasi yang belum dijalankan', run: runMigrate },
	'seed-demo': {
		summary: 'isi kota contoh (hanya pada basis data tanpa unit dan periode)',
		run: runSeedDemo
	},
	'create-user': { summary: 'buat akun: --email --name --role [--password] [--units]', run: runCreateUser },
	'create-period': {
		summary: 'buat periode: --code --name --instrument [--visits] [--assessors] [--awards] [--from] [--to]',
		run: runCreatePeriod
	},
	'import-units': { summary: 'impor unit dari CSV/XLSX: import-units FILE', run: runImportUnits },
	'import-assessors': {
		summary: 'impor penilai dari CSV/XLSX: import-assessors FILE',
		run: runImportAssessors
	},
	'import-scores': {
		summary: 'impor nilai: --period C [--replace] [--calibration] FILE',
		run: runImportScores
	},
	calibration: { summary: 'hasil putaran kalibrasi: --period C --format json', run: runCalibration },
	assign: {
		summary: 'tugaskan penilai: --period --unit --visit --assessor [--date YYYY-MM-DD]',
		run: runAssign
	},
	'assign-enumerator': {
		summary: 'tugaskan enumerator survei pada unit: --period C --unit U --enumerator EMAIL',
		run: runAssignEnumerator
	},
	results: { summary: 'hasil periode: --period C --format json|csv', run: runResults },
	publish: {
		summary: 'terbitkan: --period C [--confirm-open-flags --reason TEKS] [--revision --reason TEKS]',
		run: runPublish
	},
	correction: {
		summary: 'koreksi periode terbit: --period C --open|--abandon --reason TEKS',
		run: runCorrection
	},
	backup: { summary: 'salinan daring basis data: backup FILE', run: runBackup },
	restore: {
		summary: 'pulihkan cadangan (server berhenti; basis data lama disimpan): restore FILE',
		run: runRestore
	},
	'copy-database': {
		summary: 'salin SQLite ke PostgreSQL kosong lalu bandingkan jumlah baris: --to postgres://...',
		run: runCopyDatabase
	},
	ikm: { summary: 'hasil survei kepuasan per unit: --period C --format json|csv', run: runIkm },
	'survey-link': { summary: 'alamat survei sebuah unit: --unit KODE', run: runSurveyLink },
	'import-complaints': {
		summary: 'impor pengaduan dari CSV/XLSX: import-complaints FILE',
		run: runImportComplaints
	},
	triangulation: {
		summary: 'triangulasi IPP, IKM, pengaduan: --period C --format json',
		run: runTriangulation
	},
	invite: {
		summary: 'tautan atur kata sandi: --email E [--email E2 ...] | --all-without-password',
		run: runInvite
	}
};
