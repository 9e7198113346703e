/**
 * Leaflet puts string tooltip and popup content in with innerHTML. Anything a watcher typed goes
 * through here instead: an element whose text is set as text, so it can never become markup.
 */
export function textElement(text: string, className?: string): HTMLElement {
	const element = document.createElement('span');
	if (className) element.className = className;
	element.textContent = text;
	return element;
}

/** Puts (or replaces) a line saying who last changed the item under a tooltip's text, as text. */
export function withAttribution(tip: HTMLElement, attribution: string | null | undefined): HTMLElement {
	tip.querySelector(':scope > .sb-attribution')?.remove();
	if (attribution) {
		const line = textElement(attribution, 'sb-attribution');
		tip.append(line);
	}
	return tip;
}
