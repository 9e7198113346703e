/**
 * A stock `y-websocket` provider from npm, as a third-party Node client would use it. `ws` is the
 * WebSocket (Node 20 has none) and BroadcastChannel is off, so two clients in one process can only
 * meet through the server — otherwise a test would prove nothing about it.
 */
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { TOP_LEVEL_NAMES } from '../../src/lib/model/layout';
import { TOKEN_PARAM } from '../../src/lib/protocol/access';
import { ACTOR_PARAM, YJS_PATH } from '../../src/lib/protocol/endpoints';
import { waitFor } from './wait-for';

export interface YjsClient {
	doc: Y.Doc;
	provider: WebsocketProvider;
	/** Close codes the server sent, newest last. */
	closeCodes: number[];
	/** The reasons that came with them, in the same order. */
	closeReasons: string[];
	destroy(): void;
}

/** `doc`: a document the caller already has — a client moving to another server keeps its edits. */
export function connectYjs(wsUrl: string, boardId: string, actor = 'tester', options: { connect?: boolean; token?: string; doc?: Y.Doc } = {}): YjsClient {
	const doc = options.doc ?? new Y.Doc();
	const provider = new WebsocketProvider(`${wsUrl}${YJS_PATH}`, boardId, doc, {
		WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
		disableBc: true,
		connect: options.connect ?? true,
		params: options.token ? { [ACTOR_PARAM]: actor, [TOKEN_PARAM]: options.token } : { [ACTOR_PARAM]: actor }
	});
	const closeCodes: number[] = [];
	const closeReasons: string[] = [];
	provider.on('connection-close', (event) => {
		if (!event) return;
		closeCodes.push(event.code);
		closeReasons.push(event.reason);
	});
	return {
		doc,
		provider,
		closeCodes,
		closeReasons,
		destroy() {
			provider.destroy();
			doc.destroy();
		}
	};
}

export async function connectSynced(wsUrl: string, boardId: string, actor = 'tester', options: { token?: string } = {}): Promise<YjsClient> {
	const client = connectYjs(wsUrl, boardId, actor, options);
	await waitFor(() => client.provider.synced, { what: `${actor} to sync with ${boardId}` });
	return client;
}

/** The board's content as plain JSON, for comparing replicas. */
export function snapshot(doc: Y.Doc): Record<string, unknown> {
	return Object.fromEntries(TOP_LEVEL_NAMES.map((name) => [name, doc.getMap(name).toJSON()]));
}

/**
 * The content as a string with object keys sorted: two converged replicas can hold map keys in
 * different insertion orders, so plain JSON.stringify would call equal replicas different.
 */
export function canonical(doc: Y.Doc): string {
	return JSON.stringify(snapshot(doc), (_key, value: unknown) =>
		value && typeof value === 'object' && !Array.isArray(value)
			? Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
			: value
	);
}

/**
 * A bare WebSocket on a board's Yjs path, open and speaking nothing yet: for tests that write
 * frames by hand (floods, fake presences, sockets that stop reading). Later errors are ignored:
 * the server closing such a socket is often the point.
 */
export async function openRawYjsSocket(wsUrl: string, boardId: string, localAddress?: string): Promise<WebSocket> {
	const ws = new WebSocket(`${wsUrl}${YJS_PATH}/${boardId}`, { localAddress });
	await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
	ws.on('error', () => undefined);
	return ws;
}
