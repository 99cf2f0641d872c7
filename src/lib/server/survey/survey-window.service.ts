import type { Db } from '../db/connection';
import { listPeriods } from '../periods/period.repository';
import { defaultSurveyWindow, overlappingPeriod, type SurveyWindow } from '../../domain/survey';
import { refusalText } from '../service-result';

// One place that knows every period's survey window (docs/rules.md §8.6), for period creation, period
// settings and the survey page's own window form.

async function periodWindows(db: Db) {
	return (await listPeriods(db, 'survey_from')).map((p) => ({
		id: p.id,
		code: p.code,
		name: p.name,
		from: p.surveyFrom,
		to: p.surveyTo
	}));
}

/** null when the window is free; otherwise the sentence naming the period it would overlap. */
export async function surveyWindowConflict(
	db: Db,
	window: SurveyWindow,
	selfId: number | null
): Promise<string | null> {
	const other = overlappingPeriod(window, await periodWindows(db), selfId);
	return other
		? refusalText('srv_survey_window_overlap', {
				code: other.code,
				name: other.name,
				from: other.from,
				to: other.to
			})
		: null;
}

/** The survey window a new period gets when none is given: after the latest existing one. */
export async function defaultWindowForNewPeriod(
	db: Db,
	dates: { startsOn: string; endsOn: string }
): Promise<SurveyWindow> {
	return defaultSurveyWindow(dates, await periodWindows(db));
}
