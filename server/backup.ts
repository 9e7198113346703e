/**
 * `npm run backup -- <file>`: a consistent copy of the server's SQLite database (DATA_DIR, as the
 * server reads it) while it runs; docs/operations.md shows restoring one. Exit 1 with the reason on
 * any failure, so a cron job notices.
 */
import { readConfig } from './config';
import { backupDatabase } from './storage/sqlite-backup';

const target = process.argv[2];
if (!target) {
	console.error('usage: npm run backup -- <file>   (a new file; DATA_DIR names the database, as for the server)');
	process.exit(2);
}
try {
	const config = readConfig();
	if (config.database) throw new Error('DATABASE_URL is set: this server keeps its boards in PostgreSQL; back that up with pg_dump (docs/deploy.md)');
	const result = await backupDatabase(config.dataDir, target);
	const megabytes = (result.bytes / 1024 / 1024).toFixed(1);
	console.log(`Backed up ${config.dataDir} to ${result.file}: ${result.boards} boards, ${result.updates} updates, ${megabytes} MB.`);
} catch (error) {
	console.error(`Backup failed: ${(error as Error).message}`);
	process.exit(1);
}
