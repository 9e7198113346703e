/**
 * Files dragged over the page, anywhere: says when a file drag is over the window (for the drop
 * overlay) and hands over the first dropped file. Other drags (text, links, the map's own) pass
 * by untouched. Counting enters and leaves, because each child element fires its own pair.
 */
const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;

/** Listens on the window; returns the cleanup. */
export function watchFileDrops(ondragging: (dragging: boolean) => void, ondrop: (file: File) => void): () => void {
	let depth = 0;
	const enter = (event: DragEvent) => {
		if (!hasFiles(event)) return;
		depth++;
		ondragging(true);
	};
	const leave = () => {
		depth = Math.max(0, depth - 1);
		if (depth === 0) ondragging(false);
	};
	const over = (event: DragEvent) => {
		if (hasFiles(event)) event.preventDefault();
	};
	const drop = (event: DragEvent) => {
		if (!hasFiles(event)) return;
		event.preventDefault();
		depth = 0;
		ondragging(false);
		const file = event.dataTransfer?.files[0];
		if (file) ondrop(file);
	};
	window.addEventListener('dragenter', enter);
	window.addEventListener('dragleave', leave);
	window.addEventListener('dragover', over);
	window.addEventListener('drop', drop);
	return () => {
		window.removeEventListener('dragenter', enter);
		window.removeEventListener('dragleave', leave);
		window.removeEventListener('dragover', over);
		window.removeEventListener('drop', drop);
	};
}
