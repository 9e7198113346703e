/**
 * What a private service of a fault test (private-redis.ts, private-postgres.ts) needs whatever
 * the service: a free port, a life cycle whose `close` is safe to call twice (or while another
 * is running), and a cleanup that still runs when the test process exits after a crash — so no
 * server outlives the run that started it.
 */
import net from 'node:net';

/** Output kept per process, for error messages: the end is where the reason is. */
export const OUTPUT_LIMIT = 20_000;

/** Cleanups of instances not yet closed; synchronous, because they also run in the 'exit' hook. */
const leftovers = new Set<() => void>();
process.on('exit', () => {
	for (const cleanup of leftovers) cleanup();
});

/** A port nobody listens on right now: the OS picks it, and it is free again once we close. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

export interface ServiceLifeCycle {
	start(): Promise<void>;
	stop(): Promise<void>;
	restart(): Promise<void>;
	/** Stops it for good and cleans up; safe to call twice. */
	close(): Promise<void>;
}

/**
 * Builds the life cycle from the service's own start, stop and (synchronous, last-resort)
 * cleanup, then runs `prepare` (if any) and the first start; if either fails, everything is
 * closed and the error thrown.
 */
export async function serviceLifeCycle(
	what: string,
	parts: { start: () => Promise<void>; stop: () => Promise<void>; cleanup: () => void; prepare?: () => Promise<void> }
): Promise<ServiceLifeCycle> {
	let closing: Promise<void> | null = null;
	leftovers.add(parts.cleanup);
	const cycle: ServiceLifeCycle = {
		async start() {
			if (closing) throw new Error(`${what} is closed`);
			await parts.start();
		},
		stop: () => parts.stop(),
		async restart() {
			await cycle.stop();
			await cycle.start();
		},
		close() {
			// One promise for every caller, so a second close (or one racing the first) just waits.
			closing ??= parts.stop().finally(() => {
				leftovers.delete(parts.cleanup);
				parts.cleanup();
			});
			return closing;
		}
	};
	try {
		await parts.prepare?.();
		await cycle.start();
	} catch (error) {
		await cycle.close();
		throw error;
	}
	return cycle;
}
