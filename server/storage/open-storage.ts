/**
 * The one place the server picks its storage backend: PostgreSQL when DATABASE_URL is set (the
 * log of record for several server processes), otherwise the SQLite file in DATA_DIR, exactly as
 * before. Both implement the same ServerStorage and pass the same contract suite.
 */
import type { ServerConfig } from '../config';
import type { Logger } from '../logger';
import { describePostgresUrl, openPostgresStorage } from './postgres-storage';
import { openSqliteStorage } from './sqlite-storage';
import type { ServerStorage } from './storage';

export async function openStorage(config: Pick<ServerConfig, 'dataDir' | 'database'>, logger: Logger): Promise<ServerStorage> {
	if (!config.database) return openSqliteStorage(config.dataDir);
	return openPostgresStorage(config.database, (error) => logger.warn(`PostgreSQL connection lost: ${error.message}`));
}

/** Where the boards are kept, for the start-up line: never a password. */
export function describeStorage(config: Pick<ServerConfig, 'dataDir' | 'database'>): string {
	return config.database ? `PostgreSQL at ${describePostgresUrl(config.database.url)}` : config.dataDir;
}
