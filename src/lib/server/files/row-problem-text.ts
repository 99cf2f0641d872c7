import type { RowProblem } from '../../domain/import/row-problem';
import { refusalText, type RefusalCode } from '../service-result';
import { submissionProblemText } from '../survey/submission-problem-text';

// The words of an imported row's problem (domain/import/row-problem.ts) in the request's
// language, "baris 4: ..." / "row 4: ...": every reason code is a message of
// messages/import-rows; outside a request (the command line) Paraglide answers in Indonesian.
// A paper questionnaire's answer problem is worded by field and problem (srv_submission_*);
// line 0 is the whole file and has no "line N:".

export function rowProblemText(p: RowProblem): string {
	const reason = rowReasonText(p);
	return p.line > 0 ? refusalText('srv_row_line', { line: p.line, reason }) : reason;
}

function rowReasonText(p: RowProblem): string {
	if (p.code === 'srv_row_paper_field') return submissionProblemText(p.params.field, p.params.problem);
	// Assigning the domain's code to RefusalCode lets TypeScript check that each one has its words.
	const code: RefusalCode = p.code;
	return (refusalText as (c: RefusalCode, params: object) => string)(code, p.params);
}
