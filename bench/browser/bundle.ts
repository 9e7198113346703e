/**
 * Size of what a browser downloads: the gzipped client bundle (every .js and .css under
 * build/client, compressed here with node:zlib at the default level rather than read from the
 * build's own .gz files, so the figure does not depend on build settings), and the basemap data
 * apart, since it is data, not code.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
	files: number;
	rawBytes: number;
	gzipBytes: number;
	basemapGzipBytes: number;
}

function walk(dir: string): string[] {
	if (!fs.existsSync(dir)) return [];
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		return entry.isDirectory() ? walk(full) : [full];
	});
}

export function bundleSize(clientDir: string): BundleSize {
	const files = walk(clientDir);
	const code = files.filter((file) => /\.(js|css)$/.test(file));
	const basemap = files.filter((file) => file.includes(`${path.sep}basemap${path.sep}`) && file.endsWith('.json'));
	const gz = (file: string) => gzipSync(fs.readFileSync(file)).length;
	return {
		files: code.length,
		rawBytes: code.reduce((sum, file) => sum + fs.statSync(file).size, 0),
		gzipBytes: code.reduce((sum, file) => sum + gz(file), 0),
		basemapGzipBytes: basemap.reduce((sum, file) => sum + gz(file), 0)
	};
}
