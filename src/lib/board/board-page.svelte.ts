/**
 * One open board page, composed: the services it holds open, which board it shows (live or
 * replay), the map, what is selected, the editing tools' drafts and flows, and "since you last
 * looked". The page creates one and hands it to its regions (components/board/), so the parts
 * are built once, in one order, and the regions share them instead of each wiring its own.
 */
import type L from 'leaflet';
import type { BoardLayers } from '$lib/map/board-layers';
import type { Alert } from '$lib/protocol/alerts';
import { BoardEditing } from './board-editing';
import { BoardMapHandle } from './board-map-handle.svelte';
import { BoardSelection } from './board-selection.svelte';
import { openBoardServices, type BoardServices } from './board-services.svelte';
import { EditDrafts } from './edit-drafts.svelte';
import { LiveOrReplay } from './live-or-replay.svelte';
import { ProblemLine } from './problem-line.svelte';
import { SinceOnBoard } from './since-on-board.svelte';

export class BoardPage {
	readonly services: BoardServices;
	readonly shown: LiveOrReplay;
	readonly mapHandle: BoardMapHandle;
	readonly drafts = new EditDrafts();
	readonly selection: BoardSelection;
	readonly problem = new ProblemLine();
	readonly editing: BoardEditing;
	readonly since: SinceOnBoard;

	/**
	 * Must run during the page's setup: the parts register effects and their teardown. `phone`:
	 * whether the page is laid out for a phone now (the map fits the board's home area then).
	 */
	constructor(boardId: string, phone: () => boolean = () => false) {
		const services = openBoardServices(boardId);
		this.services = services;
		this.shown = new LiveOrReplay(services);
		this.mapHandle = new BoardMapHandle(services.session, phone);
		this.selection = new BoardSelection(this.shown, services.session, services.attention, this.mapHandle, () => (this.drafts.pinDraft = null));
		// The sector I focus is part of my presence: others see where I am looking.
		$effect(() => services.presence.setSector(this.selection.focusedSector));
		this.editing = new BoardEditing(this.drafts, services.actions, services.alerts, this.shown, this.selection, this.mapHandle, this.problem);
		this.since = new SinceOnBoard(services, this.shown, this.selection, this.mapHandle);
	}

	/** The map exists: alerts, presence and the page's own moves can use it. */
	onMapReady = (map: L.Map, layers: BoardLayers): void => {
		this.services.alerts.attachMap(map);
		this.mapHandle.attach(map, layers);
		this.services.presence.attachMap(map);
	};

	/** An alert's place on the map, or else its linked report (selected, so the map flies to it). */
	showAlert = (alert: Alert): void => {
		this.services.alerts.show(alert);
		if (!alert.place && alert.reportId) this.selection.select({ kind: 'report', id: alert.reportId });
	};

	backToLive = (): void => {
		this.shown.backToLive();
		this.selection.current = null;
	};
}
