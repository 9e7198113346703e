/** Plays one demo step: the named model operation it records, with the step's watcher and time. */
import type * as Y from 'yjs';
import { drawFront, reshapeFront, updateFront } from '../../src/lib/model/front-operations';
import { describeBoard, setHomeView } from '../../src/lib/model/meta-operations';
import type { OperationContext } from '../../src/lib/model/operation-context';
import { addPin, updatePin } from '../../src/lib/model/pin-operations';
import { gradeReport, postReport } from '../../src/lib/model/report-operations';
import { addSector } from '../../src/lib/model/sector-operations';
import type { DemoStep } from './demo-script';

export function applyDemoStep(doc: Y.Doc, step: DemoStep, context: OperationContext): void {
	switch (step.op) {
		case 'describeBoard':
			return describeBoard(doc, step.description, context);
		case 'setHomeView':
			return setHomeView(doc, step.view, context);
		case 'addSector':
			return void addSector(doc, step.sector, context);
		case 'addPin':
			return void addPin(doc, step.pin, context);
		case 'updatePin':
			return updatePin(doc, step.id, step.patch, context);
		case 'drawFront':
			return void drawFront(doc, step.front, context);
		case 'reshapeFront':
			return reshapeFront(doc, step.id, step.points, context);
		case 'updateFront':
			return updateFront(doc, step.id, step.patch, context);
		case 'postReport':
			return void postReport(doc, step.report, context);
		case 'gradeReport':
			return gradeReport(doc, step.id, step.confidence, context);
	}
}
