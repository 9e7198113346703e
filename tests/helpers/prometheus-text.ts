/**
 * A strict reader of the Prometheus text exposition format (0.0.4), for tests: every line must be
 * a `# HELP`, a `# TYPE` or a sample of a family declared by a `# TYPE` before it, else it throws
 * naming the line. prom-client writes this format but cannot read it back.
 */
const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const LABEL = `[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\\\\n]|\\\\[\\\\"n])*"`;
const SAMPLE = new RegExp(`^(${NAME})(?:\\{((?:${LABEL})(?:,${LABEL})*)?,?\\})? (\\S+)(?: -?\\d+)?$`);
const TYPES = ['counter', 'gauge', 'histogram', 'summary', 'untyped'];
const SUFFIXES: Record<string, string[]> = { histogram: ['_bucket', '_sum', '_count'], summary: ['', '_sum', '_count'] };

export interface Sample {
	name: string;
	labels: Record<string, string>;
	value: number;
}

export interface Exposition {
	types: Map<string, string>;
	samples: Sample[];
	/** The one sample of `name` whose labels include `labels`; undefined when there is none. */
	value(name: string, labels?: Record<string, string>): number | undefined;
}

function parseValue(raw: string, line: string): number {
	if (raw === '+Inf') return Infinity;
	if (raw === '-Inf') return -Infinity;
	if (raw === 'NaN') return NaN;
	const value = Number(raw);
	if (raw === '' || Number.isNaN(value)) throw new Error(`not a sample value: ${line}`);
	return value;
}

export function parsePrometheusText(text: string): Exposition {
	const types = new Map<string, string>();
	const samples: Sample[] = [];
	const family = (name: string) => {
		for (const [base, type] of types) {
			if ((SUFFIXES[type] ?? ['']).some((suffix) => `${base}${suffix}` === name)) return base;
		}
		return undefined;
	};
	for (const line of text.split('\n')) {
		if (line === '') continue;
		const type = /^# TYPE (\S+) (\S+)$/.exec(line);
		if (type) {
			if (!TYPES.includes(type[2]!)) throw new Error(`unknown metric type: ${line}`);
			types.set(type[1]!, type[2]!);
			continue;
		}
		if (/^# HELP \S+ /.test(line)) continue;
		const sample = SAMPLE.exec(line);
		if (!sample) throw new Error(`not Prometheus text: ${line}`);
		if (!family(sample[1]!)) throw new Error(`sample of an undeclared family: ${line}`);
		const labels = Object.fromEntries(
			[...(sample[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)].map((match) => [match[1]!, match[2]!])
		);
		samples.push({ name: sample[1]!, labels, value: parseValue(sample[3]!, line) });
	}
	return {
		types,
		samples,
		value(name, labels = {}) {
			return samples.find((sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value))?.value;
		}
	};
}
