import type { RequestHandler } from './$types';
import { postSheetJson } from '../sheet-answer';

// Submission from the outbox of an offline device (JSON, like the autosave): the server checks
// docs/rules.md §4.1 again and its answer is shown on the device.
export const POST: RequestHandler = (event) => postSheetJson(event, 'submit');
