/**
 * How much one board may hold. The model's LIMITS bound one record (a name, a note, a front's
 * points); these bound the board, so that one client — a runaway script, a hostile one — cannot
 * grow a document until every watcher's browser and the server's memory give out. Every record
 * of a board is loaded, synced and drawn by each watcher, so the numbers follow what a browser
 * map stays usable with, with headroom over the largest real session we know (the Kharkiv demo:
 * ~100 pins, ~25 fronts, ~60 reports, 6 sectors):
 * - pins: 20 000 — a dense theatre with every town and unit pinned is a few thousand; canvas
 *   markers still draw 20 000 smoothly;
 * - fronts: 5 000 — lines, arrows and areas, each up to LIMITS.pointsPerShape points;
 * - reports: 50 000 — the fastest-growing kind (a busy team posts hundreds a day for months);
 *   small (≤ 4 000 characters), listed not drawn;
 * - sectors: 200 — named areas of a theatre: a few dozen in practice.
 * - boardBytes: 64 MiB of encoded document — what every join downloads and every load replays;
 *   the Kharkiv demo is well under 1 MiB.
 *
 * They sit with the model so a client can warn before a board is full; the server enforces them
 * (server/rooms/content-board.ts).
 */
import type { CollectionName } from './layout';

export const BOARD_LIMITS = {
	records: { pins: 20_000, fronts: 5_000, reports: 50_000, sectors: 200 } satisfies Record<CollectionName, number>,
	boardBytes: 64 * 1024 * 1024
} as const;

export type BoardLimits = { records: Record<CollectionName, number>; boardBytes: number };
