/**
 * [P4] `GET /metrics` on a real server under a small load — stock y-websocket clients editing one
 * board, one sending what the protocol refuses: the answer parses as Prometheus text and the named
 * series move. Without METRICS_TOKEN the path is 404; without the token, 401. [P5] LOG_FORMAT=json
 * makes every log line a JSON object.
 */
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOSE_CODES } from '../../src/lib/protocol/close-codes';
import { YJS_PATH } from '../../src/lib/protocol/endpoints';
import { addPin } from '../../src/lib/model/pin-operations';
import { METRICS_PATH } from '../../server/http/metrics-route';
import { METRIC_PREFIX } from '../../server/metrics/prometheus-metrics';
import { createBoard } from '../helpers/http';
import { parsePrometheusText, type Exposition } from '../helpers/prometheus-text';
import { startServer, type ServerProcess } from '../helpers/server-process';
import { waitFor } from '../helpers/wait-for';
import { connectSynced, type YjsClient } from '../helpers/yjs-client';

const TOKEN = 'metrics-token-for-tests-0123456789';
const WRITERS = 3;
const PINS_PER_WRITER = 12;
const series = (suffix: string) => `${METRIC_PREFIX}${suffix}`;

let server: ServerProcess;
let clients: YjsClient[] = [];
beforeAll(async () => {
	server = await startServer({ env: { METRICS_TOKEN: TOKEN, LOG_FORMAT: 'json', KEYFRAME_INTERVAL: '5', KEYFRAME_MAX_INTERVAL: '10' } });
});
afterAll(async () => {
	for (const client of clients) client.destroy();
	await server?.stop();
});

const get = (url: string, headers: Record<string, string> = {}) => fetch(`${url}${METRICS_PATH}`, { headers });
async function scrape(): Promise<Exposition> {
	const response = await get(server.url, { authorization: `Bearer ${TOKEN}` });
	expect(response.status).toBe(200);
	expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
	return parsePrometheusText(await response.text());
}

/** Sends a text frame, which y-websocket never sends: the server refuses it (4400). */
async function sendRefusedFrame(boardId: string): Promise<number> {
	const ws = new WebSocket(`${server.wsUrl}${YJS_PATH}/${boardId}`);
	await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
	ws.send('not a y-websocket message');
	return new Promise((resolve) => ws.once('close', (code) => resolve(code)));
}

describe('metrics', () => {
	it('[P4] refuses a scrape without the token (401) and answers only GET', async () => {
		expect((await get(server.url)).status).toBe(401);
		expect((await get(server.url, { authorization: 'Bearer wrong-token-wrong-token' })).status).toBe(401);
		expect((await get(server.url, { authorization: 'Basic abc' })).status).toBe(401);
		expect((await get(server.url)).headers.get('www-authenticate')).toBe('Bearer');
		const post = await fetch(`${server.url}${METRICS_PATH}`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` } });
		expect(post.status).toBe(405);
	});

	it('[P4] is Prometheus text whose series move under a small load', async () => {
		const before = await scrape();
		expect(before.types.get(series('log_append_seconds'))).toBe('histogram');
		const { id } = await createBoard(server.url, 'Metrics');
		clients = await Promise.all(Array.from({ length: WRITERS }, (_, i) => connectSynced(server.wsUrl, id, `writer-${i}`)));
		for (let round = 0; round < PINS_PER_WRITER; round++) {
			clients.forEach((client, i) => addPin(client.doc, { name: `p${i}-${round}`, lat: 48 + round / 100, lng: 37 + i / 100 }));
		}
		const edits = WRITERS * PINS_PER_WRITER;
		expect(await sendRefusedFrame(id)).toBe(CLOSE_CODES.malformed);

		const after = await waitFor(
			async () => {
				const exposition = await scrape();
				const keyframes = exposition.value(series('keyframes_written_total')) ?? 0;
				return (exposition.value(series('updates_accepted_total')) ?? 0) >= edits && keyframes >= 1 ? exposition : null;
			},
			{ what: 'the edits to be logged and a keyframe written', timeoutMs: 20_000 }
		);
		const grew = (name: string, labels?: Record<string, string>) => (after.value(name, labels) ?? 0) - (before.value(name, labels) ?? 0);
		expect(after.value(series('connections'), { plane: 'yjs' })).toBe(WRITERS);
		expect(after.value(series('boards_loaded'))).toBeGreaterThanOrEqual(1);
		expect(grew(series('messages_refused_total'), { code: String(CLOSE_CODES.malformed) })).toBe(1);
		expect(grew(series('log_append_seconds_count'))).toBeGreaterThan(0);
		expect(grew(series('broadcast_seconds_count'))).toBeGreaterThan(0);
		expect(after.value(series('log_append_seconds_bucket'), { le: '+Inf' })).toBe(after.value(series('log_append_seconds_count')));
		expect(grew(series('received_bytes_total'))).toBeGreaterThan(0);
		expect(grew(series('sent_bytes_total'))).toBeGreaterThan(0);
		expect(after.value('nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
		expect(after.value('process_resident_memory_bytes')).toBeGreaterThan(0);
	});

	it('[P5] with LOG_FORMAT=json every log line is a JSON object with a level and a message', () => {
		const lines = server.log().split('\n').filter((line) => line !== '');
		expect(lines.length).toBeGreaterThan(0);
		for (const line of lines) {
			const entry = JSON.parse(line) as { level: number; levelLabel: string; time: string; msg: string };
			expect(typeof entry.msg).toBe('string');
			expect(['info', 'warn']).toContain(entry.levelLabel);
			expect(Number.isNaN(Date.parse(entry.time))).toBe(false);
		}
		expect(lines.some((line) => line.includes('listening on'))).toBe(true);
	});

	it('[P4] is off without METRICS_TOKEN: /metrics is 404', async () => {
		const plain = await startServer();
		try {
			expect((await get(plain.url, { authorization: `Bearer ${TOKEN}` })).status).toBe(404);
		} finally {
			await plain.stop();
		}
	});
});
