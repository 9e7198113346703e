/**
 * The editing tools' half-finished work on the working surface: the drawing tool and the side
 * and state new fronts get, a measured distance, and the pin, sector and report being made.
 * State only; `BoardEditing` moves it along and turns it into changes.
 */
import type { DrawMode } from '$lib/map/draw-controller';
import type { Side } from '$lib/model/common';
import type { FrontKind, FrontState } from '$lib/model/front';

/** Where a new pin goes: in degrees, and in map pixels for its form. */
export type PinDraft = { lat: number; lng: number; x: number; y: number };
/** A report being written: its place, and whether the next map click picks it. */
export type ReportDraft = { place: { lat: number; lng: number } | null; picking: boolean };
/** A drawn front waiting for its name; `fallback` is the name it gets if none is given. */
export type FrontDraft = { kind: FrontKind; points: [number, number][]; fallback: string };

export class EditDrafts {
	drawMode = $state<DrawMode | null>(null);
	drawSide = $state<Side>('ukraine');
	drawState = $state<FrontState>('ongoing');
	/** The measured path's length, formatted; null: no readout. */
	measured = $state<string | null>(null);
	pinDraft = $state<PinDraft | null>(null);
	/** A drawn sector area waiting for its name. */
	sectorDraft = $state<[number, number][] | null>(null);
	sectorName = $state('');
	frontDraft = $state<FrontDraft | null>(null);
	reportDraft = $state<ReportDraft | null>(null);
}
