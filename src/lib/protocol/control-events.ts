/**
 * The socket.io control plane: event names and payloads, typed for both ends.
 * socket.io's generics make a misspelt event or a wrong payload a compile error on either side.
 */
import type { CreatedBoard } from './access';
import type { Alert, AlertSeen, JoinBoardRequest, JoinedBoard, ListAlertsRequest, Ping, PingRequest, RaiseAlertRequest } from './alerts';
import type { BoardSummary } from './boards';
import type { ApiError, ErrorCode } from './errors';

/** Bumped when an event or payload changes incompatibly; the server announces it on connect. */
export const PROTOCOL_VERSION = 2;

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
	/** To every other watcher of the board the alert was raised on. */
	'alert:raised': (alert: Alert) => void;
	/** To every watcher of the board: a recipient has seen an alert. */
	'alert:seen': (seen: AlertSeen) => void;
	/** To every other watcher of the board. */
	ping: (ping: Ping) => void;
}

export interface ClientToServerEvents {
	'boards:list': (ack: Ack<BoardSummary[]>) => void;
	'boards:create': (request: { title: string }, ack: Ack<CreatedBoard>) => void;
	/** `token` overrides the connection's `auth.token` for this board (a home page holds one per board). */
	'boards:rename': (request: { id: string; title: string; token?: string }, ack: Ack<BoardSummary>) => void;
	/**
	 * Watch one board (read access needed; a second join moves the connection). Alerts and pings
	 * below go to and come from the joined board. Re-sent after every reconnect.
	 */
	'board:join': (request: JoinBoardRequest, ack: Ack<JoinedBoard>) => void;
	/** Editor or owner. Answers the stored alert, with its recipients. */
	'alert:raise': (request: RaiseAlertRequest, ack: Ack<Alert>) => void;
	/** A recipient has seen the alert; `counted` is false when the caller was not among its recipients. */
	'alert:ack': (request: { alertId: string }, ack: Ack<{ counted: boolean }>) => void;
	'alerts:list': (request: ListAlertsRequest, ack: Ack<Alert[]>) => void;
	/** Any watcher with read access; ephemeral. */
	ping: (request: PingRequest, ack: Ack<null>) => void;
}
