// `npm start` serves the built app; build it first when there is no build yet (a fresh clone).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (!existsSync('build/handler.js') || !existsSync('static/basemap/countries.json') || !existsSync('static/gazetteer.json')) {
	console.log('No build yet: building the app once (npm run build)…');
	const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
	if (result.status !== 0) process.exit(result.status ?? 1);
}
