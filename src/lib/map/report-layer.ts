/**
 * Reports that have a place, as markers styled by grade (legend/report-legend.ts): filled once likely or
 * confirmed, hollow while unconfirmed or a rumour, grey when denied. The tooltip shows the claim
 * as text. Clicking selects the report in the feed. Outside a focused sector they are drawn faint,
 * like pins: a sector's neighbours give it its meaning.
 */
import L from 'leaflet';
import type { Report } from '$lib/model/report';
import { GRADE_STYLE } from '../legend/report-legend';
import { KeyedLayers } from './keyed-layers';
import { OUTSIDE_FOCUS_OPACITY } from './pin-style';
import { textElement, withAttribution } from './text-content';

export interface ReportLayerEvents {
	onSelect(id: string): void;
	/** Who last changed it, read each time the tooltip opens. */
	describe?(report: Report): string | null;
}

/** How a report marker is drawn: the selected one stands out, those outside the focus fade. */
type ReportLook = 'selected' | 'plain' | 'outside';

export class ReportLayer {
	private readonly group = L.layerGroup();
	private readonly layers = new KeyedLayers<Report, ReportLook>(this.group, (report, look) => this.marker(report, look));

	constructor(private readonly events: ReportLayerEvents) {}

	mount(map: L.Map): this {
		this.layers.addTo(map);
		return this;
	}

	destroy(): void {
		this.layers.remove();
	}

	update(reports: readonly Report[], selectedId: string | null, focusedSector: string | null = null): void {
		const look = (report: Report): ReportLook =>
			report.id === selectedId ? 'selected' : focusedSector !== null && report.sector !== focusedSector ? 'outside' : 'plain';
		this.layers.sync(reports, look, (report) => !report.place);
	}

	private marker(report: Report, look: ReportLook): L.CircleMarker {
		const style = GRADE_STYLE[report.confidence];
		const place = report.place!;
		const selected = look === 'selected';
		const fade = look === 'outside' ? OUTSIDE_FOCUS_OPACITY : 1;
		const marker = L.circleMarker([place.lat, place.lng], {
			radius: selected ? 9 : 6,
			color: selected ? '#f2b233' : style.colour,
			weight: selected ? 3 : 2,
			opacity: fade,
			dashArray: report.confidence === 'rumour' ? '2 3' : undefined,
			fillColor: style.colour,
			fillOpacity: (style.filled ? 0.85 : 0.15) * fade,
			className: `sb-report-marker sb-report-marker--${report.confidence}${look === 'outside' ? ' sb-report-marker--outside' : ''}`
		});
		// Leaflet's tooltip content as a DOM node: the claim is set as text, never as HTML.
		const tip = textElement(report.text.length > 140 ? `${report.text.slice(0, 140)}…` : report.text, 'sb-report-tip');
		const grade = document.createElement('strong');
		grade.textContent = `${style.label} · `;
		tip.prepend(grade);
		marker.bindTooltip(() => withAttribution(tip, this.events.describe?.(report)), { direction: 'top', offset: [0, -6] });
		marker.on('click', (event: L.LeafletMouseEvent) => {
			L.DomEvent.stop(event);
			this.events.onSelect(report.id);
		});
		return marker;
	}
}
