/**
 * What the working surface's tools do: a map click (pick a report's place, start or drop a pin draft,
 * deselect), a finished drawing (front, sector area, measurement), and the drafts' forms
 * submitted as named changes. Read-only watchers only select and measure.
 */
import type { BoardAlerts } from '$lib/alerts/board-alerts.svelte';
import { formatKm, pathLengthKm } from '$lib/geo/path-length';
import type { DrawMode } from '$lib/map/draw-controller';
import { defaultFrontLabel } from '$lib/model/front-names';
import type { PinKind } from '$lib/model/pin';
import type { NewReport } from '$lib/model/report';
import type { BoardActions } from '$lib/sync/board-actions';
import type { BoardMapHandle } from './board-map-handle.svelte';
import type { BoardSelection } from './board-selection.svelte';
import type { EditDrafts } from './edit-drafts.svelte';
import type { LiveOrReplay } from './live-or-replay.svelte';
import type { ProblemLine } from './problem-line.svelte';

export class BoardEditing {
	constructor(
		private readonly drafts: EditDrafts,
		private readonly actions: BoardActions,
		private readonly alerts: BoardAlerts,
		private readonly shown: LiveOrReplay,
		private readonly selection: BoardSelection,
		private readonly mapHandle: BoardMapHandle,
		private readonly problem: ProblemLine
	) {}

	onMapClick = (lat: number, lng: number, x: number, y: number): void => {
		const { drafts, selection } = this;
		if (this.alerts.takeMapClick(lat, lng)) return;
		if (!this.shown.canEdit) {
			selection.current = null;
			return;
		}
		if (drafts.reportDraft?.picking) drafts.reportDraft = { place: { lat, lng }, picking: false };
		else if (drafts.pinDraft || selection.current) {
			drafts.pinDraft = null;
			selection.current = null;
		} else drafts.pinDraft = { lat, lng, x, y };
	};

	chooseDrawMode = (mode: DrawMode | null): void => {
		// Drawing on before naming the last front: it keeps the name it was offered.
		this.keepFrontDraft();
		this.drafts.drawMode = mode;
		this.drafts.pinDraft = null;
		if (mode === 'measure') this.clearMeasurement();
	};

	clearMeasurement = (): void => {
		this.drafts.measured = null;
		this.mapHandle.layers?.showMeasurement(null);
	};

	onDrawProgress = (mode: DrawMode, points: [number, number][]): void => {
		if (mode === 'measure') this.drafts.measured = formatKm(pathLengthKm(points));
	};

	onDrawn = (mode: DrawMode, points: [number, number][]): void => {
		const { drafts } = this;
		drafts.drawMode = null;
		if (mode === 'measure') drafts.measured = formatKm(pathLengthKm(points));
		else if (mode === 'sector') drafts.sectorDraft = points;
		else {
			// Asked for a name first (NewFrontName), so the log and the list never say "unnamed".
			this.keepFrontDraft();
			drafts.frontDraft = { kind: mode, points, fallback: defaultFrontLabel(mode, this.shown.view.fronts) };
			this.mapHandle.layers?.showMeasurement(points);
		}
	};

	/** Draws the front being named, under `name` or, if none is given, the name it was offered. */
	submitFrontDraft = (name: string): void => {
		const draft = this.drafts.frontDraft;
		if (!draft) return;
		this.drafts.frontDraft = null;
		this.mapHandle.layers?.showMeasurement(null);
		const outcome = this.actions.drawFront(draft.kind, draft.points, this.drafts.drawSide, this.drafts.drawState, name.trim() || draft.fallback);
		if (outcome.ok) this.selection.current = { kind: 'front', id: outcome.value };
		else this.problem.report(outcome);
	};

	/** Cancelling the name keeps the front, under the name it was offered. */
	keepFrontDraft = (): void => {
		if (this.drafts.frontDraft) this.submitFrontDraft('');
	};

	/** A searched place: editors get a pin there, everyone flies to it. */
	dropPinAt = (place: { name: string; lat: number; lng: number }): void => {
		if (this.shown.canEdit) this.addPin(place.name, 'town', place.lat, place.lng);
		this.mapHandle.flyToPlace(place);
	};

	submitPinDraft = (name: string, kind: PinKind): void => {
		const draft = this.drafts.pinDraft;
		if (!draft) return;
		this.addPin(name, kind, draft.lat, draft.lng);
		this.drafts.pinDraft = null;
	};

	submitSectorDraft = (): void => {
		const { drafts } = this;
		if (drafts.sectorDraft && !this.problem.report(this.actions.addSector(drafts.sectorName, drafts.sectorDraft))) {
			drafts.sectorDraft = null;
			drafts.sectorName = '';
		}
	};

	/** A new report starts at the selected pin's place, if a pin is selected. */
	startReport = (): void => {
		const pin = this.selection.selectedPin;
		this.drafts.reportDraft = { place: pin ? { lat: pin.lat, lng: pin.lng } : null, picking: false };
	};

	/** Posts the report draft; the form shows a failure beside its fields. */
	postReport = (input: NewReport): string | null => {
		const outcome = this.actions.postReport(input);
		if (outcome.ok) {
			this.drafts.reportDraft = null;
			this.selection.current = { kind: 'report', id: outcome.value };
		}
		return outcome.ok ? null : outcome.error;
	};

	private addPin(name: string, kind: PinKind, lat: number, lng: number): void {
		const outcome = this.actions.addPin(name, kind, lat, lng);
		if (outcome.ok) this.selection.current = { kind: 'pin', id: outcome.value };
		else this.problem.report(outcome);
	}
}
