import type { Db } from '../db/connection';
import type { PeriodStatus } from '../db/schema';
import {
	addActiveUnitsToPeriod,
	findPeriodByCode,
	insertPeriod,
	setPeriodStatus,
	type Period
} from './period.repository';
import { updatePeriodSettings } from './period-settings.repository';
import { findInstrumentIdByCode } from './instrument.repository';
import { auditTrail } from '../audit/audit.repository';
import { invalidatePeriodResults } from '../results/result-cache.repository';
import { checkPeriodSettings, PERIOD_CODE, type PeriodSettings } from '../../domain/period/settings';
import { canTransition, settingsEditable } from '../../domain/period/lifecycle';
import { periodStatusLabel } from '$lib/i18n/display';
import {
	refuse,
	refuseField,
	refuseFields,
	refusalText,
	wordFields,
	type ServiceResult
} from '../service-result';
import { isIsoDate } from '../../domain/dates';
import { defaultWindowForNewPeriod, surveyWindowConflict } from '../survey/survey-window.service';
import { transactionUnlessTaken } from '../db/transaction';

/** An empty survey date means "the default" (docs/rules.md §8.6): after the latest existing window. */
export interface NewPeriodInput extends PeriodSettings {
	code: string;
	instrumentCode: string;
}

/** A period covers every unit active now, each with the category it has at this moment. */
export async function createPeriod(
	db: Db,
	input: NewPeriodInput,
	actorId: number | null,
	now: Date
): Promise<ServiceResult<Period>> {
	const code = input.code.trim();
	if (isIsoDate(input.startsOn) && isIsoDate(input.endsOn) && (!input.surveyFrom || !input.surveyTo)) {
		const fallback = await defaultWindowForNewPeriod(db, input);
		input = {
			...input,
			surveyFrom: input.surveyFrom || fallback.from,
			surveyTo: input.surveyTo || fallback.to
		};
	}
	const errors = wordFields(checkPeriodSettings(input));
	if (!PERIOD_CODE.test(code)) errors.code = refusalText('srv_period_code_format');
	const instrumentId = await findInstrumentIdByCode(db, input.instrumentCode);
	if (instrumentId === null)
		errors.instrument = refusalText('srv_instrument_unknown', { code: input.instrumentCode });
	if (Object.keys(errors).length) return refuseFields(400, errors);
	const taken = refuseField(409, 'code', 'srv_period_code_taken', { code });
	if (await findPeriodByCode(db, code)) return taken;
	const overlap = await surveyWindowConflict(db, { from: input.surveyFrom, to: input.surveyTo }, null);
	if (overlap) return refuseFields(409, { survey_from: overlap });
	// A double-clicked "create" passes the check above twice: the UNIQUE code refuses the second
	// insert, which transactionUnlessTaken answers as taken (409).
	const created = await transactionUnlessTaken(
		db,
		async (trx) => {
			const id = await insertPeriod(
				trx,
				{
					code,
					name: input.name.trim(),
					instrumentId: instrumentId!,
					startsOn: input.startsOn,
					endsOn: input.endsOn
				},
				now
			);
			await updatePeriodSettings(trx, id, { ...input, name: input.name.trim() }, now);
			const units = await addActiveUnitsToPeriod(trx, id);
			await auditTrail(trx, actorId, now).record('create', 'period', code, {
				instrument: input.instrumentCode,
				units
			});
			return true;
		},
		false
	);
	if (!created) return taken;
	return { ok: true, value: (await findPeriodByCode(db, code))! };
}

export async function editPeriodSettings(
	db: Db,
	code: string,
	settings: PeriodSettings,
	actorId: number,
	now: Date
): Promise<ServiceResult<Period>> {
	const period = await findPeriodByCode(db, code);
	if (!period) return refuse(404, 'srv_period_not_found');
	if (!settingsEditable(period.status))
		return refuse(409, 'srv_period_settings_draft_only', { status: periodStatusLabel(period.status) });
	const errors = wordFields(checkPeriodSettings(settings));
	if (Object.keys(errors).length) return refuseFields(400, errors);
	// Only a changed window is checked, so settings saved before this rule keep saving.
	if (settings.surveyFrom !== period.surveyFrom || settings.surveyTo !== period.surveyTo) {
		const overlap = await surveyWindowConflict(
			db,
			{ from: settings.surveyFrom, to: settings.surveyTo },
			period.id
		);
		if (overlap) return refuseFields(409, { survey_from: overlap });
	}
	await db.transaction().execute(async (trx) => {
		await updatePeriodSettings(trx, period.id, { ...settings, name: settings.name.trim() }, now);
		await invalidatePeriodResults(trx, period.id);
		await auditTrail(trx, actorId, now).record('update_settings', 'period', code);
	});
	return { ok: true, value: (await findPeriodByCode(db, code))! };
}

/** Plain status changes; publishing (with its snapshot) is the publish service's job. */
export async function changePeriodStatus(
	db: Db,
	code: string,
	to: PeriodStatus,
	actorId: number,
	now: Date
): Promise<ServiceResult<PeriodStatus>> {
	const period = await findPeriodByCode(db, code);
	if (!period) return refuse(404, 'srv_period_not_found');
	if (to === 'published') return refuse(400, 'srv_publish_via_page');
	if (!canTransition(period.status, to))
		return refuse(409, 'srv_period_status_move', {
			from: periodStatusLabel(period.status),
			to: periodStatusLabel(to)
		});
	await db.transaction().execute(async (trx) => {
		await setPeriodStatus(trx, period.id, to, now);
		await invalidatePeriodResults(trx, period.id);
		await auditTrail(trx, actorId, now).record('status', 'period', code, { from: period.status, to });
	});
	return { ok: true, value: to };
}
