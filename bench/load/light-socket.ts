/**
 * A light watcher (or writer): a minimal WebSocket client on a bare TCP socket that completes the
 * Yjs handshake — asks for the state with an empty state vector and waits for sync step 2 — and
 * then only looks at the bytes of what arrives. No Y.Doc, and no per-frame event or allocation
 * as a full WebSocket client makes: frames are cut out of each TCP read in one pass. So a
 * thousand of them fit on the one core the harness has, while the server still has to send each
 * of them every update, which is what the bench loads it with.
 * Client frames are masked with an all-zero key: valid framing (servers may not reject it) and no
 * XOR pass. Pings are answered; compression and extensions are not offered.
 */
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import * as Y from 'yjs';
import type { Dialect } from './dialects';

const EMPTY_STATE_VECTOR = Y.encodeStateVector(new Y.Doc());
const OPCODE = { binary: 0x2, close: 0x8, ping: 0x9, pong: 0xa } as const;
/**
 * Every light socket reads into this one buffer (net's `onread`): no allocation per read and no
 * stream machinery, a large share of the harness's cost per message. Safe because each read is
 * handled to the end before the next: bytes kept for later (a frame cut by the read) are copied.
 */
const READ_BUFFER = Buffer.allocUnsafe(256 * 1024);

export interface LightSocketOptions {
	url: string;
	dialect: Dialect;
	/** Called with every binary frame's payload (a view into the TCP read: do not keep it). */
	onFrame?: (payload: Buffer) => void;
	/** Give up on the handshake after this long. */
	timeoutMs: number;
}

function maskedFrame(opcode: number, payload: Uint8Array): Buffer {
	const length = payload.length;
	const extra = length < 126 ? 0 : length < 65_536 ? 2 : 8;
	const frame = Buffer.alloc(2 + extra + 4 + length);
	frame[0] = 0x80 | opcode;
	frame[1] = 0x80 | (extra === 0 ? length : extra === 2 ? 126 : 127);
	if (extra === 2) frame.writeUInt16BE(length, 2);
	if (extra === 8) frame.writeBigUInt64BE(BigInt(length), 2);
	// Bytes 2+extra .. +4 are the mask key, left zero: the payload goes out as it is.
	frame.set(payload, 2 + extra + 4);
	return frame;
}

export class LightSocket {
	private readonly socket: net.Socket;
	private upgraded = false;
	private synced = false;
	private pending: Buffer[] = [];
	private pendingBytes = 0;
	/** Bytes needed before the frame at the head of `pending` is complete (0: not known yet). */
	private need = 0;
	frames = 0;
	bytes = 0;
	/** Close code if the server closed us (e.g. 4422 when it refused an update), 1006 if it just went. */
	closeCode: number | null = null;
	/** Resolves once the server's sync step 2 (its state) has arrived. */
	readonly ready: Promise<void>;
	private settle: { resolve: () => void; reject: (error: Error) => void } | null = null;

	constructor(private readonly options: LightSocketOptions) {
		const url = new URL(options.url);
		this.ready = new Promise<void>((resolve, reject) => (this.settle = { resolve, reject }));
		this.ready.catch(() => undefined); // a run that gives up early leaves no unhandled rejection
		const timer = setTimeout(() => this.fail(`no sync step 2 within ${options.timeoutMs} ms`), options.timeoutMs);
		void this.ready.finally(() => clearTimeout(timer)).catch(() => undefined);
		this.socket = net.connect({ host: url.hostname, port: Number(url.port), noDelay: true, onread: { buffer: READ_BUFFER, callback: this.onRead } }, () => {
			this.socket.write(
				`GET ${url.pathname}${url.search} HTTP/1.1\r\nHost: ${url.host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
					`Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`
			);
		});
		this.socket.on('close', () => {
			this.closeCode ??= 1006;
			this.fail(`closed (${this.closeCode}) before the handshake`);
		});
		this.socket.on('error', () => undefined); // 'close' follows
	}

	send(payload: Uint8Array): void {
		if (this.upgraded && !this.socket.destroyed) this.socket.write(maskedFrame(OPCODE.binary, payload));
	}

	/** Bytes written but not yet handed to the kernel. */
	get bufferedAmount(): number {
		return this.socket.writableLength;
	}

	close(): void {
		this.socket.destroy();
	}

	private fail(why: string): void {
		if (this.synced) return;
		this.settle?.reject(new Error(`${why}: ${this.options.url}`));
		this.socket.destroy();
	}

	private readonly onRead = (length: number, buffer: Buffer): boolean => {
		this.onData(buffer.subarray(0, length));
		return true;
	};

	/** `chunk` is a view into READ_BUFFER: whatever is kept past this call is copied first. */
	private onData(chunk: Buffer): void {
		this.pending.push(chunk);
		this.pendingBytes += chunk.length;
		const keep = () => (this.pending[this.pending.length - 1] = Buffer.from(chunk));
		if (this.need > 0 && this.pendingBytes < this.need) return void keep(); // a large frame still arriving
		let buffer = this.pending.length === 1 ? chunk : Buffer.concat(this.pending, this.pendingBytes);
		let offset = 0;
		if (!this.upgraded) {
			const end = buffer.indexOf('\r\n\r\n');
			if (end === -1) return void keep();
			if (!buffer.subarray(0, 12).toString('latin1').startsWith('HTTP/1.1 101')) return this.fail(`upgrade refused: ${buffer.subarray(0, 40).toString('latin1')}`);
			this.upgraded = true;
			for (const frame of this.options.dialect.hello(EMPTY_STATE_VECTOR)) this.send(frame);
			offset = end + 4;
		}
		this.need = 0;
		while (buffer.length - offset >= 2) {
			const second = buffer[offset + 1] ?? 0;
			let length = second & 0x7f;
			let header = 2;
			if (length === 126) {
				if (buffer.length - offset < 4) break;
				length = buffer.readUInt16BE(offset + 2);
				header = 4;
			} else if (length === 127) {
				if (buffer.length - offset < 10) break;
				length = Number(buffer.readBigUInt64BE(offset + 2));
				header = 10;
			}
			if (buffer.length - offset < header + length) {
				this.need = header + length;
				break;
			}
			this.onFrame((buffer[offset] ?? 0) & 0x0f, buffer.subarray(offset + header, offset + header + length));
			offset += header + length;
		}
		buffer = buffer.subarray(offset);
		this.pending = buffer.length > 0 ? [Buffer.from(buffer)] : [];
		this.pendingBytes = buffer.length;
	}

	private onFrame(opcode: number, payload: Buffer): void {
		if (opcode === OPCODE.ping) return void this.socket.write(maskedFrame(OPCODE.pong, payload));
		if (opcode === OPCODE.close) {
			this.closeCode = payload.length >= 2 ? payload.readUInt16BE(0) : 1005;
			return void this.socket.destroy();
		}
		if (opcode !== OPCODE.binary) return;
		this.frames++;
		this.bytes += payload.length;
		if (!this.synced && this.options.dialect.isSyncStep2(payload)) {
			this.synced = true;
			this.settle?.resolve();
		}
		this.options.onFrame?.(payload);
	}
}
