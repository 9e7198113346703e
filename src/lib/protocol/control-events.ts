/**
 * The socket.io control plane: event names and payloads, typed for both ends.
 * socket.io's generics make a misspelt event or a wrong payload a compile error on either side.
 */
import type { CreatedBoard } from './access';
import type { BoardSummary } from './boards';
import type { ApiError, ErrorCode } from './errors';

/** Bumped when an event or payload changes incompatibly; the server announces it on connect. */
export const PROTOCOL_VERSION = 1;

export type Ack<T> = (reply: { ok: true; value: T } | ({ ok: false } & ApiError)) => void;

export type BoardsChange =
	| { type: 'created'; board: BoardSummary }
	| { type: 'renamed'; board: BoardSummary };

export interface ServerNotice {
	level: 'info' | 'warning' | 'error';
	message: string;
	/** Set when the notice ends the connection: why (an `ErrorCode`). */
	code?: ErrorCode;
}

export interface ServerToClientEvents {
	hello: (info: { protocolVersion: number }) => void;
	'boards:changed': (change: BoardsChange) => void;
	notice: (notice: ServerNotice) => void;
}

export interface ClientToServerEvents {
	'boards:list': (ack: Ack<BoardSummary[]>) => void;
	'boards:create': (request: { title: string }, ack: Ack<CreatedBoard>) => void;
	/** `token` overrides the connection's `auth.token` for this board (a home page holds one per board). */
	'boards:rename': (request: { id: string; title: string; token?: string }, ack: Ack<BoardSummary>) => void;
}
