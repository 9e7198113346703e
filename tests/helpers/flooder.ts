/**
 * A flood from another process: FLOOD_SOCKETS WebSocket connections to one board, each sending
 * FLOOD_PER_SECOND valid updates for FLOOD_MS, from the loopback addresses in FLOOD_ADDRESSES
 * (one per socket, or one for all). Run as its own process (`node --import tsx`) so the test that
 * measures a watcher's latency measures the server, not its own send loop. Prints one JSON line
 * (`{ sent, closed }`) and exits.
 */
import WebSocket from 'ws';
import * as Y from 'yjs';
import { collection } from '../../src/lib/model/layout';
import { addPin } from '../../src/lib/model/pin-operations';
import { YJS_PATH } from '../../src/lib/protocol/endpoints';
import { encodeUpdate } from '../../server/rooms/sync-messages';

const { FLOOD_URL = '', FLOOD_BOARD = '', FLOOD_SOCKETS = '30', FLOOD_PER_SECOND = '900', FLOOD_MS = '2000', FLOOD_ADDRESSES = '127.0.0.1' } = process.env;
const sockets = Number(FLOOD_SOCKETS);
const perSecond = Number(FLOOD_PER_SECOND);
const floodMs = Number(FLOOD_MS);
const addresses = FLOOD_ADDRESSES.split(',');

/** One flooder's frames, made before the clock starts: a pin, then a new note on it per update. */
function floodFrames(count: number): Uint8Array[] {
	const doc = new Y.Doc();
	const frames: Uint8Array[] = [];
	doc.on('update', (update: Uint8Array) => frames.push(encodeUpdate(update)));
	const id = addPin(doc, { name: 'flood', lat: 1, lng: 1 });
	const pin = collection(doc, 'pins').get(id)!;
	for (let i = 0; frames.length < count; i++) pin.set('note', `n${i}`);
	return frames;
}

async function open(index: number): Promise<WebSocket> {
	const ws = new WebSocket(`${FLOOD_URL}${YJS_PATH}/${FLOOD_BOARD}`, { localAddress: addresses[index % addresses.length] });
	ws.on('error', () => undefined);
	await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
	return ws;
}

const frames = Array.from({ length: sockets }, () => floodFrames((perSecond * floodMs) / 1000));
const opened = await Promise.all(frames.map((_, index) => open(index)));
process.stdout.write('open\n');
let sent = 0;
let due = 0;
const started = performance.now();
await new Promise<void>((resolve) => {
	const timer = setInterval(() => {
		const now = Math.min(frames[0]!.length, Math.floor(((performance.now() - started) / 1000) * perSecond));
		for (let index = 0; index < sockets; index++) {
			const ws = opened[index]!;
			for (let i = due; i < now && ws.readyState === WebSocket.OPEN; i++, sent++) ws.send(frames[index]![i]!);
		}
		due = now;
		if (performance.now() - started >= floodMs) {
			clearInterval(timer);
			resolve();
		}
	}, 10);
});
const closed = opened.filter((ws) => ws.readyState !== WebSocket.OPEN).length;
for (const ws of opened) ws.terminate();
process.stdout.write(`${JSON.stringify({ sent, closed })}\n`);
process.exit(0);
