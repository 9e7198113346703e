/**
 * Creates a demo board on first start by playing its script through the live room: every step
 * is one named operation, logged with its scripted time and watcher, like a recorded session.
 */
import type { BoardDirectory } from '../boards/board-directory';
import type { Logger } from '../logger';
import { serverOrigin } from '../rooms/origins';
import type { DemoBoard } from './demo-script';
import { applyDemoStep } from './demo-steps';

export async function seedDemoBoard(directory: BoardDirectory, demo: DemoBoard, logger: Logger): Promise<boolean> {
	if (await directory.get(demo.id)) return false;
	const firstAt = Date.parse(demo.steps[0]?.at ?? new Date().toISOString());
	// directory.create, not createOwnedBoard: the demo stays public-edit (the storage default) whatever
	// DEFAULT_ACCESS says, so a newcomer can try it at once; it has no owner token (ADMIN_TOKEN owns it).
	try {
		await directory.create({ id: demo.id, title: demo.title, actor: 'Situation Board', at: firstAt });
	} catch (error) {
		// Nodes of a cluster starting together: another one made it first and plays the script.
		if (await directory.get(demo.id)) return false;
		throw error;
	}
	await directory.withRoom(demo.id, (room) => {
		for (const step of demo.steps) {
			const at = Date.parse(step.at);
			applyDemoStep(room.doc, step, { actor: step.actor, now: at, origin: serverOrigin(step.actor, at) });
		}
	});
	logger.info(`demo board ${demo.id}: seeded ${demo.steps.length} steps`);
	return true;
}
