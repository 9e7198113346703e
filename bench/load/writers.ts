/**
 * Writers: W sockets that each own a private Y.Doc and add one new pin per update through the
 * model's own `addPin` — a nested map of ten fields, about 250 bytes, the change a real board makes
 * and what our server's schema validation accepts; every server carries the same bytes. The pin's
 * id carries the update's sequence number and its note the send time.
 * A writer needs none of the others' changes (a new map key has no left neighbour to refer to), so
 * it keeps no provider and ignores what the server sends it.
 * Every update is made before the clock starts (addPin costs ~0.2 ms, which at 2 000/s would be
 * half the harness's core): the note holds a fixed-width placeholder that is overwritten with the
 * send time, same length, right before the frame goes out. Per writer, updates go out in the order
 * they were made, so the Yjs clocks arrive in order.
 * Pacing: a 1 ms timer writes however many updates are due at the fixed total rate, round-robin
 * over writers; after a stall it catches up in a burst of at most a tenth of a second's worth.
 */
import * as Y from 'yjs';
import { addPin } from '../../src/lib/model/pin-operations';
import { now, sleep } from './clock';
import type { Dialect } from './dialects';
import { keyOf, type Ledger } from './ledger';
import { LightSocket } from './light-socket';

/** Epoch milliseconds with three decimals: 17 ASCII characters until the year 2286. */
const PLACEHOLDER = '0000000000000.000';
export const formatSendTime = (at: number): string => at.toFixed(3);

interface Writer {
	name: string;
	socket: LightSocket;
}

interface Prepared {
	frame: Buffer;
	/** Where the placeholder's bytes are in the frame. */
	at: number;
}

export class Writers {
	private readonly writers: Writer[] = [];
	private readonly prepared: Prepared[] = [];

	constructor(
		private readonly count: number,
		private readonly urlFor: (name: string, index: number) => string,
		private readonly dialect: Dialect,
		private readonly ledger: Ledger,
		private readonly timeoutMs: number
	) {
		const docs = Array.from({ length: count }, () => new Y.Doc());
		// Made in id order: writer id mod W sends ids in this same order, so its clocks stay in order.
		const placeholder = Buffer.from(PLACEHOLDER);
		for (let id = 0; id < ledger.capacity; id++) {
			const index = id % count;
			const doc = docs[index]!;
			let frame: Buffer | null = null;
			const capture = (update: Uint8Array) => (frame = Buffer.from(dialect.update(update)));
			doc.once('update', capture);
			addPin(
				doc,
				{ id: keyOf(id), name: `Bench ${id}`, lat: 49 + (id % 97) / 100, lng: 36 + (id % 89) / 100, kind: 'unit', note: PLACEHOLDER },
				{ actor: `writer-${index + 1}` }
			);
			const made = frame as Buffer | null;
			if (!made) throw new Error('addPin made no update');
			this.prepared.push({ frame: made, at: made.indexOf(placeholder) });
		}
		for (const doc of docs) doc.destroy();
	}

	/** Connects the writers' sockets; resolves once each has synced. */
	connect(): Promise<void[]> {
		for (let index = 0; index < this.count; index++) {
			const name = `writer-${index + 1}`;
			this.writers.push({ name, socket: new LightSocket({ url: this.urlFor(name, index), dialect: this.dialect, timeoutMs: this.timeoutMs }) });
		}
		return Promise.all(this.writers.map((writer) => writer.socket.ready));
	}

	/** Sends update `id` now, from writer id mod W, with the send time written into its note. */
	private write(id: number): void {
		const writer = this.writers[id % this.writers.length];
		const prepared = this.prepared[id];
		if (!writer || !prepared) return;
		const text = formatSendTime(now());
		prepared.frame.write(text, prepared.at, 'latin1');
		this.ledger.recordSend(id, Number(text));
		writer.socket.send(prepared.frame);
	}

	/** Writes at `rate` updates/s for `durationMs`; returns how many it wrote. Bounded by the ledger. */
	async run(rate: number, durationMs: number): Promise<number> {
		const start = now();
		const maxBurst = Math.max(1, Math.ceil(rate / 10));
		let scheduled = 0;
		let written = 0;
		for (let elapsed = 0; elapsed < durationMs; elapsed = now() - start) {
			const target = Math.floor((elapsed * rate) / 1000) + 1;
			const due = Math.min(maxBurst, target - scheduled);
			for (let i = 0; i < due; i++) {
				const id = this.ledger.nextId();
				if (id === null) return written;
				this.write(id);
				written++;
			}
			// After a capped burst the schedule resumes from now: the shortfall shows as the achieved rate.
			scheduled = due === maxBurst ? target : scheduled + Math.max(0, due);
			await sleep(1);
		}
		return written;
	}

	get closes(): (number | null)[] {
		return this.writers.map((writer) => writer.socket.closeCode);
	}

	close(): void {
		for (const writer of this.writers) writer.socket.close();
	}
}
