/**
 * `npm run migrate`: copies every board of an SQLite data folder into PostgreSQL, one transaction
 * per board, and proves each copy before committing it: the counts of log entries, keyframes,
 * tokens, alerts and receipts read back from PostgreSQL, and the hash of the state each side's log
 * rebuilds (log-state-hash.ts), must equal the source's — otherwise the board is rolled back and
 * reported as a MISMATCH. A board the target already holds is refused unless `replace`.
 */
import { openPostgresPool, inTransaction, type PostgresSettings } from './postgres-pool';
import { migratePostgres } from './postgres-schema';
import { boardIsInPostgres, countBoardInPostgres, deleteBoardFromPostgres, insertBoardIntoPostgres, logInPostgres, type BoardCounts } from './postgres-import';
import { logStateHash } from './log-state-hash';
import { openSqliteExport, type BoardDump } from './sqlite-export';

export interface BoardMigration {
	id: string;
	/** copied: committed and verified; refused: already in the target; mismatch: rolled back, the check failed; failed: rolled back on an error. */
	outcome: 'copied' | 'refused' | 'mismatch' | 'failed';
	source: BoardCounts;
	target: BoardCounts | null;
	sourceHash: string;
	targetHash: string | null;
	reason?: string;
}

export interface MigrationOptions {
	/** The SQLite server's DATA_DIR. */
	from: string;
	to: PostgresSettings;
	/** Replace boards the target already holds instead of refusing them. */
	replace: boolean;
	/** Called as each board is done, for progress lines. */
	onBoard?: (result: BoardMigration) => void;
}

const countsOf = (dump: BoardDump): BoardCounts => ({
	updates: dump.updates.length,
	keyframes: dump.keyframes.length,
	tokens: dump.tokens.length,
	alerts: dump.alerts.length,
	receipts: dump.alerts.reduce((sum, alert) => sum + alert.recipients.filter((recipient) => recipient.seen_at !== null).length, 0)
});

const sameCounts = (a: BoardCounts, b: BoardCounts) => (Object.keys(a) as (keyof BoardCounts)[]).every((key) => a[key] === b[key]);

/** Thrown inside the board's transaction so it rolls back, carrying what was found. */
class Refusal extends Error {
	constructor(
		readonly outcome: 'refused' | 'mismatch',
		message: string,
		readonly target: BoardCounts | null = null,
		readonly targetHash: string | null = null
	) {
		super(message);
	}
}

export async function migrateSqliteToPostgres(options: MigrationOptions): Promise<BoardMigration[]> {
	const source = openSqliteExport(options.from);
	const pool = await openPostgresPool(options.to, () => {});
	const results: BoardMigration[] = [];
	try {
		await migratePostgres(pool);
		for (const id of source.boardIds()) {
			const dump = source.readBoard(id);
			const counts = countsOf(dump);
			const sourceHash = await logStateHash(dump.updates.map((row) => row.data));
			const result: BoardMigration = { id, outcome: 'copied', source: counts, target: null, sourceHash, targetHash: null };
			try {
				await inTransaction(pool, async (client) => {
					if (await boardIsInPostgres(client, id)) {
						if (!options.replace) throw new Refusal('refused', 'the target already holds this board (--replace to overwrite it)');
						await deleteBoardFromPostgres(client, id);
					}
					await insertBoardIntoPostgres(client, dump);
					const target = await countBoardInPostgres(client, id);
					const targetHash = await logStateHash(logInPostgres(client, id));
					if (!sameCounts(counts, target) || targetHash !== sourceHash) {
						throw new Refusal('mismatch', 'what PostgreSQL holds differs from the source; rolled back', target, targetHash);
					}
					result.target = target;
					result.targetHash = targetHash;
				});
			} catch (error) {
				result.outcome = error instanceof Refusal ? error.outcome : 'failed';
				result.reason = (error as Error).message;
				if (error instanceof Refusal) Object.assign(result, { target: error.target, targetHash: error.targetHash });
			}
			results.push(result);
			options.onBoard?.(result);
		}
		return results;
	} finally {
		source.close();
		await pool.end();
	}
}
