/**
 * Watching a board together on the control plane: joining a board's channel, flash alerts with
 * receipts, and map pings. Schemas (zod, checked by the server) and the shapes both ends read.
 * Documented in docs/control-plane.md.
 */
import { z } from 'zod';
import type { Role } from './access';
import { boardId } from './boards';
import { actorName, epochMillis, hexColour, itemId, latitude, longitude } from '../model/common';

/** Most urgent first; the order is the order of the priority picker. */
export const ALERT_PRIORITIES = ['flash', 'priority', 'routine'] as const;
export type AlertPriority = (typeof ALERT_PRIORITIES)[number];

export const ALERT_LIMITS = {
	/** An alert is a shout, not a report: one or two lines. */
	textLength: 280,
	/** How many alerts a join and a list return at most (newest first). */
	listLength: 200,
	/** How long a ping ring stays on the map, ms. */
	pingMs: 4000
} as const;

/** Rate limits per connection: token buckets (burst, then refill per second). */
export const CONTROL_RATES = {
	/** A few alerts in a row, then one every 6 s: more is noise, not news. */
	alerts: { burst: 5, perSecond: 1 / 6 },
	/** Pings are cheap and ephemeral, but each one lights up every map. */
	pings: { burst: 5, perSecond: 1 },
	/** Acknowledgements come one per received alert; the bucket only stops a flood. */
	acks: { burst: 50, perSecond: 20 },
	/** Joins and alert lists read up to 200 stored alerts each: a page needs a few, a loop needs stopping. */
	reads: { burst: 20, perSecond: 5 }
} as const;

/** A watcher on the control plane: one open board page. `id` is random per page, kept across reconnects. */
export const watcherRef = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'a watcher id is 8–64 letters, digits, "-" or "_"'), name: actorName });
export type WatcherRef = z.infer<typeof watcherRef>;

/** Where an alert points: a spot on the map, or a pin (with where it stood when the alert was raised). */
export const alertPlace = z.discriminatedUnion('type', [
	z.object({ type: z.literal('point'), lat: latitude, lng: longitude }),
	z.object({ type: z.literal('pin'), pinId: itemId, lat: latitude, lng: longitude })
]);
export type AlertPlace = z.infer<typeof alertPlace>;

export const joinBoardRequest = z.object({
	boardId,
	watcher: watcherRef,
	/** The watcher's colour for pings; a colour is derived from the name when absent. */
	colour: hexColour.optional()
});
export type JoinBoardRequest = z.infer<typeof joinBoardRequest>;

export const raiseAlertRequest = z.object({
	priority: z.enum(ALERT_PRIORITIES),
	text: z.string().trim().min(1, 'must not be empty').max(ALERT_LIMITS.textLength, `at most ${ALERT_LIMITS.textLength} characters`),
	place: alertPlace.optional(),
	reportId: itemId.optional()
});
export type RaiseAlertRequest = z.input<typeof raiseAlertRequest>;

export const acknowledgeAlertRequest = z.object({ alertId: itemId });
export const listAlertsRequest = z.object({
	/** Only alerts raised at or before this time (replay). */
	until: epochMillis.optional(),
	limit: z.number().int().min(1).max(ALERT_LIMITS.listLength).optional()
});
export type ListAlertsRequest = z.infer<typeof listAlertsRequest>;

export const pingRequest = z.object({ lat: latitude, lng: longitude });
export type PingRequest = z.infer<typeof pingRequest>;

/** A watcher an alert was meant for, and when they saw it (null: not yet). */
export interface AlertRecipient extends WatcherRef {
	seenAt: number | null;
}

export interface Alert {
	id: string;
	boardId: string;
	priority: AlertPriority;
	text: string;
	place: AlertPlace | null;
	reportId: string | null;
	raisedAt: number;
	raisedBy: WatcherRef;
	/** Everyone else watching the board when it was raised: the "of N". */
	recipients: AlertRecipient[];
}

/** What joining a board answers: the caller's role and the newest alerts. */
export interface JoinedBoard {
	role: Role;
	alerts: Alert[];
}

/** Sent to the whole board when a recipient has seen an alert. */
export interface AlertSeen {
	alertId: string;
	watcher: WatcherRef;
	at: number;
}

/** A ping as watchers receive it: ephemeral, never stored. */
export interface Ping {
	lat: number;
	lng: number;
	from: WatcherRef & { colour: string | null };
	at: number;
}

export const seenCount = (alert: Alert) => alert.recipients.filter((recipient) => recipient.seenAt !== null).length;
