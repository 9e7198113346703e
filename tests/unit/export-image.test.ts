/**
 * [EI5] The pure parts of "Export image": the scale bar's round distance, the file name, and the
 * frame's layout (inside the picture, the title giving way to the moment, the legend stopping at
 * what fits, nothing overlapping).
 */
import { describe, expect, it } from 'vitest';
import { FRAME_FONTS, fitText, layoutFrame, type Measure, type Rect } from '../../src/lib/export-image/frame-layout';
import { fileMoment, imageFileName } from '../../src/lib/export-image/image-file-name';
import { momentText } from '../../src/lib/export-image/moment-text';
import { roundDistance, scaleBar } from '../../src/lib/export-image/scale-bar';
import { legendSections } from '../../src/lib/legend/legend-entries';
import { SIDE_COLOURS } from '../../src/lib/legend/front-legend';
import { CONTROL_COLOURS } from '../../src/lib/legend/pin-legend';

/** A fixed width per character, scaled by the font's pixel size: enough to test layout. */
const measure: Measure = (text, font) => text.length * Number(/(\d+)px/.exec(font)?.[1] ?? 10) * 0.6;

const inside = (rect: Rect, view: { width: number; height: number }) => rect.x >= 0 && rect.y >= 0 && rect.x + rect.width <= view.width && rect.y + rect.height <= view.height;
const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('[EI5] the scale bar', () => {
	it('is the longest 1, 2 or 5 × 10ⁿ that fits', () => {
		expect(roundDistance(1)).toBe(1);
		expect(roundDistance(37_400)).toBe(20_000);
		expect(roundDistance(49_999)).toBe(20_000);
		expect(roundDistance(50_000)).toBe(50_000);
		expect(roundDistance(99_999)).toBe(50_000);
		expect(roundDistance(100_000)).toBe(100_000);
		expect(roundDistance(1_999.999_999_9)).toBe(2_000);
		expect(roundDistance(0.5)).toBe(0);
		expect(roundDistance(Number.NaN)).toBe(0);
	});

	it('is sized in pixels from the map scale and labelled in km or m', () => {
		// Zoom 8 at 49.5° N: about 397 m a pixel; 160 px is 63.5 km, so 50 km.
		const bar = scaleBar(397, 160)!;
		expect(bar.metres).toBe(50_000);
		expect(bar.label).toBe('50 km');
		expect(bar.pixels).toBeCloseTo(50_000 / 397, 6);
		expect(bar.pixels).toBeLessThanOrEqual(160);
		expect(scaleBar(2.4, 160)!.label).toBe('200 m');
		expect(scaleBar(0, 160)).toBeNull();
		expect(scaleBar(400, 0)).toBeNull();
	});
});

describe('[EI5] the file name', () => {
	const at = Date.parse('2022-09-11T14:05:59.900Z');
	it('is the board id and the UTC minute it shows, with no colon', () => {
		expect(fileMoment(at)).toBe('2022-09-11T1405Z');
		expect(imageFileName('kharkiv-2022', at)).toBe('kharkiv-2022-2022-09-11T1405Z.png');
	});
	it('keeps only safe characters of an odd board id', () => {
		expect(imageFileName('../a b:c', at)).toBe('_a_b_c-2022-09-11T1405Z.png');
		expect(imageFileName('', at)).toBe('board-2022-09-11T1405Z.png');
	});
	it('writes the moment in the app’s UTC format, saying whether it is replayed', () => {
		expect(momentText(at, true)).toBe('As at 11 Sep 2022 14:05 UTC');
		expect(momentText(at, false)).toBe('11 Sep 2022 14:05 UTC · live');
	});
});

describe('[EI5] the frame’s layout', () => {
	const texts = { title: 'Kharkiv counter-offensive and the Kherson pocket', moment: 'As at 11 Sep 2022 14:05 UTC', attribution: 'Leaflet · Natural Earth · GSHHG · GeoNames' };
	const sections = legendSections();

	it('reads the legend from the map’s own colour tables', () => {
		const colours = sections.flatMap((section) => section.entries.map((entry) => entry.swatch.colour));
		expect(colours).toEqual(expect.arrayContaining([...Object.values(SIDE_COLOURS), ...Object.values(CONTROL_COLOURS)]));
		expect(sections.map((section) => section.title)).toEqual(['Fronts', 'How sure', 'Places held by', 'Reports']);
	});

	it('on a desktop view: title and moment on one line, the whole legend, all inside and apart', () => {
		const view = { width: 1120, height: 830 };
		const layout = layoutFrame(view, texts, sections, measure);
		expect(layout.title.text).toBe(texts.title);
		expect(layout.moment).toMatchObject({ text: texts.moment, align: 'right', x: view.width - 10, y: layout.title.y });
		expect(layout.legend!.headings.map((heading) => heading.text)).toEqual(['FRONTS', 'HOW SURE', 'PLACES HELD BY', 'REPORTS']);
		expect(layout.legend!.entries).toHaveLength(sections.flatMap((section) => section.entries).length);
		for (const rect of [layout.band, layout.strip, layout.legend!.box]) expect(inside(rect, view)).toBe(true);
		expect(overlaps(layout.legend!.box, layout.band)).toBe(false);
		expect(overlaps(layout.legend!.box, layout.strip)).toBe(false);
		// The scale bar's room is right of the legend.
		expect(layout.legend!.box.x + layout.legend!.box.width).toBeLessThan(layout.scale.right - layout.scale.maxPixels);
		for (const { label } of layout.legend!.entries) expect(measure(label.text, label.font) + label.x).toBeLessThanOrEqual(layout.legend!.box.x + layout.legend!.box.width);
	});

	it('on a phone: the moment goes under the title, which is cut, and the legend keeps the sections that fit', () => {
		const view = { width: 390, height: 300 };
		const layout = layoutFrame(view, texts, sections, measure);
		expect(layout.moment).toMatchObject({ text: texts.moment, align: 'left' });
		expect(layout.moment.y).toBeGreaterThan(layout.title.y);
		expect(layout.title.text.endsWith('…')).toBe(true);
		expect(measure(layout.title.text, FRAME_FONTS.title)).toBeLessThanOrEqual(view.width - 20);
		const legend = layout.legend!;
		expect(legend.headings.length).toBeGreaterThan(0);
		expect(legend.headings.length).toBeLessThan(sections.length);
		expect(legend.box.y).toBeGreaterThanOrEqual(layout.band.height);
		expect(inside(legend.box, view)).toBe(true);
	});

	it('leaves the legend out when not even one section fits', () => {
		expect(layoutFrame({ width: 400, height: 120 }, texts, sections, measure).legend).toBeNull();
	});

	it('cuts text with an ellipsis to the width it is given', () => {
		expect(fitText('Izium', FRAME_FONTS.entry, 100, measure)).toBe('Izium');
		const cut = fitText('A very long board title indeed', FRAME_FONTS.entry, 60, measure);
		expect(cut.endsWith('…')).toBe(true);
		expect(measure(cut, FRAME_FONTS.entry)).toBeLessThanOrEqual(60);
	});
});
