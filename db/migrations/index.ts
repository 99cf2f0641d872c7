import type { Migration } from 'kysely';
import * as createAccounts from './20261122_0001_create_accounts';
import * as createUnits from './20261122_0002_create_units';
import * as createInstruments from './20261122_0003_create_instruments';
import * as createPeriods from './20261122_0004_create_periods';
import * as createScoreSheets from './20261122_0005_create_score_sheets';
import * as createCoachingItems from './20261122_0006_create_coaching_items';
import * as createSurvey from './20261122_0007_create_survey';
import * as createAuditAndSettings from './20261122_0008_create_audit_and_settings';
import * as indexSurveyGuards from './20261122_1400_index_survey_guards';
import * as addPublicationPreflight from './20261129_1800_add_publication_preflight';
import * as createPasswordLink from './20261129_1815_create_password_link';
import * as createComplaint from './20261129_1830_create_complaint';
import * as createSyncReceipt from './20261129_1840_create_sync_receipt';
import * as addCalibration from './20261129_1900_add_calibration';
import * as createObjection from './20261129_1910_create_objection';
import * as createPeriodCorrection from './20261129_2110_create_period_correction';
import * as addSurveyEnumerator from './20261129_2140_add_survey_enumerator';
import * as addResultCacheClaim from './20261130_0140_add_result_cache_claim';
import * as createVisitTotal from './20261130_0420_create_visit_total';
import * as indexCategoryNameCase from './20261130_1200_index_category_name_case';
import * as addSyncReceiptRequestHash from './20261201_0100_add_sync_receipt_request_hash';
import * as unitVisitTotal from './20261201_1200_unit_visit_total';
import * as correctionBackupRows from './20261202_0900_correction_backup_rows';
import * as unitReviewFigure from './20261203_0900_unit_review_figure';

// Static list so that migrations run the same under tsx, vitest and the built server.
// Add new migrations at the end; the keys sort in the order they apply.
export const migrations: Record<string, Migration> = {
	'20261122_0001_create_accounts': createAccounts,
	'20261122_0002_create_units': createUnits,
	'20261122_0003_create_instruments': createInstruments,
	'20261122_0004_create_periods': createPeriods,
	'20261122_0005_create_score_sheets': createScoreSheets,
	'20261122_0006_create_coaching_items': createCoachingItems,
	'20261122_0007_create_survey': createSurvey,
	'20261122_0008_create_audit_and_settings': createAuditAndSettings,
	'20261122_1400_index_survey_guards': indexSurveyGuards,
	'20261129_1800_add_publication_preflight': addPublicationPreflight,
	'20261129_1815_create_password_link': createPasswordLink,
	'20261129_1830_create_complaint': createComplaint,
	'20261129_1840_create_sync_receipt': createSyncReceipt,
	'20261129_1900_add_calibration': addCalibration,
	'20261129_1910_create_objection': createObjection,
	'20261129_2110_create_period_correction': createPeriodCorrection,
	'20261129_2140_add_survey_enumerator': addSurveyEnumerator,
	'20261130_0140_add_result_cache_claim': addResultCacheClaim,
	'20261130_0420_create_visit_total': createVisitTotal,
	'20261130_1200_index_category_name_case': indexCategoryNameCase,
	'20261201_0100_add_sync_receipt_request_hash': addSyncReceiptRequestHash,
	'20261201_1200_unit_visit_total': unitVisitTotal,
	'20261202_0900_correction_backup_rows': correctionBackupRows,
	'20261203_0900_unit_review_figure': unitReviewFigure
};
