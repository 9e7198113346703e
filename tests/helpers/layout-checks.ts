/**
 * What "fits the screen" means, measured in the page: nothing wider than the window, controls
 * inside the viewport, a form's fields inside its container. Each returns the offenders (empty
 * when all is well), so a failing test says which control was cut off and by how much.
 */
import type { Locator, Page } from 'playwright-core';

export interface Offender {
	what: string;
	left: number;
	right: number;
	top: number;
	bottom: number;
}

/** The page's own width against the window's: a wider page scrolls sideways. */
export function pageWidths(page: Page): Promise<{ scrollWidth: number; innerWidth: number; scrollX: number }> {
	return page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth, scrollX }));
}

/** The visible controls under `root` that are not wholly inside the viewport. */
export function controlsOutsideViewport(root: Locator): Promise<Offender[]> {
	return root.evaluate((element) => {
		const controls = [element, ...element.querySelectorAll('a, button, select, input, [data-connection]')];
		return controls
			.map((control) => ({ control, rect: control.getBoundingClientRect() }))
			.filter(({ rect }) => rect.width > 0 && rect.height > 0)
			.filter(({ rect }) => rect.left < -0.5 || rect.top < -0.5 || rect.right > innerWidth + 0.5 || rect.bottom > innerHeight + 0.5)
			.map(({ control, rect }) => ({
				what: (control.getAttribute('aria-label') ?? control.textContent ?? control.tagName).trim().slice(0, 40),
				left: rect.left,
				right: rect.right,
				top: rect.top,
				bottom: rect.bottom
			}));
	});
}

/** The fields and buttons of `form` that reach past the left or right edge of `container`. */
export async function fieldsOutside(form: Locator, container: Locator): Promise<Offender[]> {
	const outerHandle = await container.elementHandle();
	return form.evaluate((element, box) => {
		const outer = box.getBoundingClientRect();
		return [...element.querySelectorAll('input, select, textarea, button, label')]
			.map((field) => ({ field, rect: field.getBoundingClientRect() }))
			.filter(({ rect }) => rect.width > 0)
			.filter(({ rect }) => rect.left < outer.left - 0.5 || rect.right > outer.right + 0.5)
			.map(({ field, rect }) => ({
				what: (field.getAttribute('name') ?? field.getAttribute('aria-label') ?? field.textContent ?? field.tagName).trim().slice(0, 40),
				left: rect.left,
				right: rect.right,
				top: rect.top,
				bottom: rect.bottom
			}));
	}, outerHandle);
}
