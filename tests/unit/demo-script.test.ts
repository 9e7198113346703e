/**
 * [D*] The demo board is data (server/demo/kharkiv-2022.json): every step is made of records the
 * model accepts, ids are unique, the steps run in time order, and what a step refers to exists
 * by then, so seeding it builds the board a watcher could have built by hand.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { COLLECTION_NAMES, collection } from '../../src/lib/model/layout';
import { readAll } from '../../src/lib/model/records';
import { readMeta } from '../../src/lib/model/meta-operations';
import { demoStepSchema, type DemoBoard, type DemoStep } from '../../server/demo/demo-script';
import { applyDemoStep } from '../../server/demo/demo-steps';
import { loadDemoBoard } from '../../server/demo/load-demo';

/** The id a step creates, if it creates a record. */
function createdId(step: DemoStep): string | undefined {
	if (step.op === 'addSector') return step.sector.id;
	if (step.op === 'addPin') return step.pin.id;
	if (step.op === 'drawFront') return step.front.id;
	if (step.op === 'postReport') return step.report.id;
	return undefined;
}

/** The ids a step refers to: its target, the sector it files under, a report's links. */
function referredIds(step: DemoStep): string[] {
	const record = step.op === 'addPin' ? step.pin : step.op === 'drawFront' ? step.front : step.op === 'postReport' ? step.report : undefined;
	const patch = step.op === 'updatePin' || step.op === 'updateFront' ? step.patch : undefined;
	const target = 'id' in step ? [step.id] : [];
	const links = step.op === 'postReport' ? (step.report.links ?? []) : [];
	const sector = record?.sector ?? patch?.sector;
	return [...target, ...links, ...(sector ? [sector] : [])];
}

describe('the demo script', () => {
	let demo: DemoBoard;
	beforeAll(async () => {
		demo = await loadDemoBoard();
	});

	it('[D1] every step is valid under the model schemas', () => {
		expect(demo.steps.length).toBeGreaterThan(100);
		for (const [index, step] of demo.steps.entries()) {
			const checked = demoStepSchema.safeParse(step);
			expect(checked.success ? 'ok' : `step ${index}: ${checked.error.message}`).toBe('ok');
		}
	});

	it('[D2] record ids are unique', () => {
		const ids = demo.steps.map(createdId).filter((id) => id !== undefined);
		expect(new Set(ids).size).toBe(ids.length);
	});

	it('[D3] the steps are in time order', () => {
		const times = demo.steps.map((step) => Date.parse(step.at));
		expect(times).toEqual([...times].sort((a, b) => a - b));
	});

	it('[D4] what a step refers to exists by then', () => {
		const known = new Set<string>();
		const missing: string[] = [];
		for (const step of demo.steps) {
			const created = createdId(step);
			for (const id of referredIds(step)) if (id !== created && !known.has(id)) missing.push(`${step.at} ${step.op} → ${id}`);
			if (created) known.add(created);
		}
		expect(missing).toEqual([]);
	});

	it('[D5] played in full, every record on the board is valid and the meta is set', () => {
		const doc = new Y.Doc();
		for (const step of demo.steps) applyDemoStep(doc, step, { actor: step.actor, now: Date.parse(step.at) });
		for (const name of COLLECTION_NAMES) expect(readAll(doc, name).length).toBe(collection(doc, name).size);
		expect(readAll(doc, 'reports').length).toBeGreaterThan(30);
		const meta = readMeta(doc);
		expect(meta.description).toBeTruthy();
		expect(meta.homeView).toBeDefined();
	});
});
