/**
 * [PG7] Keyframe claims on a shared log (postgres-log.ts `claimKeyframe`): when the keyframe of a
 * board comes due on several nodes at once, exactly one is granted it; the others are told the
 * seq it took (and adopt it as their last), and a claim that starts from an outdated keyframe is
 * refused rather than taken twice.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { openPostgresStorage } from '../../server/storage/postgres-storage';
import type { KeyframeClaims, ServerStorage } from '../../server/storage/storage';
import { clusterService, testPostgresSettings, useTestDatabase } from '../helpers/cluster-services';

const POSTGRES = await clusterService('PostgreSQL');
const database = useTestDatabase(POSTGRES);
const entry = (n: number) => ({ at: n, actor: 'x', update: new Uint8Array([n]) });

describe.skipIf(!POSTGRES)('[PG7] keyframe claims', () => {
	const opened: ServerStorage[] = [];
	afterAll(async () => {
		await Promise.all(opened.map((storage) => storage.close()));
	});

	it('[PG7] of four nodes claiming at once one is granted; the others learn its seq; the next claim must know it', async () => {
		const url = await database.freshSchema();
		// Four pools: four nodes, each with its own connections to the one database.
		const nodes = await Promise.all([1, 2, 3, 4].map(() => openPostgresStorage(testPostgresSettings(url))));
		opened.push(...nodes);
		await nodes[0]!.appendUpdates('b', Array.from({ length: 60 }, (_, index) => entry(index + 1)));

		// Each node saw the keyframe come due at a slightly different head.
		const answers = await Promise.all(nodes.map((node, index) => (node as ServerStorage & KeyframeClaims).claimKeyframe('b', 50 + index, 0)));
		const granted = answers.filter((answer) => answer === null);
		expect(granted).toHaveLength(1);
		const winner = 50 + answers.indexOf(null);
		expect(answers.filter((answer) => answer !== null)).toEqual([winner, winner, winner]);

		const claims = nodes[1] as ServerStorage & KeyframeClaims;
		// A node still counting from the old keyframe (0) cannot take the next one twice...
		expect(await claims.claimKeyframe('b', 60, 0)).toBe(winner);
		// ...one that knows the winner's can; a claim at or below the standing one is refused.
		expect(await claims.claimKeyframe('b', 60, winner)).toBeNull();
		expect(await claims.claimKeyframe('b', 60, 60)).toBe(60);
		// A board with nothing logged has no head row: nobody else can be taking its keyframe.
		expect(await claims.claimKeyframe('empty', 1, 0)).toBeNull();
	});
});
