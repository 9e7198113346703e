/**
 * Reads the demo board's script from its JSON file. The file is checked against the step schema
 * (built from the model's schemas) before anything is seeded, so a bad edit to the data stops the
 * server with the step and field at fault instead of seeding half a board.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { DEMO_BOARD_ID } from '../../src/lib/protocol/boards';
import { demoScriptSchema, type DemoBoard, type DemoStep } from './demo-script';

/** The autumn-2022 Kharkiv counter-offensive and the Kherson pocket (README.md in this folder). */
export const KHARKIV_2022_FILE = new URL('./kharkiv-2022.json', import.meta.url);

export async function loadDemoBoard(file: URL = KHARKIV_2022_FILE, id: string = DEMO_BOARD_ID): Promise<DemoBoard> {
	const raw: unknown = JSON.parse(await readFile(file, 'utf8'));
	const checked = demoScriptSchema.safeParse(raw);
	if (!checked.success) throw new Error(`demo script ${file.pathname}: ${z.prettifyError(checked.error)}`);
	// The operations get the steps as written: they parse them again, and their parsed form
	// (defaults filled in, keys reordered) would not seed the same document.
	const script = raw as { title: string; steps: DemoStep[] };
	return { id, title: script.title, steps: script.steps };
}
