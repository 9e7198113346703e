/**
 * `npm run migrate -- --from ./data --to postgres://… [--replace]`: copies every board of an
 * SQLite data folder into PostgreSQL (server/storage/board-migration.ts) and prints, per board,
 * the counts on each side and the hash of the state each side's log rebuilds. Exit 0 only if
 * every board was copied and matched; 1 if any was refused, mismatched or failed; 2 on bad usage.
 * Stop the SQLite server first: edits made after a board is read are not copied.
 */
import { DATABASE_DEFAULTS, readConfig } from './config';
import { migrateSqliteToPostgres, type BoardMigration } from './storage/board-migration';
import { describePostgresUrl } from './storage/postgres-storage';

const USAGE = 'usage: npm run migrate -- --from <SQLite DATA_DIR> --to <postgres://user:password@host:5432/database> [--replace]';

function parseArguments(argv: string[]): { from: string; to: string; replace: boolean } {
	let from: string | undefined;
	let to: string | undefined;
	let replace = false;
	for (let index = 0; index < argv.length; index++) {
		const argument = argv[index];
		if (argument === '--from') from = argv[++index];
		else if (argument === '--to') to = argv[++index];
		else if (argument === '--replace') replace = true;
		else throw new Error(`unknown argument "${argument}"`);
	}
	if (!from || !to) throw new Error('--from and --to are both needed');
	return { from, to, replace };
}

const short = (hash: string | null) => (hash ? hash.slice(0, 16) : '-');

function describe(result: BoardMigration): string {
	const { source, target } = result;
	const pair = (key: keyof typeof source) => `${key} ${source[key]}/${target ? target[key] : '-'}`;
	const verdict = { copied: 'match', mismatch: 'MISMATCH', refused: 'REFUSED', failed: 'FAILED' }[result.outcome];
	const counts = ['updates', 'keyframes', 'tokens', 'alerts', 'receipts'].map((key) => pair(key as keyof typeof source)).join('  ');
	const line = `${result.id}  ${counts}  state ${short(result.sourceHash)}/${short(result.targetHash)}  ${verdict}`;
	return result.reason ? `${line}: ${result.reason}` : line;
}

let options: ReturnType<typeof parseArguments>;
let url: string;
try {
	options = parseArguments(process.argv.slice(2));
	// The same check the server makes of DATABASE_URL, so a typo is named the same way.
	url = readConfig({ DATABASE_URL: options.to }).database!.url;
} catch (error) {
	console.error(`${(error as Error).message.replace('DATABASE_URL', '--to')}\n${USAGE}`);
	process.exit(2);
}
try {
	console.log(`Migrating ${options.from} to PostgreSQL at ${describePostgresUrl(url)}  (counts: source/target)`);
	const results = await migrateSqliteToPostgres({
		from: options.from,
		to: { ...DATABASE_DEFAULTS, url, statementTimeoutMs: 10 * 60_000, poolSize: 1 },
		replace: options.replace,
		onBoard: (result) => console.log(describe(result))
	});
	const bad = results.filter((result) => result.outcome !== 'copied');
	const updates = results.filter((result) => result.outcome === 'copied').reduce((sum, result) => sum + result.source.updates, 0);
	console.log(`${results.length - bad.length} of ${results.length} boards copied and verified (${updates} updates)${bad.length ? `; ${bad.length} not: see above` : ''}.`);
	process.exit(bad.length === 0 ? 0 : 1);
} catch (error) {
	console.error(`Migration failed: ${(error as Error).message}`);
	process.exit(1);
}
