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
