/**
 * Peer server: Hocuspocus with its defaults (no extensions, no persistence), as a team would start
 * it. Plain JavaScript so it runs on bare `node` like a deployed Hocuspocus would: under tsx it
 * would carry about 35 MB of loader it does not need. `quiet` only hides the start banner; the
 * one line we print is what the bench waits for. SIGTERM stops it (Hocuspocus' stopOnSignals).
 */
import { Server } from '@hocuspocus/server';

const server = new Server({ port: Number(process.env.PORT ?? 0), address: '127.0.0.1', quiet: true });
await server.listen();
console.log(`listening on http://127.0.0.1:${server.address.port}`);
