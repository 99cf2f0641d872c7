import type { RowProblem } from '../../domain/import/row-problem';
import { refusalText, type RefusalCode } from '../service-result';

// The words of an imported row's problem (domain/import/row-problem.ts) in the request's
// language, "baris 4: ..." / "row 4: ...": every reason code is a message of
// messages/import-rows; outside a request (the command line) Paraglide answers in Indonesian.

export function rowProblemText(p: RowProblem): string {
	// Assigning the domain's code to RefusalCode lets TypeScript check that each one has its words.
	const code: RefusalCode = p.code;
	const reason = (refusalText as (c: RefusalCode, params: object) => string)(code, p.params);
	return refusalText('srv_row_line', { line: p.line, reason });
}
