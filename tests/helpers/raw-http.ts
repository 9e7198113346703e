/**
 * Requests as a hostile or careless client sends them: raw bytes on a TCP socket, so targets,
 * methods and headers that `fetch` and `http.request` refuse to send can be sent. And the check
 * every hostile test ends with: the server still runs, answers /healthz in time, and said nothing
 * that looks like a stack trace.
 */
import net from 'node:net';
import { expect } from 'vitest';
import type { ServerProcess } from './server-process';

export interface RawAnswer {
	/** `HTTP/1.1 400 Bad Request`, or '' when the server closed without a word. */
	statusLine: string;
	status: number;
	text: string;
}

/** Sends `request` as it is and reads until the server closes (or `timeoutMs` passes). */
export function rawRequest(port: number, request: string | Buffer, timeoutMs = 3_000): Promise<RawAnswer> {
	return new Promise((resolve, reject) => {
		const socket = net.connect(port, '127.0.0.1', () => socket.write(request));
		const chunks: Buffer[] = [];
		const done = () => {
			clearTimeout(timer);
			socket.destroy();
			const text = Buffer.concat(chunks).toString('latin1');
			const statusLine = text.split('\r\n', 1)[0] ?? '';
			resolve({ statusLine, status: Number(/^HTTP\/1\.1 (\d{3})/.exec(statusLine)?.[1] ?? 0), text });
		};
		const timer = setTimeout(done, timeoutMs);
		socket.on('data', (chunk: Buffer) => {
			chunks.push(chunk);
			// One whole answer is enough: keep-alive would otherwise hold the socket open.
			const text = Buffer.concat(chunks).toString('latin1');
			const length = /\r\ncontent-length: *(\d+)/i.exec(text);
			const headEnd = text.indexOf('\r\n\r\n');
			// A switched protocol has no HTTP body to wait for.
			if (headEnd >= 0 && text.startsWith('HTTP/1.1 101')) return done();
			if (length && headEnd >= 0 && Buffer.byteLength(text, 'latin1') >= headEnd + 4 + Number(length[1])) done();
		});
		socket.on('end', done);
		socket.on('close', done);
		socket.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' ? done() : reject(error)));
	});
}

/** A WebSocket upgrade request for `target`, with a valid handshake otherwise. */
export const upgradeRequest = (target: string) =>
	`GET ${target} HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
	`Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`;

/** What a leaked stack trace looks like in an answer: `at fn (file.ts:12:3)` or a node internal. */
export const STACK_TRACE = /\bat [\w$.<>]+ \(|\.(ts|js|mjs):\d+:\d+|node:internal/;

/** The server process is up and answers /healthz within `withinMs` (generous: a loaded 2-core machine). */
export async function expectAlive(server: ServerProcess, withinMs = 2_000): Promise<number> {
	expect(server.running(), `server exited:\n${server.log().slice(-2000)}`).toBe(true);
	const started = performance.now();
	const answer = await fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(withinMs) });
	const took = performance.now() - started;
	expect(answer.status).toBe(200);
	expect(server.running()).toBe(true);
	return took;
}
