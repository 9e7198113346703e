/**
 * Other watchers' pointers on the map: an arrow in their colour with a name tag. Positions arrive
 * every ~80 ms; between them each cursor glides toward its newest position (exponential easing
 * per animation frame), so motion looks continuous rather than jumpy. Names are set as text.
 */
import L from 'leaflet';
import type { LatLng } from '$lib/model/common';
import { textColourOn } from '$lib/presence/watcher-colour';

export interface CursorMark {
	clientId: number;
	name: string;
	colour: string;
	at: LatLng;
	/** Faded when their tab is hidden or they have been idle. */
	faded: boolean;
}

const PANE = 'sb-cursors';
/** Easing time constant: ~95% of the way to a new position within three of these. */
const EASE_MS = 60;

interface Cursor {
	marker: L.Marker;
	element: HTMLElement;
	tag: HTMLElement;
	shown: L.LatLng;
	target: L.LatLng;
}

function cursorElement(): { element: HTMLElement; tag: HTMLElement; arrow: SVGPathElement } {
	const element = document.createElement('div');
	element.className = 'sb-cursor';
	element.style.cssText = 'position:absolute;left:0;top:0;pointer-events:none;transition:opacity .3s';
	const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
	svg.setAttribute('width', '18');
	svg.setAttribute('height', '18');
	svg.setAttribute('viewBox', '0 0 18 18');
	svg.style.cssText = 'display:block;filter:drop-shadow(0 1px 1px rgba(0,0,0,.45))';
	const arrow = document.createElementNS('http://www.w3.org/2000/svg', 'path');
	arrow.setAttribute('d', 'M1 1 L1 15 L5 11 L8 17 L10.5 16 L7.6 10 L13 10 Z');
	arrow.setAttribute('stroke', '#fff');
	arrow.setAttribute('stroke-width', '1.2');
	svg.append(arrow);
	const tag = document.createElement('span');
	tag.className = 'sb-cursor__name';
	tag.style.cssText =
		'position:absolute;left:14px;top:14px;padding:1px 6px;border-radius:4px;white-space:nowrap;' +
		'font:600 11px/16px system-ui,sans-serif;box-shadow:0 1px 3px rgba(0,0,0,.35)';
	element.append(svg, tag);
	return { element, tag, arrow };
}

export class CursorLayer {
	private map: L.Map | null = null;
	private readonly cursors = new Map<number, Cursor & { arrow: SVGPathElement }>();
	private frame = 0;
	private lastFrameAt = 0;

	mount(map: L.Map): this {
		this.map = map;
		// Above pins and popups' anchors, never taking a click.
		const pane = map.createPane(PANE);
		pane.style.zIndex = '660';
		pane.style.pointerEvents = 'none';
		return this;
	}

	destroy(): void {
		const map = this.map;
		if (!map) return;
		cancelAnimationFrame(this.frame);
		for (const cursor of this.cursors.values()) cursor.marker.remove();
		this.cursors.clear();
		map.getPane(PANE)?.remove();
		delete (map as unknown as { _panes: Record<string, HTMLElement> })._panes[PANE];
		this.map = null;
	}

	update(marks: readonly CursorMark[]): void {
		const map = this.map;
		if (!map) return;
		const seen = new Set<number>();
		for (const mark of marks) {
			seen.add(mark.clientId);
			const target = L.latLng(mark.at.lat, mark.at.lng);
			let cursor = this.cursors.get(mark.clientId);
			if (!cursor) {
				const { element, tag, arrow } = cursorElement();
				const icon = L.divIcon({ html: element, className: 'sb-cursor-icon', iconSize: [0, 0] });
				const marker = L.marker(target, { icon, pane: PANE, interactive: false, keyboard: false }).addTo(map);
				cursor = { marker, element, tag, arrow, shown: target, target };
				this.cursors.set(mark.clientId, cursor);
			}
			cursor.target = target;
			cursor.element.dataset.watcher = mark.name;
			cursor.element.style.opacity = mark.faded ? '0.45' : '1';
			cursor.arrow.setAttribute('fill', mark.colour);
			cursor.tag.textContent = mark.name;
			cursor.tag.style.background = mark.colour;
			cursor.tag.style.color = textColourOn(mark.colour);
		}
		for (const [clientId, cursor] of this.cursors) {
			if (seen.has(clientId)) continue;
			cursor.marker.remove();
			this.cursors.delete(clientId);
		}
		if (!this.frame) {
			this.lastFrameAt = performance.now();
			this.frame = requestAnimationFrame(this.step);
		}
	}

	private readonly step = (now: number) => {
		this.frame = 0;
		const map = this.map;
		if (!map) return;
		const alpha = 1 - Math.exp(-Math.max(0, now - this.lastFrameAt) / EASE_MS);
		this.lastFrameAt = now;
		let moving = false;
		for (const cursor of this.cursors.values()) {
			const from = map.latLngToContainerPoint(cursor.shown);
			const to = map.latLngToContainerPoint(cursor.target);
			if (from.distanceTo(to) < 0.5) {
				if (!cursor.shown.equals(cursor.target)) cursor.marker.setLatLng((cursor.shown = cursor.target));
				continue;
			}
			moving = true;
			cursor.shown = L.latLng(
				cursor.shown.lat + (cursor.target.lat - cursor.shown.lat) * alpha,
				cursor.shown.lng + (cursor.target.lng - cursor.shown.lng) * alpha
			);
			cursor.marker.setLatLng(cursor.shown);
		}
		if (moving) this.frame = requestAnimationFrame(this.step);
	};
}
