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
	config: '/api/config',
	/** GET: the OpenAPI 3.1 document of every endpoint here (generated from the schemas; docs/api.md). */
	openapi: '/api/openapi.json'
} as const;

/**
 * The records API for bots and scripts (docs/api.md): a board's pins, fronts, reports and sectors.
 * `collection` is one of the model's collection names, so the URL says what the document calls it.
 */
export const RECORDS_API = {
	/** GET `?sector=` → the collection's records; POST (pins, reports) → 201 the new record. */
	list: (id: string, collection: string) => `${API.board(id)}/${encodeURIComponent(collection)}`,
	/** GET → one record; PATCH (pins: move/edit, reports: grade) → the record as it now stands. */
	item: (id: string, collection: string, itemId: string) =>
		`${API.board(id)}/${encodeURIComponent(collection)}/${encodeURIComponent(itemId)}`
} as const;

/** The page of a board. */
export const boardPagePath = (id: string) => `/b/${encodeURIComponent(id)}`;

/** Query parameter on the Yjs URL naming the watcher, recorded with every change they make. */
export const ACTOR_PARAM = 'actor';
