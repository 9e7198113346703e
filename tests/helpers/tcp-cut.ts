/**
 * A TCP relay in front of a real service that a test can cut and restore: the network between
 * the server and its database failing, without stopping the database other tests use.
 */
import net from 'node:net';

export interface TcpCut {
	readonly port: number;
	/** Drops every relayed connection and refuses new ones. */
	cut(): Promise<void>;
	/** Accepts and relays again, on the same port. */
	restore(): Promise<void>;
	close(): Promise<void>;
}

export async function tcpCut(target: { host: string; port: number }): Promise<TcpCut> {
	const sockets = new Set<net.Socket>();
	const track = (socket: net.Socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
		socket.on('error', () => socket.destroy());
	};
	const server = net.createServer((client) => {
		const upstream = net.connect(target);
		track(client);
		track(upstream);
		client.pipe(upstream).pipe(client);
		client.on('close', () => upstream.destroy());
		upstream.on('close', () => client.destroy());
	});
	const listen = (port: number) => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	const stop = () =>
		new Promise<void>((resolve) => {
			for (const socket of sockets) socket.destroy();
			if (server.listening) server.close(() => resolve());
			else resolve();
		});
	await listen(0);
	const { port } = server.address() as net.AddressInfo;
	return { port, cut: stop, restore: () => listen(port), close: stop };
}
