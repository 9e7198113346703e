/**
 * The one `upgrade` listener of our own: reads the target safely, gives Yjs paths to the Yjs
 * endpoint with the board id already decoded, and answers a bad target with a plain HTTP error
 * on the socket. `/socket.io/` is socket.io's own listener's. Nothing thrown here reaches the
 * process: an upgrade is one client's business.
 */
import type { IncomingMessage } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { YJS_PATH } from '../../src/lib/protocol/endpoints';
import type { Logger } from '../logger';
import { decodeSegment, parseTarget } from './request-target';
import { isSocketIoRequest } from './request-listener';

/** A Yjs upgrade's board and the parameters it came with. */
export interface YjsTarget {
	boardId: string;
	query: URLSearchParams;
}

export type YjsUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer, target: YjsTarget) => void;

/** Answers an upgrade with an HTTP error and ends the socket (the client sees why). */
export function refuseUpgrade(socket: Duplex, status: number, message: string): void {
	if (socket.writable) {
		const body = `${message}\n`;
		socket.end(
			`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
				`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`
		);
	}
	socket.destroy();
}

/** The Yjs target of a path under YJS_PATH; null when the board id segment does not decode. */
export function yjsTarget(url: URL): YjsTarget | null {
	const segment = url.pathname.slice(YJS_PATH.length + 1);
	const boardId = segment.includes('/') ? null : decodeSegment(segment);
	return boardId ? { boardId, query: url.searchParams } : null;
}

export interface UpgradeRouterOptions {
	yjs: YjsUpgrade;
	logger: Logger;
	/**
	 * Refuse upgrades to any other path (404). The production server owns every path; under Vite's
	 * dev server its hot-reload socket shares the listener list and must be left alone.
	 */
	refuseOthers: boolean;
}

export function upgradeRouter({ yjs, logger, refuseOthers }: UpgradeRouterOptions) {
	return function onUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
		try {
			if (isSocketIoRequest(request.url)) return;
			const url = parseTarget(request.url);
			if (!url) return refuseUpgrade(socket, 400, 'the request target is not a path');
			if (!url.pathname.startsWith(`${YJS_PATH}/`)) {
				if (refuseOthers) refuseUpgrade(socket, 404, `no WebSocket endpoint at ${url.pathname.slice(0, 100)}`);
				return;
			}
			const target = yjsTarget(url);
			if (!target) return refuseUpgrade(socket, 400, `the path must be ${YJS_PATH}/<boardId> with a well-formed board id`);
			yjs(request, socket, head, target);
		} catch (error) {
			logger.warn(`upgrade ${String(request.url).slice(0, 200)}: ${(error as Error).message}`);
			refuseUpgrade(socket, 500, 'internal error');
		}
	};
}
