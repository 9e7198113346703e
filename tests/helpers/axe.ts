/**
 * axe-core run inside a page. Its source is evaluated through the DevTools protocol
 * (page.evaluate), which runs outside the page's CSP: only axe's own script skips the policy,
 * the page keeps it (an addScriptTag would be an inline <script> the CSP refuses).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeFinding {
	id: string;
	impact: string;
	help: string;
	targets: string[];
	summary: string;
}

/** The serious and critical violations axe finds in the page as it is now, one line per node. */
export async function seriousViolations(page: Page): Promise<AxeFinding[]> {
	await page.evaluate(AXE_SOURCE);
	return page.evaluate(async () => {
		const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
		interface AxeViolation {
			id: string;
			impact: string | null;
			help: string;
			nodes: { target: string[]; failureSummary?: string }[];
		}
		const { violations } = await axe.run(document, { resultTypes: ['violations'] });
		return violations
			.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
			.flatMap((violation) =>
				violation.nodes.map((node) => ({
					id: violation.id,
					impact: violation.impact ?? '',
					help: violation.help,
					targets: node.target.map(String),
					summary: (node.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 200)
				}))
			);
	});
}
