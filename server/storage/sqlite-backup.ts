/**
 * A consistent copy of the SQLite file while the server runs, with SQLite's online backup API.
 * The whole database is copied in one step, so under one read transaction: in WAL mode the server
 * keeps appending meanwhile, and the copy is the database as of one moment (small steps would
 * restart whenever the server writes, and under a steady stream of edits might never finish).
 * Written beside the target and renamed into place, so a failed or interrupted backup leaves no
 * half file under the name asked for.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { DATABASE_FILE } from './sqlite-storage';

/** SQLite's page count for "everything in one step" (better-sqlite3 caps the step at this). */
const ALL_PAGES = 0x7fffffff;

export interface BackupResult {
	file: string;
	bytes: number;
	boards: number;
	/** Updates in the copy, over all boards. */
	updates: number;
}

export async function backupDatabase(dataDir: string, target: string): Promise<BackupResult> {
	const source = path.join(dataDir, DATABASE_FILE);
	const file = path.resolve(target);
	if (!fs.existsSync(source)) throw new Error(`no database at ${source} (is DATA_DIR the server's?)`);
	if (fs.existsSync(file)) throw new Error(`${file} exists; a backup never overwrites (choose a new name)`);
	if (!fs.existsSync(path.dirname(file))) throw new Error(`the folder ${path.dirname(file)} does not exist`);
	const partial = `${file}.partial-${process.pid}`;
	const db = new Database(source, { fileMustExist: true });
	try {
		await db.backup(partial, { progress: () => ALL_PAGES });
	} catch (error) {
		fs.rmSync(partial, { force: true });
		throw error;
	} finally {
		db.close();
	}
	const copy = new Database(partial, { readonly: true });
	const counts = copy.prepare<[], { boards: number; updates: number }>('SELECT (SELECT COUNT(*) FROM boards) AS boards, (SELECT COUNT(*) FROM updates) AS updates').get()!;
	copy.close();
	fs.renameSync(partial, file);
	return { file, bytes: fs.statSync(file).size, ...counts };
}
