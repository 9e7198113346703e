/**
 * The N watchers of one board: mostly light sockets, plus a few real providers (probes) spread
 * evenly through the joining order — servers send in joining order, so probes all joined last
 * would see only the worst case, all joined first only the best. Connecting keeps a bounded number
 * of handshakes in flight, as a crowd arriving at a breaking story would, rather than opening a
 * thousand TCP connections in one instant and measuring the kernel's SYN backlog.
 */
import { ACTOR_PARAM } from '../../src/lib/protocol/endpoints';
import { now } from './clock';
import { hocuspocusDialect, yWebsocketDialect, type Dialect } from './dialects';
import { scanKeys, type Ledger } from './ledger';
import { LightSocket } from './light-socket';
import type { LoadPlan, Target } from './messages';
import { connectProbe, type Probe } from './probes';

export function dialectFor(target: Target): Dialect {
	return target.dialect === 'hocuspocus' ? hocuspocusDialect(target.room) : yWebsocketDialect;
}

/**
 * Which node the index-th of `count` sockets joins: contiguous blocks, not round-robin, so probes
 * (spread evenly through the joining order) land on every node, and each node still serves its
 * own watchers in joining order.
 */
export function baseUrl(target: Target, index: number, count: number): string {
	const urls = target.nodeUrls;
	if (!urls || urls.length === 0) return target.serverUrl;
	return urls[Math.min(urls.length - 1, Math.floor((index * urls.length) / Math.max(1, count)))] ?? target.serverUrl;
}

/** The URL a socket named `name` opens; Hocuspocus names the document inside each frame instead. */
export function socketUrl(target: Target, name: string, base = target.serverUrl): string {
	if (target.dialect === 'hocuspocus') return base;
	return `${base}/${encodeURIComponent(target.room)}?${ACTOR_PARAM}=${encodeURIComponent(name)}`;
}

export class Watchers {
	readonly lights: LightSocket[] = [];
	readonly probes: Probe[] = [];

	constructor(
		private readonly target: Target,
		private readonly plan: LoadPlan,
		private readonly ledger: Ledger
	) {}

	/** Connects every watcher; resolves with the seconds it took until the last one had synced. */
	async connect(): Promise<number> {
		const { watchers, probes, connectConcurrency } = this.plan;
		const probeEvery = probes > 0 ? Math.max(1, Math.floor(watchers / probes)) : Number.POSITIVE_INFINITY;
		const dialect = dialectFor(this.target);
		const started = now();
		let next = 0;
		const open = async (index: number): Promise<void> => {
			const name = `watcher-${index + 1}`;
			const record = this.ledger.addReceiver();
			const base = baseUrl(this.target, index, watchers);
			const isProbe = index % probeEvery === Math.floor(probeEvery / 2) && this.probes.length < probes;
			if (isProbe) {
				const probe = connectProbe({ ...this.target, serverUrl: base }, name, record, (id) => this.ledger.sentAt[id] ?? 0, this.plan.connectTimeoutMs);
				this.probes.push(probe);
				return probe.ready;
			}
			const socket = new LightSocket({
				url: socketUrl(this.target, name, base),
				dialect,
				timeoutMs: this.plan.connectTimeoutMs,
				onFrame: (frame) => scanKeys(frame, (id) => record(id))
			});
			this.lights.push(socket);
			return socket.ready;
		};
		const lane = async (): Promise<void> => {
			while (next < watchers) await open(next++);
		};
		await Promise.all(Array.from({ length: Math.min(connectConcurrency, watchers) }, lane));
		return (now() - started) / 1000;
	}

	/** The smallest number of updates any probe verified (all probes must have everything). */
	probeVerified(): number {
		return this.probes.length === 0 ? 0 : Math.min(...this.probes.map((probe) => probe.verified));
	}

	/** Frames received by all light sockets so far. */
	lightFrames(): number {
		return this.lights.reduce((sum, socket) => sum + socket.frames, 0);
	}

	closeCodes(): (number | null)[] {
		return this.lights.map((socket) => socket.closeCode);
	}

	close(): void {
		for (const socket of this.lights) socket.close();
		for (const probe of this.probes) probe.destroy();
	}
}
