import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { listEnumeratorUnits } from '$lib/server/enumerators/enumerator.repository';
import { krejcieMorganSample } from '$lib/domain/survey';

// An enumerator sees only their own questionnaires per unit against the unit's target (README
// "Survey enumerators"), never the IKM or other channels.
export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'enumerator');
	const units = await listEnumeratorUnits(getDb(), user.id);
	return {
		units: units.map((u) => ({
			periodCode: u.periodCode,
			periodName: u.periodName,
			surveyFrom: u.surveyFrom,
			surveyTo: u.surveyTo,
			unitCode: u.unitCode,
			unitName: u.unitName,
			category: u.category,
			target: u.yearlyServiceUsers ? krejcieMorganSample(u.yearlyServiceUsers) : null,
			entered: u.entered
		}))
	};
};
