/**
 * Who received which update, and when. Every written update is a new pin whose key encodes its
 * sequence number (`bq00000042`), so a light socket can tell which updates a frame carries by
 * scanning its bytes for the key — even when a server merged many updates into one message, or
 * sent a whole-state catch-up — without decoding Yjs. The first arrival per receiver and update
 * is kept; from that come latency per receiver, latency to the last receiver, and delivery.
 */
import { now } from './clock';

const KEY_PREFIX = 'bq';
const KEY_DIGITS = 8;
/** A key as lib0 writes a string: its length (10, one varUint byte), then the UTF-8 bytes. */
const MARKER = Buffer.from([KEY_PREFIX.length + KEY_DIGITS, ...Buffer.from(KEY_PREFIX)]);

export const keyOf = (id: number): string => KEY_PREFIX + String(id).padStart(KEY_DIGITS, '0');

export function idOfKey(key: string): number | null {
	if (key.length !== KEY_PREFIX.length + KEY_DIGITS || !key.startsWith(KEY_PREFIX)) return null;
	const id = Number(key.slice(KEY_PREFIX.length));
	return Number.isInteger(id) ? id : null;
}

/** Calls back with every update id whose key occurs in a frame (a key may occur more than once). */
export function scanKeys(frame: Buffer, onId: (id: number) => void): void {
	let at = frame.indexOf(MARKER);
	while (at !== -1) {
		let id = 0;
		let digits = 0;
		for (; digits < KEY_DIGITS; digits++) {
			const digit = (frame[at + MARKER.length + digits] ?? 0) - 48;
			if (digit < 0 || digit > 9) break;
			id = id * 10 + digit;
		}
		if (digits === KEY_DIGITS) onId(id);
		at = frame.indexOf(MARKER, at + 1);
	}
}

export interface LedgerSummary {
	/** Updates written in the measured (steady) window. */
	measured: number;
	/** Share of (receiver, measured update) pairs that arrived before the drain window closed. */
	delivered: number;
	/** Arrival − send, one sample per receiver and measured update; Infinity where it never came. */
	perReceiver: Float64Array;
	/** Per measured update: arrival at the last receiver − send; Infinity unless all received it. */
	toLast: Float64Array;
}

export class Ledger {
	/** Send time per update id (epoch ms); 0 = not sent. */
	readonly sentAt: Float64Array;
	/** First arrival per receiver and update id (epoch ms); 0 = not (yet) arrived. */
	private readonly arrivals: Float64Array[] = [];
	sent = 0;
	/** Ids from here on are measured; writing stops when the steady window ends. */
	private steadyFrom = Number.POSITIVE_INFINITY;
	private arrivedInSteady = 0;

	constructor(readonly capacity: number) {
		this.sentAt = new Float64Array(capacity);
	}

	/** A new receiver; the returned function records that it got update `id` now. */
	addReceiver(): (id: number, at?: number) => void {
		const arrivals = new Float64Array(this.capacity);
		this.arrivals.push(arrivals);
		return (id, at = now()) => {
			if (id >= this.capacity || arrivals[id] !== 0 || this.sentAt[id] === 0) return;
			arrivals[id] = at;
			if (id >= this.steadyFrom) this.arrivedInSteady++;
		};
	}

	/** The next update id to write, or null when the ledger is full (the run is bounded). */
	nextId(): number | null {
		return this.sent < this.capacity ? this.sent : null;
	}

	recordSend(id: number, at: number): void {
		this.sentAt[id] = at;
		this.sent = Math.max(this.sent, id + 1);
	}

	startSteady(): void {
		this.steadyFrom = this.sent;
	}

	/** Whether every receiver has every measured update. */
	complete(): boolean {
		return this.arrivedInSteady >= this.arrivals.length * Math.max(0, this.sent - this.steadyFrom);
	}

	summarise(): LedgerSummary {
		const from = Math.min(this.steadyFrom, this.sent);
		const measured = this.sent - from;
		const perReceiver = new Float64Array(measured * this.arrivals.length);
		const toLast = new Float64Array(measured);
		let arrived = 0;
		let sample = 0;
		for (let id = from; id < this.sent; id++) {
			const sent = this.sentAt[id] ?? 0;
			let last = 0;
			for (const arrivals of this.arrivals) {
				const at = arrivals[id] ?? 0;
				const latency = at === 0 ? Number.POSITIVE_INFINITY : at - sent;
				if (at !== 0) arrived++;
				perReceiver[sample++] = latency;
				last = Math.max(last, latency);
			}
			toLast[id - from] = last;
		}
		const pairs = measured * this.arrivals.length;
		return { measured, delivered: pairs === 0 ? 0 : arrived / pairs, perReceiver, toLast };
	}
}
