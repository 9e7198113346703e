/**
 * A second server process, as far as the log is concerned: opens its own PostgreSQL storage,
 * says `ready`, waits for `go` on stdin (so two workers start at the same moment), appends, and
 * prints what each append was told as one JSON line.
 * Usage: node --import tsx tests/helpers/postgres-append-worker.ts <database url> <writer> <appends>
 */
import { once } from 'node:events';
import { openPostgresStorage } from '../../server/storage/postgres-storage';
import { testPostgresSettings } from './cluster-services';
import { appendConcurrently } from './concurrent-appends';

const [url, writer, appends] = process.argv.slice(2);
const storage = await openPostgresStorage(testPostgresSettings(url!));
process.stdout.write('ready\n');
await once(process.stdin, 'data');
const results = await appendConcurrently(storage, writer!, Number(appends));
process.stdout.write(`${JSON.stringify(results)}\n`);
await storage.close();
