import { accessSync, constants, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ConfigError, readConfig, type AppConfig, type Env } from './config';

// What `npm start` checks before it serves: the values (config.ts) and the folders they name.
// A folder that is missing is created, as the server would on first use; one that cannot be
// written stops the start instead of failing the first upload or backup hours later.
function writableFolderProblem(name: string, value: string, folder: string): string | null {
	try {
		mkdirSync(folder, { recursive: true });
		accessSync(folder, constants.W_OK);
		return null;
	} catch (e) {
		const reason = (e as NodeJS.ErrnoException).code ?? 'tidak dapat ditulis';
		return `${name}=${JSON.stringify(value)}: folder ${resolve(folder)} tidak dapat ditulis (${reason})`;
	}
}

export function folderProblems(config: AppConfig): string[] {
	const checks: [string, string, string][] = [
		['UPLOAD_DIR', config.uploadDir, config.uploadDir],
		['DATABASE_PATH', config.databasePath, dirname(config.databasePath)],
		// also with BACKUP_EVERY=off: an upgrade backs up here before migrating
		['BACKUP_DIR', config.backupDir, config.backupDir]
	];
	return checks
		.map(([name, value, folder]) => writableFolderProblem(name, value, folder))
		.filter((p) => p !== null);
}

/** The configuration for serving: values and folders checked; throws ConfigError with every problem. */
export function readStartupConfig(env?: Env): AppConfig {
	const config = readConfig(env);
	const problems = folderProblems(config);
	if (problems.length) throw new ConfigError(problems);
	return config;
}

/**
 * The variables adapter-node reads itself (its README: PORT, HOST, ORIGIN, BODY_SIZE_LIMIT,
 * ADDRESS_HEADER, XFF_DEPTH) plus TZ for Node's dates, as validated values: scripts/start.js puts
 * them into the environment of the process before the built server loads.
 */
export function serverEnvironment(config: AppConfig): Record<string, string> {
	const env: Record<string, string> = {
		PORT: String(config.port),
		HOST: config.host,
		ORIGIN: config.origin,
		BODY_SIZE_LIMIT: config.bodySizeLimit,
		TZ: config.timeZone
	};
	if (config.addressHeader) {
		env.ADDRESS_HEADER = config.addressHeader;
		env.XFF_DEPTH = String(config.xffDepth);
	}
	return env;
}
