/**
 * Memory at rest, the figure a host pays per deployed server before anyone watches: each server
 * started fresh, read from /proc after it settled. Ours twice — with no board open, and with the
 * demo board loaded (seeded and joined by one real provider, so its room, document and history
 * are in memory). Median of a few starts. Issue 17's targets: ≤ 90 MB idle, ≤ 110 MB with the demo.
 */
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { DEMO_BOARD_ID } from '../src/lib/protocol/boards';
import { FLOOR, type BenchConfig } from './config';
import type { ServerKind } from './load/messages';
import { rssBytes } from './metrics/proc';
import { median } from './metrics/stats';
import { startServer } from './servers/launch';

/** Long enough for start-up garbage to be collected and lazy modules to load. */
const SETTLE_MS = 1_500;
const JOIN_TIMEOUT_MS = 20_000;
const MB = 1024 * 1024;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function settledRss(kind: ServerKind, env: Record<string, string>, loadDemo: boolean): Promise<number | null> {
	// Ours with no board created: creating one loads it (and its keyframe thread) for ROOM_IDLE_MS.
	const server = await startServer(kind, 'bench-memory', env, { withBoard: false });
	try {
		if (loadDemo) await joinDemo(server.target.serverUrl);
		await sleep(SETTLE_MS);
		return rssBytes(server.pid);
	} finally {
		await server.stop();
	}
}

/** One stock provider joins the demo board and syncs: the server now holds it, then it leaves. */
async function joinDemo(serverUrl: string): Promise<void> {
	const doc = new Y.Doc();
	const provider = new WebsocketProvider(serverUrl, DEMO_BOARD_ID, doc, { WebSocketPolyfill: WebSocket as never, disableBc: true });
	try {
		await new Promise<void>((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error('the demo board did not sync')), JOIN_TIMEOUT_MS);
			provider.on('sync', (synced: boolean) => {
				if (!synced) return;
				clearTimeout(timer);
				resolve();
			});
		});
	} finally {
		provider.destroy();
		doc.destroy();
	}
}

export interface MemoryRow {
	server: string;
	/** Bytes, median over starts. */
	idle: number | null;
	withDemo: number | null;
}

export async function measureMemory(config: BenchConfig): Promise<MemoryRow[]> {
	const starts = config.quick ? 1 : 3;
	const rows: MemoryRow[] = [];
	for (const kind of config.servers.filter((k) => k !== FLOOR)) {
		const idle: (number | null)[] = [];
		const withDemo: (number | null)[] = [];
		for (let i = 0; i < starts; i++) {
			idle.push(await settledRss(kind, { SEED_DEMO: 'false' }, false));
			if (kind === 'ours') withDemo.push(await settledRss(kind, { SEED_DEMO: 'true' }, true));
		}
		rows.push({ server: kind, idle: median(idle), withDemo: kind === 'ours' ? median(withDemo) : null });
	}
	return rows;
}

const mb = (value: number | null) => (value === null ? '–' : `${(value / MB).toFixed(0)} MB`);

export function memorySection(rows: MemoryRow[]): string {
	const ours = rows.find((row) => row.server === 'ours');
	const verdict = (value: number | null | undefined, limit: number) => (value == null ? 'not measured' : value <= limit * MB ? '**met**' : 'missed');
	return [
		'| server | RSS idle, no board | RSS with the demo board loaded |',
		'| --- | --- | --- |',
		...rows.map((row) => `| ${row.server} | ${mb(row.idle)} | ${row.server === 'ours' ? mb(row.withDemo) : 'n/a'} |`),
		'',
		`Targets: ours idle ≤ 90 MB — ${verdict(ours?.idle, 90)}; with the demo board ≤ 110 MB — ${verdict(ours?.withDemo, 110)}.`,
		`Each server started fresh and read ${SETTLE_MS / 1000} s after it listened (ours with the demo: after one provider synced it); median of the starts.`
	].join('\n');
}
