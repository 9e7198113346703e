/**
 * What cluster tests check replicas against: the PostgreSQL log of record read directly (not
 * through any server), the Yjs state it rebuilds, and writers bursting edits at one board from
 * several nodes. The cluster's DATABASE_URL carries its schema on the search path.
 */
import pg from 'pg';
import * as Y from 'yjs';
import { addPin, movePin } from '../../src/lib/model/pin-operations';
import type { YjsClient } from './yjs-client';

export interface LogRow {
	seq: number;
	data: Uint8Array;
}

export interface KeyframeRow {
	seq: number;
	state: Uint8Array;
}

async function query<T extends pg.QueryResultRow>(databaseUrl: string, sql: string, values: unknown[]): Promise<T[]> {
	const client = new pg.Client({ connectionString: databaseUrl });
	await client.connect();
	try {
		return (await client.query<T>(sql, values)).rows;
	} finally {
		await client.end();
	}
}

/** Every logged update of a board, in seq order. */
export async function readLog(databaseUrl: string, boardId: string): Promise<LogRow[]> {
	const rows = await query<{ seq: string; data: Buffer }>(databaseUrl, 'SELECT seq, data FROM updates WHERE board_id = $1 ORDER BY seq', [boardId]);
	return rows.map((row) => ({ seq: Number(row.seq), data: new Uint8Array(row.data) }));
}

/** Every keyframe of a board, in seq order. */
export async function readKeyframes(databaseUrl: string, boardId: string): Promise<KeyframeRow[]> {
	const rows = await query<{ seq: string; state: Buffer }>(databaseUrl, 'SELECT seq, state FROM keyframes WHERE board_id = $1 ORDER BY seq', [boardId]);
	return rows.map((row) => ({ seq: Number(row.seq), state: new Uint8Array(row.state) }));
}

/** The document the log builds up to `upTo` (every seq ≤ it), applied in seq order. */
export function docFromLog(log: readonly LogRow[], upTo = Infinity): Y.Doc {
	const doc = new Y.Doc();
	for (const row of log) if (row.seq <= upTo) Y.applyUpdate(doc, row.data);
	return doc;
}

/** 1..n: what a dense log's seqs must be. */
export const dense = (count: number) => Array.from({ length: count }, (_, index) => index + 1);

/** Whether `doc` holds every struct `wanted` names (client → clock). */
export function holds(doc: Y.Doc, wanted: Map<number, number>): boolean {
	const has = Y.decodeStateVector(Y.encodeStateVector(doc));
	return [...wanted].every(([client, clock]) => (has.get(client) ?? 0) >= clock);
}

export const stateVector = (doc: Y.Doc) => Y.decodeStateVector(Y.encodeStateVector(doc));

/** Each writer's own edits: its client id and how far its clock got. */
export function ownEdits(writers: readonly YjsClient[]): Map<number, number> {
	return new Map(writers.map((writer) => [writer.doc.clientID, stateVector(writer.doc).get(writer.doc.clientID) ?? 0]));
}

/** A shared pin every writer will move, so their edits conflict and Yjs has to pick. */
export function sharedPin(writer: YjsClient): string {
	return addPin(writer.doc, { name: 'Contested crossing', lat: 49.5, lng: 37.5 }, { actor: 'setup' });
}

/** One small edit: every fifth adds a pin of the writer's own, the others move the shared pin. */
export function edit(writer: YjsClient, index: number, step: number, pinId: string): void {
	const actor = `writer-${index}`;
	if (step % 5 === 0) addPin(writer.doc, { name: `${actor} #${step}`, lat: 48 + index, lng: 36 + (step % 100) / 100 }, { actor });
	else movePin(writer.doc, pinId, 49 + index / 10, 37 + step / 1000, { actor });
}

/**
 * Writers edit in turns, `edits` each, as fast as they can: a yield to the event loop every few
 * rounds (not a sleep) lets the sockets write, so the nodes take the bursts concurrently.
 * `during(step)` runs between rounds (a test kills a node there).
 */
export async function burst(
	writers: () => readonly YjsClient[],
	edits: number,
	pinId: string,
	during: (step: number) => Promise<void> | void = () => undefined
): Promise<void> {
	for (let step = 0; step < edits; step++) {
		writers().forEach((writer, index) => edit(writer, index, step, pinId));
		if (step % 5 === 4) await new Promise((resolve) => setImmediate(resolve));
		await during(step);
	}
}
