/**
 * The layers of docs/architecture.md ("Layer rules") as import rules, so the arrows point one way
 * without anyone having to remember them. Each zone forbids its `target` files to import `from`;
 * `except` paths are relative to `from`. A known exception names one file and says when it goes.
 */

/** The shared code the server may import: pure, no DOM, no Svelte, no client state. */
const SHARED = ['./model', './protocol', './interchange', './legend', './geo', './format'];

/** @type {{ target: string | string[], from: string | string[], except?: string[], message: string }[]} */
export const layerZones = [
	{
		target: './src/lib/model',
		from: ['./src', './server'],
		except: ['./lib/model'],
		message: 'The model imports nothing of ours (yjs and zod only): client and server both build on it.'
	},
	{
		target: './src/lib/protocol',
		from: ['./src', './server'],
		except: ['./lib/protocol', './lib/model'],
		message: 'The protocol imports only the model: both planes share it, so it cannot lean on either side.'
	},
	{
		target: './server',
		from: './src',
		except: SHARED.map((folder) => folder.replace('./', './lib/')),
		message: 'The server imports from src/ only the shared layers: model, protocol, interchange, legend, geo, format.'
	},
	{
		target: ['./src/lib/interchange', './src/lib/geo', './src/lib/legend', './src/lib/format'],
		from: './src/lib',
		except: SHARED,
		message: 'Shared code runs on the server too: it imports only model, protocol, geo, legend, format, interchange.'
	},
	{
		target: './src',
		from: './server',
		message: 'The client never imports the server: what both need lives in src/lib/model or src/lib/protocol.'
	},
	{
		target: './src/lib/map',
		from: './src/lib/sync',
		message: 'Map layers draw what they are given; the session (sync) hands it to them, not the other way.'
	},
	{
		target: ['./src/lib/!(components)/**', './server'],
		from: './src/lib/components',
		message: 'Only routes and components import components: logic lives below them, in $lib modules.'
	},
	{
		target: './server/rooms',
		from: ['./server/transport', './server/http', './server/api'],
		message: 'Rooms know no transport or HTTP: they talk to RoomSocket, and the transports to them.'
	},
	{
		target: './server/rooms',
		from: './server/storage',
		except: ['./storage.ts'],
		message: 'Rooms know no SQLite: they talk to the BoardStorage interface, whatever backs it.'
	},
	{
		target: './server/rooms',
		from: './server/metrics',
		except: ['./board-metrics.ts'],
		message: 'Rooms report to the BoardMetrics interface; the Prometheus adapter is wired in attach.ts.'
	},
	{
		target: './server/rooms',
		from: './server/cluster',
		message: 'Rooms know no Redis: they tell the RoomPeers interface what they logged; server/cluster carries it.'
	}
];

/** Packages a room must not touch (it is tested over in-memory sockets and storage). */
export const roomsForbiddenPackages = ['ws', 'better-sqlite3', 'pg', 'ioredis', 'node:http', 'http', 'socket.io', 'prom-client'].map((name) => ({
	name,
	message: 'Rooms know no ws, HTTP, SQLite, PostgreSQL, Redis or prom-client: they talk to RoomSocket, BoardStorage, RoomPeers and BoardMetrics.'
}));
