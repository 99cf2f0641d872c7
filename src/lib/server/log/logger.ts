import { pino, type Logger } from 'pino';
import { readConfig } from '../config';

// One JSON line per event on stdout (README "Production": journald or any collector reads it).
// Paths below are censored wherever they appear, as a second guard: the request log itself only
// ever records the route id, never the URL, headers or body (survey tokens live in the URL).
export const REDACTED_PATHS = [
	'password',
	'*.password',
	'newPassword',
	'*.newPassword',
	'cookie',
	'*.cookie',
	'headers.cookie',
	'headers.authorization',
	'token',
	'*.token',
	'url',
	'*.url'
];

let instance: Logger | undefined;

/**
 * The process's logger, at LOG_LEVEL. Lines are written asynchronously: under load the lines of
 * several requests leave in one write instead of one blocking write each (a tenth of the CPU of a
 * survey submission, tests/bench/survey-results.md); pino writes what is pending when the process exits.
 */
export function logger(): Logger {
	instance ??= pino(
		{
			level: readConfig().logLevel,
			base: undefined,
			timestamp: pino.stdTimeFunctions.isoTime,
			redact: { paths: REDACTED_PATHS, censor: '[redacted]' }
		},
		pino.destination({ dest: 1, sync: false })
	);
	return instance;
}
