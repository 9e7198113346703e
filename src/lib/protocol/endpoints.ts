/**
 * Where things live on the one port. Client and server both import these; a path is never typed
 * twice.
 */

/** y-websocket endpoint: a stock `WebsocketProvider(origin + YJS_PATH, boardId, doc)` joins a board. */
export const YJS_PATH = '/yjs';
/** socket.io's control plane (socket.io's own default path, stated so both sides agree). */
export const SOCKET_IO_PATH = '/socket.io';

export const API = {
	health: '/healthz',
	boards: '/api/boards',
	board: (id: string) => `/api/boards/${encodeURIComponent(id)}`,
	config: '/api/config'
} as const;

/** The page of a board. */
export const boardPagePath = (id: string) => `/b/${encodeURIComponent(id)}`;

/** Query parameter on the Yjs URL naming the watcher, recorded with every change they make. */
export const ACTOR_PARAM = 'actor';
