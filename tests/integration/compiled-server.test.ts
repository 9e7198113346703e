/**
 * [P1] `npm start` runs the compiled server (build/node-server/, written by `npm run build`) on
 * plain node: no TypeScript loader in the process, in the main thread or the keyframe worker, and
 * the worker really runs compiled (it writes keyframes).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { addPin } from '../../src/lib/model/pin-operations';
import { DATABASE_FILE } from '../../server/storage/sqlite-storage';
import { createBoard } from '../helpers/http';
import { startServer, type ServerProcess } from '../helpers/server-process';
import { waitFor } from '../helpers/wait-for';
import { connectSynced } from '../helpers/yjs-client';

const BUILD_DIR = path.resolve('build/node-server');
const traceFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sb-trace-')), 'modules.txt');
const isLoader = (specifier: string) => /(^|\/)tsx(\/|$)|\.m?tsx?$/.test(specifier);

let server: ServerProcess | undefined;
afterAll(async () => {
	await server?.stop();
	fs.rmSync(path.dirname(traceFile), { recursive: true, force: true });
});

describe('the compiled server', () => {
	it('[P1] imports no loader and no TypeScript: every import of its outputs is a package or a builtin', () => {
		const meta = JSON.parse(fs.readFileSync(path.join(BUILD_DIR, 'meta.json'), 'utf8')) as {
			outputs: Record<string, { entryPoint?: string; imports: { path: string; external?: boolean }[] }>;
		};
		const entries = Object.entries(meta.outputs).filter(([, output]) => output.entryPoint);
		expect(entries.map(([file]) => path.basename(file)).sort()).toEqual(['index.mjs', 'keyframe-worker-entry.mjs']);
		const imports = entries.flatMap(([, output]) => output.imports);
		expect(imports.every((entry) => entry.external)).toBe(true);
		expect(imports.filter((entry) => isLoader(entry.path))).toEqual([]);
	});

	it('[P1] runs on plain node: nothing it resolves is tsx or a .ts file, nor the PostgreSQL driver or the Redis client on one SQLite process, and its worker writes keyframes', async () => {
		server = await startServer({
			compiled: true,
			nodeOptions: ['--import', path.resolve('tests/helpers/module-trace.mjs')],
			env: { MODULE_TRACE_FILE: traceFile, KEYFRAME_INTERVAL: '5', KEYFRAME_MAX_INTERVAL: '10' }
		});
		const { id } = await createBoard(server.url, 'Compiled');
		const writer = await connectSynced(server.wsUrl, id, 'writer');
		const db = new Database(path.join(server.dataDir, DATABASE_FILE), { readonly: true });
		const logged = db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM updates WHERE board_id = ?');
		const keyframes = db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM keyframes WHERE board_id = ?');
		for (let round = 0; round < 3; round++) {
			for (let i = 0; i < 5; i++) addPin(writer.doc, { name: `p${round}-${i}`, lat: 48 + i / 100, lng: 37 + round / 100 });
			await waitFor(() => logged.get(id)!.n >= (round + 1) * 5, { what: `round ${round} to be logged` });
		}
		await waitFor(() => keyframes.get(id)!.n >= 1, { what: 'the compiled worker to write a keyframe', timeoutMs: 20_000 });
		db.close();
		writer.destroy();

		const resolved = fs.readFileSync(traceFile, 'utf8').trim().split('\n');
		expect(resolved).toContain(`file://${path.join(BUILD_DIR, 'index.mjs')}`);
		expect(resolved.filter((url) => url.startsWith('file:') && isLoader(new URL(url).pathname))).toEqual([]);
		// A server on SQLite does not carry the PostgreSQL driver (~16 MB) nor, outside cluster mode,
		// the Redis client and socket.io's Redis adapter: it has no use for them.
		expect(resolved.filter((url) => /\/node_modules\/pg(-[a-z]+)?\//.test(url))).toEqual([]);
		expect(resolved.filter((url) => /\/node_modules\/(ioredis|@socket\.io\/redis-adapter)\//.test(url))).toEqual([]);
		expect(server.log()).not.toMatch(/keyframe worker stopped/);
	});
});
