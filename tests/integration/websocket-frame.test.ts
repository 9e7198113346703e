/**
 * [P7] Pre-framed broadcast on real sockets: a ws server on a free port, stock ws clients. The
 * frames we write ourselves must read, in order, interleaved with what ws sends itself, at every
 * length form of RFC 6455 (7-bit, 16-bit, 64-bit), and the shortcut must step aside while ws holds
 * frames back.
 */
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { SharedMessage } from '../../server/rooms/room-socket';
import { binaryFrame, writeShared } from '../../server/transport/websocket-frame';
import { waitFor } from '../helpers/wait-for';

function bytes(length: number, seed: number): Uint8Array {
	return Uint8Array.from({ length }, (_, i) => (i * 31 + seed) & 0xff);
}

interface Pair {
	server: WebSocketServer;
	serverSide: WebSocket[];
	clients: { socket: WebSocket; received: Uint8Array[] }[];
}

async function connect(count: number, serverOptions: ConstructorParameters<typeof WebSocketServer>[0] = {}, clientOptions = {}): Promise<Pair> {
	const server = new WebSocketServer({ port: 0, host: '127.0.0.1', ...serverOptions });
	await new Promise((resolve) => server.once('listening', resolve));
	const serverSide: WebSocket[] = [];
	server.on('connection', (ws) => serverSide.push(ws));
	const { port } = server.address() as AddressInfo;
	const clients = Array.from({ length: count }, () => {
		const socket = new WebSocket(`ws://127.0.0.1:${port}`, clientOptions);
		const received: Uint8Array[] = [];
		socket.on('message', (data) => received.push(new Uint8Array(data as Buffer)));
		return { socket, received };
	});
	await waitFor(() => serverSide.length === count && clients.every((c) => c.socket.readyState === WebSocket.OPEN), { what: 'all connected' });
	return { server, serverSide, clients };
}

let open: Pair | null = null;
afterEach(async () => {
	for (const client of open?.clients ?? []) client.socket.terminate();
	await new Promise((resolve) => (open ? open.server.close(resolve) : resolve(undefined)));
	open = null;
});

describe('[P7] framing a broadcast once', () => {
	it('[P7] stock clients read shared frames of every length form, in order with ws’s own sends', async () => {
		open = await connect(3);
		const sequence: { payload: Uint8Array; shared: boolean }[] = [
			{ payload: bytes(5, 1), shared: false },
			{ payload: bytes(125, 2), shared: true },
			{ payload: bytes(126, 3), shared: true },
			{ payload: bytes(300, 4), shared: false },
			{ payload: bytes(65_535, 5), shared: true },
			{ payload: bytes(65_536, 6), shared: true },
			{ payload: bytes(200_000, 7), shared: true },
			{ payload: new Uint8Array(0), shared: true }
		];
		let direct = 0;
		for (const { payload, shared } of sequence) {
			const message = new SharedMessage(payload);
			for (const ws of open.serverSide) {
				if (shared && writeShared(ws, message)) direct += 1;
				else ws.send(payload);
			}
		}
		expect(direct).toBe(3 * sequence.filter((entry) => entry.shared).length);
		await waitFor(() => open!.clients.every((c) => c.received.length === sequence.length), { what: 'every message at every client' });
		for (const client of open.clients) expect(client.received.map((m) => Buffer.from(m).toString('hex'))).toEqual(sequence.map((e) => Buffer.from(e.payload).toString('hex')));
	});

	it('[P7] the frame is made once and shared by every receiver', async () => {
		open = await connect(2);
		const message = new SharedMessage(bytes(1000, 9));
		expect(writeShared(open.serverSide[0]!, message)).toBe(true);
		const framed = message.framed;
		expect(framed).toEqual(binaryFrame(message.bytes));
		expect(writeShared(open.serverSide[1]!, message)).toBe(true);
		expect(message.framed).toBe(framed);
		// The socket's queue is what bufferedAmount reads: back-pressure still sees direct writes.
		await waitFor(() => open!.clients.every((c) => c.received.length === 1), { what: 'both received' });
	});

	it('[P7] while ws holds frames back (compressing), the shortcut steps aside and order holds', async () => {
		open = await connect(1, { perMessageDeflate: { threshold: 0 } }, { perMessageDeflate: true });
		const ws = open.serverSide[0]!;
		const first = bytes(50_000, 11);
		const second = new SharedMessage(bytes(40, 12));
		ws.send(first, { compress: true });
		// Compression is asynchronous: ws queues what follows, so a direct write would overtake it.
		expect(writeShared(ws, second)).toBe(false);
		ws.send(second.bytes, { compress: false });
		await waitFor(() => open!.clients[0]!.received.length === 2, { what: 'both messages' });
		expect(open.clients[0]!.received[0]).toEqual(first);
		expect(open.clients[0]!.received[1]).toEqual(second.bytes);
	});
});
