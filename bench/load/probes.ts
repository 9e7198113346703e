/**
 * Probes: a few real Yjs providers (the stock `y-websocket` provider, or `@hocuspocus/provider`
 * for Hocuspocus), each with its own Y.Doc. They prove that what the light sockets count is real
 * content: an update counts for a probe only once the pin is in its document and carries the
 * send time the writer stamped on it. `ws` stands in for the browser's WebSocket (Node 20 has
 * none), and BroadcastChannel is off so providers in one process meet only through the server.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { ACTOR_PARAM } from '../../src/lib/protocol/endpoints';
import { idOfKey } from './ledger';
import type { Target } from './messages';

export interface Probe {
	/** Resolves once the provider has synced with the server. */
	ready: Promise<void>;
	/** Updates whose pin arrived with the expected send time. */
	verified: number;
	destroy(): void;
}

/** Calls back for every bench pin that appears in the doc, with its id and the send time it carries. */
function watchPins(doc: Y.Doc, onPin: (id: number, sentAt: number | null) => void): void {
	const pins = doc.getMap<unknown>('pins');
	pins.observe((event) => {
		for (const key of event.keysChanged) {
			const id = idOfKey(key);
			if (id === null) continue;
			onPin(id, carriedTime(pins.get(key)));
		}
	});
}

/** The send time a bench pin carries in its note. */
function carriedTime(value: unknown): number | null {
	const note: unknown = value instanceof Y.Map ? value.get('note') : null;
	return typeof note === 'string' ? Number(note) : null;
}

function withTimeout(promise: Promise<void>, ms: number, what: string): Promise<void> {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`${what} did not sync within ${ms} ms`)), ms);
		promise.then(
			() => (clearTimeout(timer), resolve()),
			(error: unknown) => (clearTimeout(timer), reject(error as Error))
		);
	});
}

export function connectProbe(
	target: Target,
	name: string,
	/** Records an arrival; `expectedSentAt` is looked up by the caller to verify content. */
	record: (id: number) => void,
	expectedSentAt: (id: number) => number,
	timeoutMs: number
): Probe {
	const doc = new Y.Doc();
	const probe: Probe = { ready: Promise.resolve(), verified: 0, destroy: () => undefined };
	watchPins(doc, (id, carried) => {
		record(id);
		if (carried !== null && carried === expectedSentAt(id)) probe.verified++;
	});
	const WebSocketPolyfill = WebSocket as unknown as typeof globalThis.WebSocket;

	if (target.dialect === 'hocuspocus') {
		const socket = new HocuspocusProviderWebsocket({ url: target.serverUrl, WebSocketPolyfill });
		const provider = new HocuspocusProvider({ websocketProvider: socket, name: target.room, document: doc });
		provider.attach();
		probe.ready = withTimeout(new Promise((resolve) => provider.on('synced', () => resolve())), timeoutMs, name);
		probe.destroy = () => {
			provider.destroy();
			socket.destroy();
			doc.destroy();
		};
	} else {
		const provider = new WebsocketProvider(target.serverUrl, target.room, doc, {
			WebSocketPolyfill,
			disableBc: true,
			params: { [ACTOR_PARAM]: name }
		});
		probe.ready = withTimeout(
			new Promise((resolve) => {
				if (provider.synced) resolve();
				provider.on('sync', (synced: boolean) => synced && resolve());
			}),
			timeoutMs,
			name
		);
		probe.destroy = () => {
			provider.destroy();
			doc.destroy();
		};
	}
	probe.ready.catch(() => undefined);
	return probe;
}
