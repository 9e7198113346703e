/**
 * Writes an import plan to a board as ONE Yjs transaction, through the model's named operations
 * (each stamps the importer as createdBy): watchers see the whole import arrive at once, the
 * history logs it as one change by one person, and undo would take it back whole. The plan is
 * first written to a scratch document — the same operations, the same checks — so an operation
 * that would throw half-way is found before the board is touched.
 */
import * as Y from 'yjs';
import { addPin } from '../model/pin-operations';
import { drawFront } from '../model/front-operations';
import { collection, COLLECTION_NAMES } from '../model/layout';
import type { OperationContext } from '../model/operation-context';
import { postReport } from '../model/report-operations';
import { addSector } from '../model/sector-operations';
import { ModelValidationError } from '../model/validation-error';
import { ImportError } from './import-error';
import { MAX_IMPORT_BYTES } from './import-file';
import { planCounts, type ImportPlan } from './import-plan';

function write(doc: Y.Doc, plan: ImportPlan, context: OperationContext): void {
	for (const sector of plan.sectors) addSector(doc, sector, context);
	for (const pin of plan.pins) addPin(doc, pin, context);
	for (const front of plan.fronts) drawFront(doc, front, context);
	for (const report of plan.reports) postReport(doc, report, context);
}

export function applyImport(doc: Y.Doc, plan: ImportPlan, context: OperationContext): ReturnType<typeof planCounts> {
	const scratch = new Y.Doc();
	try {
		write(scratch, plan, { ...context, origin: null });
		const bytes = Y.encodeStateAsUpdate(scratch).byteLength;
		if (bytes > MAX_IMPORT_BYTES) throw new ImportError([`the import would send ${bytes} bytes in one change; at most ${MAX_IMPORT_BYTES} fit (import it in parts)`]);
	} catch (error) {
		if (error instanceof ModelValidationError) throw new ImportError([error.message]);
		throw error;
	} finally {
		scratch.destroy();
	}
	const planned = [...plan.sectors, ...plan.pins, ...plan.fronts, ...plan.reports].map((record) => record.id);
	const existing = new Set(COLLECTION_NAMES.flatMap((name) => [...collection(doc, name).keys()]));
	if (planned.some((id) => existing.has(id))) throw new ImportError(['the board changed since the preview: preview the file again']);
	// The operations' own transactions join this one: Yjs nests transactions into the outermost.
	doc.transact(() => write(doc, plan, context), context.origin ?? null);
	return planCounts(plan);
}
