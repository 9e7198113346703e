import { Gauge, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { spellNaN } from '../../server/metrics/prometheus-metrics';
import { parsePrometheusText } from '../helpers/prometheus-text';

describe('a NaN sample', () => {
	it('[P4] is written NaN, as the exposition format spells it, not prom-client\'s Nan', async () => {
		const registry = new Registry();
		const gauge = new Gauge({ name: 'lag_mean_seconds', help: 'mean lag', registers: [registry] });
		gauge.set(NaN);
		const written = await registry.metrics();
		expect(written).toMatch(/^lag_mean_seconds Nan$/m);

		const spelled = spellNaN(written);
		expect(spelled).toMatch(/^lag_mean_seconds NaN$/m);
		expect(parsePrometheusText(spelled).value('lag_mean_seconds')).toBeNaN();
	});

	it('[P4] leaves a label value or a name that holds "Nan" alone', () => {
		const text = 'town_total{name="Nan"} 1\nNan_total 2\n';
		expect(spellNaN(text)).toBe(text);
	});
});
