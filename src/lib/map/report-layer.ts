/**
 * Reports that have a place, as markers styled by grade (front-style.ts): filled once likely or
 * confirmed, hollow while unconfirmed or a rumour, grey when denied. The tooltip shows the claim
 * as text. Clicking selects the report in the feed.
 */
import L from 'leaflet';
import type { Report } from '$lib/model/report';
import { GRADE_STYLE } from './front-style';

export interface ReportLayerEvents {
	onSelect(id: string): void;
}

export class ReportLayer {
	private readonly group = L.layerGroup();
	private shown = new Map<string, { report: Report; selected: boolean; marker: L.CircleMarker }>();

	constructor(private readonly events: ReportLayerEvents) {}

	mount(map: L.Map): this {
		this.group.addTo(map);
		return this;
	}

	destroy(): void {
		this.group.clearLayers();
		this.group.remove();
		this.shown.clear();
	}

	update(reports: readonly Report[], selectedId: string | null): void {
		const seen = new Set<string>();
		for (const report of reports) {
			if (!report.place) continue;
			seen.add(report.id);
			const selected = report.id === selectedId;
			const entry = this.shown.get(report.id);
			if (entry && entry.report === report && entry.selected === selected) continue;
			if (entry) this.group.removeLayer(entry.marker);
			const style = GRADE_STYLE[report.confidence];
			const marker = L.circleMarker([report.place.lat, report.place.lng], {
				radius: selected ? 9 : 6,
				color: selected ? '#f2b233' : style.colour,
				weight: selected ? 3 : 2,
				dashArray: report.confidence === 'rumour' ? '2 3' : undefined,
				fillColor: style.colour,
				fillOpacity: style.filled ? 0.85 : 0.15,
				className: `sb-report-marker sb-report-marker--${report.confidence}`
			});
			// Leaflet's tooltip content as a DOM node: the claim is set as text, never as HTML.
			const tip = document.createElement('div');
			tip.className = 'sb-report-tip';
			const grade = document.createElement('strong');
			grade.textContent = `${style.label} · `;
			tip.append(grade, document.createTextNode(report.text.length > 140 ? `${report.text.slice(0, 140)}…` : report.text));
			marker.bindTooltip(tip, { direction: 'top', offset: [0, -6] });
			marker.on('click', (event: L.LeafletMouseEvent) => {
				L.DomEvent.stop(event);
				this.events.onSelect(report.id);
			});
			this.group.addLayer(marker);
			this.shown.set(report.id, { report, selected, marker });
		}
		for (const [id, entry] of this.shown) {
			if (seen.has(id)) continue;
			this.group.removeLayer(entry.marker);
			this.shown.delete(id);
		}
	}
}
