import type { RequestHandler } from './$types';
import { postSheetJson } from '../sheet-answer';

// Autosave of the score sheet (JSON): the browser sends the whole sheet and the version it edited.
export const POST: RequestHandler = (event) => postSheetJson(event, 'save');
