import type { Db } from '../db/connection';
import { formatDate } from '../../domain/format';
import { readCitySettings } from '../settings/city-setting.repository';
import type { ReportCardClosing } from './report-card-pdf-closing';

/** Place, date and signatory of a printed report card: today's date, in the reader's language. */
export async function loadReportCardClosing(
	db: Db,
	now: Date,
	locale: 'id' | 'en',
	timeZone: string
): Promise<ReportCardClosing> {
	const s = await readCitySettings(db);
	const government = s.governmentName || 'Pemerintah Kota Contoh';
	return {
		government,
		place: s.place || government,
		dateText: formatDate(now, locale, timeZone),
		signatoryTitle: s.signatoryTitle || null,
		signatoryName: s.signatoryName || null,
		signatoryNip: s.signatoryNip || null
	};
}
