/** The browser's socket.io client for the control plane, typed by the shared protocol. */
import { io, type Socket } from 'socket.io-client';
import type { CreatedBoard } from '$lib/protocol/access';
import type { BoardSummary } from '$lib/protocol/boards';
import type { Ack, ClientToServerEvents, ServerToClientEvents } from '$lib/protocol/control-events';
import { SOCKET_IO_PATH } from '$lib/protocol/endpoints';

export type ControlSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Connects to the control plane; `token` is a board's share-link secret (socket.io `auth.token`). */
export function connectControl(token: string | null = null): ControlSocket {
	return io({ path: SOCKET_IO_PATH, transports: ['websocket', 'polling'], auth: token ? { token } : {} });
}

/** Turns an acknowledged emit into a promise that rejects with the server's message. */
export function request<T>(send: (ack: Ack<T>) => void): Promise<T> {
	return new Promise((resolve, reject) =>
		send((reply) => (reply.ok ? resolve(reply.value) : reject(new Error(reply.error.message))))
	);
}

export const listBoards = (socket: ControlSocket) =>
	request<BoardSummary[]>((ack) => socket.emit('boards:list', ack));

export const createBoard = (socket: ControlSocket, title: string) =>
	request<CreatedBoard>((ack) => socket.emit('boards:create', { title }, ack));
