/**
 * WebSocket close codes the Yjs endpoint uses. 4000–4999 is the range RFC 6455 leaves to
 * applications; the standard codes are used where they fit.
 */
export const CLOSE_CODES = {
	/** Server shutting down; clients reconnect when it is back. */
	goingAway: 1001,
	/** A frame that is not a y-websocket message or does not decode. */
	malformed: 4400,
	/** The update decodes but its content is not allowed on a board; the reason says why. */
	rejected: 4422,
	/** The board does not exist. */
	unknownBoard: 4404,
	/** The board is private and no valid token was presented (missing, wrong or revoked). */
	unauthorized: 4401,
	/** A viewer sent an update that would change the board. */
	readOnly: 4403,
	/** The token of this live connection was revoked, or the board stopped being open to it. */
	revoked: 4410,
	/** More messages than the per-connection rate limit allows (RATE_LIMIT_PER_SECOND / _BURST). */
	rateLimited: 4429,
	/** This token, or this address without a token, sends more updates than CALLER_UPDATES_PER_SECOND / _BURST. */
	callerRateLimited: 4430,
	/**
	 * The board takes more updates than BOARD_UPDATES_PER_SECOND / _BURST and this connection sends
	 * more than its fair share of them (light senders — a dragged pin — are still accepted).
	 */
	boardRateLimited: 4431,
	/** This address (MAX_CONNECTIONS_PER_ADDRESS) or token (MAX_CONNECTIONS_PER_TOKEN) has that many Yjs connections open. */
	tooManyConnections: 4432,
	/** The connection did not read what it was sent: its queue stayed over MAX_BUFFERED_BYTES for SLOW_READER_CLOSE_MS. */
	slowReader: 4408,
	/** The board has MAX_CONNECTIONS_PER_BOARD watchers already. */
	boardFull: 4503,
	/**
	 * The log of record cannot be written (the database is away): the edit was not saved and the
	 * board takes none until it is back. 45xx, so stock clients reconnect and resend it later.
	 */
	storageUnavailable: 4507,
	/** The message is larger than the server accepts. */
	tooLarge: 1009,
	/** Unexpected failure on the server while handling this connection. */
	internalError: 1011
} as const;
export type CloseCode = (typeof CLOSE_CODES)[keyof typeof CLOSE_CODES];

/**
 * How long the server holds a sender whose edit it refused with 4507 (unread) before closing it:
 * a client reconnects within 200 ms of a close and would resend the refused edit five times a
 * second. A client that synced and was not closed within this long knows its edits went in.
 */
export const STORAGE_REFUSAL_HOLD_MS = 2_000;

/** Human-readable close reasons (sent as the close frame's reason, ≤ 123 bytes). */
export const CLOSE_REASONS: Record<CloseCode, string> = {
	1001: 'server shutting down',
	4400: 'malformed message',
	4404: 'unknown board',
	4422: 'content rejected',
	4401: 'access denied: token missing, invalid or revoked',
	4403: 'read-only: viewers cannot edit',
	4410: 'access revoked',
	4429: 'rate limit exceeded: slow down',
	4430: 'rate limit exceeded for this token or address: slow down',
	4431: 'board busy: too many updates from this connection',
	4432: 'too many connections from this address or token',
	4408: 'not reading: send queue stayed full',
	4503: 'board full: too many connections',
	4507: 'storage unavailable: edits are not saved now; try again shortly',
	1009: 'message too large',
	1011: 'internal error'
};
