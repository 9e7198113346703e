/**
 * Why a file cannot be imported: every problem found, each naming where (feature 12) and what.
 * The message is the first problem, and how many more there are, ready to show as it is.
 */
export class ImportError extends Error {
	constructor(readonly problems: readonly string[]) {
		const [first = 'the file cannot be imported'] = problems;
		const more = problems.length - 1;
		super(more > 0 ? `${first} (and ${more} more problem${more === 1 ? '' : 's'})` : first);
		this.name = 'ImportError';
	}
}

/** Collects problems up to a cap: a broken file of 50 000 features should not list 50 000 lines. */
export class ProblemList {
	readonly problems: string[] = [];
	private dropped = 0;

	constructor(private readonly cap = 20) {}

	add(problem: string): void {
		if (this.problems.length < this.cap) this.problems.push(problem);
		else this.dropped++;
	}

	get empty(): boolean {
		return this.problems.length === 0;
	}

	/** Throws an ImportError listing what was found, if anything was. */
	throwIfAny(): void {
		if (this.empty) return;
		throw new ImportError(this.dropped > 0 ? [...this.problems, `… and ${this.dropped} more`] : this.problems);
	}
}
