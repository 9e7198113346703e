/**
 * [PG6] The rule for tests that need PostgreSQL or Redis: present, they run; missing on a
 * developer's machine, they are skipped with one line saying why; missing where CI=true or
 * REQUIRE_CLUSTER_SERVICES=1, the file fails.
 */
import { describe, expect, it } from 'vitest';
import { clusterServicesRequired, serviceVerdict } from '../helpers/cluster-services';

describe('[PG6] cluster services in tests', () => {
	it('[PG6] required under CI=true or REQUIRE_CLUSTER_SERVICES=1, not otherwise', () => {
		expect(clusterServicesRequired({ CI: 'true' })).toBe(true);
		expect(clusterServicesRequired({ REQUIRE_CLUSTER_SERVICES: '1' })).toBe(true);
		expect(clusterServicesRequired({})).toBe(false);
		expect(clusterServicesRequired({ CI: 'false', REQUIRE_CLUSTER_SERVICES: '0' })).toBe(false);
	});

	it('[PG6] a missing service is one skip line locally and a failure where required; a present one runs', () => {
		const lines: string[] = [];
		const warn = (line: string) => lines.push(line);
		expect(serviceVerdict('PostgreSQL', null, { CI: 'true' }, warn)).toBe(true);
		expect(serviceVerdict('PostgreSQL', 'no PostgreSQL at postgres://127.0.0.1:5432/test (ECONNREFUSED)', {}, warn)).toBe(false);
		expect(lines).toEqual(['Skipping the PostgreSQL cases: no PostgreSQL at postgres://127.0.0.1:5432/test (ECONNREFUSED).']);
		expect(() => serviceVerdict('Redis', 'no Redis at redis://127.0.0.1:6379', { CI: 'true' }, warn)).toThrow(/Redis is required here .* but missing: no Redis/);
		expect(() => serviceVerdict('Redis', 'no Redis', { REQUIRE_CLUSTER_SERVICES: '1' }, warn)).toThrow(/required/);
		expect(lines).toHaveLength(1);
	});
});
