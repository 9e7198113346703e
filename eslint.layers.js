/**
 * The layers of docs/architecture.md ("Layer rules") as import rules, so the arrows point one way
 * without anyone having to remember them. Each zone forbids its `target` files to import `from`;
 * `except` paths are relative to `from`. A known exception names one file and says when it goes.
 */

/** The shared code the server may import: pure, no DOM, no Svelte, no client state. */
const SHARED = ['./model', './protocol', './interchange', './legend', './geo'];

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
		message: 'The server imports from src/ only the shared layers: model, protocol, interchange, legend, geo.'
	},
	{
		target: ['./src/lib/interchange/!(kml-export).ts', './src/lib/geo', './src/lib/legend'],
		from: './src/lib',
		except: SHARED,
		message: 'Shared code runs on the server too: it imports only model, protocol, geo, legend, interchange.'
	},
	{
		// Known exception, until the client reorganisation moves the legend colours to src/lib/legend/
		// and safeLink out of sync/: the KML export borrows exactly these three client modules.
		target: './src/lib/interchange/kml-export.ts',
		from: './src/lib',
		except: [...SHARED, './map/front-style.ts', './map/pin-style.ts', './sync/safe-link.ts'],
		message: 'Shared code runs on the server too: it imports only model, protocol, geo, legend, interchange.'
	},
	{
		target: './src',
		from: './server',
		message: 'The client never imports the server: what both need lives in src/lib/model or src/lib/protocol.'
	},
	{
		// Known exception, until watcher colours leave sync/ in the client reorganisation.
		target: './src/lib/map/!(cursor-layer).ts',
		from: './src/lib/sync',
		message: 'Map layers draw what they are given; the session (sync) hands it to them, not the other way.'
	},
	{
		target: './src/lib/map/cursor-layer.ts',
		from: './src/lib/sync',
		except: ['./watcher-colour.ts'],
		message: 'Map layers draw what they are given; the session (sync) hands it to them, not the other way.'
	},
	{
		// Known exception, until the one keymap replaces components/help/board-keys.ts.
		target: ['./src/lib/!(components|board)/**', './src/lib/board/!(board-shortcuts).ts', './server'],
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
	}
];

/** Packages a room must not touch (it is tested over in-memory sockets and storage). */
export const roomsForbiddenPackages = ['ws', 'better-sqlite3', 'node:http', 'http', 'socket.io', 'prom-client'].map((name) => ({
	name,
	message: 'Rooms know no ws, HTTP, SQLite or prom-client: they talk to RoomSocket, BoardStorage and BoardMetrics.'
}));
