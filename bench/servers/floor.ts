/**
 * The floor: the least work a server can do per delivery on this machine, so every server's CPU
 * per delivered update can be read as a multiple of it. No Yjs, no log, no validation, no
 * back-pressure: it answers the y-websocket handshake with an empty state, and relays each update
 * frame it receives to every other socket of the same path as one pre-framed buffer — framed by
 * our own `binaryFrame` and written by `writeShared`, so the floor measures the same write path
 * our server uses, and what ours spends above it is everything else. Awareness is dropped.
 * Runs under tsx (it imports our framing); its memory is not a figure, its CPU is.
 */
import http from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { SharedMessage } from '../../server/rooms/room-socket';
import { writeShared } from '../../server/transport/websocket-frame';

const SYNC = 0;
const SYNC_STEP_1 = 0;
const SYNC_UPDATE = 2;
/** Sync step 2 carrying an empty Yjs update ([0 structs, 0 deletes]): "you have everything". */
const EMPTY_SYNC_STEP_2 = Uint8Array.from([SYNC, 1, 2, 0, 0]);

const server = http.createServer((_request, response) => response.writeHead(404).end());
const wss = new WebSocketServer({ server });
const rooms = new Map<string, Set<WebSocket>>();

wss.on('connection', (ws, request) => {
	// The document is the path; the query names the watcher (as on the reference server).
	const name = (request.url ?? '/').split('?')[0]!;
	const room = rooms.get(name) ?? new Set<WebSocket>();
	rooms.set(name, room);
	room.add(ws);
	ws.on('close', () => room.delete(ws));
	ws.on('message', (data: Buffer) => {
		if (data[0] !== SYNC) return;
		if (data[1] === SYNC_STEP_1) return ws.send(EMPTY_SYNC_STEP_2);
		if (data[1] !== SYNC_UPDATE) return;
		const message = new SharedMessage(data);
		for (const other of room) if (other !== ws && !writeShared(other, message)) other.send(data);
	});
});

server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
	const address = server.address();
	console.log(`listening on http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
});
process.on('SIGTERM', () => process.exit(0));
