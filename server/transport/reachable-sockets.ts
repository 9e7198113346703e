/**
 * The sockets an announcement can reach: on a cluster every node's (through socket.io's Redis
 * adapter); while the other nodes are out of reach (Redis away, the adapter's request fails) this
 * node's own — an answer that is true for what can be delivered, instead of no answer at all.
 */
import type { Server } from 'socket.io';
import type { Logger } from '../logger';

export async function reachableSockets<S extends Server>(io: S, logger: Logger, room?: string) {
	try {
		return await (room ? io.in(room) : io).fetchSockets();
	} catch (error) {
		logger.warn(`control plane: other nodes out of reach (${(error as Error).message}); this node's sockets only`);
		return (room ? io.local.in(room) : io.local).fetchSockets();
	}
}
