/**
 * Every edit the board page makes, as one call each: the model's named operation with this
 * watcher's context, the sector filled in from where the thing lies (unless chosen), and any
 * validation failure returned as a message for the form instead of thrown.
 */
import { sectorAt, sectorOfShape } from '$lib/geo/sector-at';
import { applyImport } from '$lib/interchange/apply-import';
import { ImportError } from '$lib/interchange/import-error';
import type { ImportPlan } from '$lib/interchange/import-plan';
import type { FrontKind, FrontPatch, FrontState } from '$lib/model/front';
import { drawFront, removeFront, reshapeFront, updateFront } from '$lib/model/front-operations';
import type { Side } from '$lib/model/common';
import type { PinKind, PinPatch } from '$lib/model/pin';
import { addPin, movePin, removePin, renamePin, updatePin } from '$lib/model/pin-operations';
import type { Confidence, NewReport } from '$lib/model/report';
import { gradeReport, postReport, removeReport } from '$lib/model/report-operations';
import { addSector, assignSectorWatchers, removeSector, updateSector } from '$lib/model/sector-operations';
import { ModelValidationError } from '$lib/model/validation-error';
import type { BoardSession } from './board-session.svelte';

/** Distinct, legible sector colours, handed out in turn to newly drawn sectors. */
const SECTOR_COLOURS = ['#0e7490', '#7c3aed', '#b45309', '#be185d', '#15803d', '#1d4ed8'];

export type Outcome<T = void> = { ok: true; value: T } | { ok: false; error: string; field?: string };

export class BoardActions {
	constructor(private readonly session: BoardSession) {}

	private run<T>(change: () => T): Outcome<T> {
		try {
			return { ok: true, value: change() };
		} catch (error) {
			if (error instanceof ModelValidationError) return { ok: false, error: error.message, field: error.field };
			if (error instanceof ImportError) return { ok: false, error: error.message };
			return { ok: false, error: 'That change could not be made.' };
		}
	}

	private get doc() {
		return this.session.doc;
	}

	private get context() {
		return this.session.context;
	}

	addPin(name: string, kind: PinKind, lat: number, lng: number) {
		const sector = sectorAt(lat, lng, this.session.sectors);
		return this.run(() => addPin(this.doc, { name, kind, lat, lng, sector }, this.context));
	}
	movePin = (id: string, lat: number, lng: number) => this.run(() => movePin(this.doc, id, lat, lng, this.context));
	renamePin = (id: string, name: string) => this.run(() => renamePin(this.doc, id, name, this.context));
	updatePin = (id: string, patch: PinPatch) => this.run(() => updatePin(this.doc, id, patch, this.context));
	removePin = (id: string) => this.run(() => removePin(this.doc, id, this.context));

	drawFront(kind: FrontKind, points: [number, number][], side: Side, state: FrontState, label: string) {
		const sector = sectorOfShape(points, this.session.sectors);
		return this.run(() => drawFront(this.doc, { kind, points, side, state, sector, label }, this.context));
	}
	reshapeFront = (id: string, points: [number, number][]) => this.run(() => reshapeFront(this.doc, id, points, this.context));
	updateFront = (id: string, patch: FrontPatch) => this.run(() => updateFront(this.doc, id, patch, this.context));
	removeFront = (id: string) => this.run(() => removeFront(this.doc, id, this.context));

	postReport(input: NewReport) {
		const sector = input.sector ?? (input.place ? sectorAt(input.place.lat, input.place.lng, this.session.sectors) : undefined);
		return this.run(() => postReport(this.doc, { ...input, sector }, this.context));
	}
	gradeReport = (id: string, grade: Confidence) => this.run(() => gradeReport(this.doc, id, grade, this.context));
	removeReport = (id: string) => this.run(() => removeReport(this.doc, id, this.context));

	addSector(name: string, area: [number, number][]) {
		const colour = SECTOR_COLOURS[this.session.sectors.length % SECTOR_COLOURS.length];
		return this.run(() => addSector(this.doc, { name, area, colour }, this.context));
	}
	redrawSector = (id: string, area: [number, number][]) => this.run(() => updateSector(this.doc, id, { area }, this.context));
	removeSector = (id: string) => this.run(() => removeSector(this.doc, id, this.context));
	assignSectorWatchers = (id: string, watchers: string[]) => this.run(() => assignSectorWatchers(this.doc, id, watchers, this.context));

	/** A previewed import, added as one change by this watcher. */
	importPlan = (plan: ImportPlan) => this.run(() => applyImport(this.doc, plan, this.context));
}
