/** Named operations on reports: post, regrade (keeping every grade it had), remove. */
import * as Y from 'yjs';
import { newId } from './ids';
import { collection } from './layout';
import { stamp, transact, type OperationContext } from './operation-context';
import { confidence as confidenceSchema, reportSchema, type Confidence, type NewReport } from './report';
import { insertRecord, readRecord, writeFields } from './records';
import { ModelValidationError, parseOrThrow } from './validation-error';

/** Posts a report and returns its id. Its first grade starts the grade history. */
export function postReport(doc: Y.Doc, input: NewReport, context: OperationContext = {}): string {
	const id = input.id ?? newId('report');
	const { by, at } = stamp(context);
	const grade = input.confidence ?? 'unconfirmed';
	const report = parseOrThrow(
		reportSchema,
		{ ...input, id, confidence: grade, gradeHistory: [{ confidence: grade, at, by }] },
		'report'
	);
	// The same moment as its first grade.
	insertRecord(doc, 'reports', id, report, { ...context, now: at });
	return id;
}

/** Moves a report up or down the confidence ladder; the change is appended to its history. */
export function gradeReport(doc: Y.Doc, id: string, grade: Confidence, context: OperationContext = {}): void {
	const value = parseOrThrow(confidenceSchema, grade, 'confidence');
	const current = readRecord(doc, 'reports', id);
	const map = collection(doc, 'reports').get(id);
	if (!current || !map) {
		throw new ModelValidationError('report', [{ path: 'id', message: `no report with id "${id}"` }]);
	}
	const { by, at } = stamp(context);
	const gradeHistory = [...current.gradeHistory, { confidence: value, at, by }];
	transact(doc, context, () =>
		writeFields(map as Y.Map<unknown>, { confidence: value, gradeHistory, updatedBy: by, updatedAt: at })
	);
}

export function removeReport(doc: Y.Doc, id: string, context: OperationContext = {}): void {
	transact(doc, context, () => {
		collection(doc, 'reports').delete(id);
	});
}
