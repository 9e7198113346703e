/**
 * socket.io control-plane clients for tests, typed with the protocol's events. Every client a file
 * opens is disconnected after the file, so a failed test leaves no socket holding the server.
 * Call `useControlClients()` after the file's server hooks: vitest runs afterAll hooks in reverse,
 * so the clients go before the server stops.
 */
import { io, type Socket } from 'socket.io-client';
import { afterAll } from 'vitest';
import type { ClientToServerEvents, ServerToClientEvents } from '../../src/lib/protocol/control-events';

export type ControlClient = Socket<ServerToClientEvents, ClientToServerEvents>;
export type Hello = Parameters<ServerToClientEvents['hello']>[0];

export function useControlClients() {
	const clients: ControlClient[] = [];
	afterAll(() => {
		for (const client of clients) client.disconnect();
	});

	/** A client as it is before the server has greeted it (to test what is refused before joining). */
	function open(url: string, token?: string): ControlClient {
		const client: ControlClient = io(url, { transports: ['websocket'], forceNew: true, ...(token ? { auth: { token } } : {}) });
		clients.push(client);
		return client;
	}

	/** A client the server has greeted (its `hello`, returned too), ready to emit. */
	async function connect(url: string, token?: string): Promise<{ client: ControlClient; hello: Hello }> {
		const client = open(url, token);
		const hello = await new Promise<Hello>((resolve) => client.once('hello', resolve));
		return { client, hello };
	}

	return { open, connect };
}
