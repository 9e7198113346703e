/**
 * [PG8] Access while the database cannot answer: real SQLite storage on a temporary file, closed
 * under the access checks as a database that went away. A secret may go on with the grant the
 * database last gave it on that board, if recent — never with one a change to the board's access
 * made stale, never after news of such changes may have been lost, and never with one it was not
 * asked for (a refusal is the database's error, not a remembered "no").
 */
import { describe, expect, it } from 'vitest';
import { BoardAccess } from '../../server/auth/board-access';
import { GRANT_MEMORY_MAX_AGE_MS, GrantMemory } from '../../server/auth/grant-memory';
import { DEFAULT_CONFIG } from '../../server/config';
import { openSqliteStorage } from '../../server/storage/sqlite-storage';
import { tempDataDir } from '../helpers/server-process';

async function accessOnTwoBoards() {
	const storage = openSqliteStorage(tempDataDir('grants'));
	const access = new BoardAccess(storage, { ...DEFAULT_CONFIG, defaultAccess: 'public-edit' });
	for (const id of ['izyum', 'lyman']) {
		await storage.createBoard({ id, title: id, at: 0 });
		await access.adopt(id);
	}
	return { storage, access };
}

describe('[PG8] grants while the database is away', () => {
	it('[PG8] a secret goes on with its last grant on that board; a revoked token, a refused or unseen secret does not', async () => {
		const { storage, access } = await accessOnTwoBoards();
		const viewer = await access.createToken('izyum', 'viewer', 'press');
		const editor = await access.createToken('izyum', 'editor');
		const unseen = await access.createToken('izyum', 'viewer');
		for (const secret of [null, viewer.token, editor.token, 'not-a-token']) await access.grant('izyum', secret);
		await access.grant('lyman', null);
		// A change to a board's access forgets every answer about it: read again after, remembered again.
		await access.revokeToken('izyum', editor.id);
		await access.grant('izyum', viewer.token);

		await storage.close();
		expect(await access.grant('izyum', viewer.token)).toEqual({ role: 'viewer', tokenId: viewer.id, label: 'press' });
		expect(await access.grant('lyman', null)).toMatchObject({ role: 'editor' });
		// Forgotten at the revocation and not asked since; never granted; never asked: the database's own error.
		await expect(access.grant('izyum', editor.token)).rejects.toThrow(/not open/);
		await expect(access.grant('izyum', null)).rejects.toThrow(/not open/);
		await expect(access.grant('izyum', 'not-a-token')).rejects.toThrow(/not open/);
		await expect(access.grant('izyum', unseen.token)).rejects.toThrow(/not open/);
		// A grant is per board: the viewer's token opens no other board on the strength of it.
		await expect(access.grant('lyman', viewer.token)).rejects.toThrow(/not open/);
	});

	it('[PG8] a revocation whose answer was lost (the write threw) forgets the board anyway; Redis lost forgets every board', async () => {
		const { storage, access } = await accessOnTwoBoards();
		const viewer = await access.createToken('izyum', 'viewer');
		await access.grant('izyum', viewer.token);
		await access.grant('lyman', null);
		await storage.close();
		await expect(access.revokeToken('izyum', viewer.id)).rejects.toThrow(/not open/);
		await expect(access.grant('izyum', viewer.token)).rejects.toThrow(/not open/);
		expect(await access.grant('lyman', null)).toMatchObject({ role: 'editor' });
		access.forgetRemembered();
		await expect(access.grant('lyman', null)).rejects.toThrow(/not open/);
	});

	it('[PG8] an answer counts for GRANT_MEMORY_MAX_AGE_MS; one read across a change is not kept; the least used goes first when full', () => {
		let clock = 0;
		const memory = new GrantMemory(2, () => clock);
		const grant = { role: 'viewer' as const, tokenId: 't', label: null };
		const ticket = memory.ticket();
		memory.forget('izyum');
		memory.remember(ticket, 'izyum', 'a', grant);
		expect(memory.recall('izyum', 'a')).toBeUndefined();

		memory.remember(memory.ticket(), 'izyum', 'a', grant);
		clock += GRANT_MEMORY_MAX_AGE_MS;
		expect(memory.recall('izyum', 'a')).toEqual(grant);
		clock += 1;
		expect(memory.recall('izyum', 'a')).toBeUndefined();

		memory.remember(memory.ticket(), 'izyum', 'a', grant);
		memory.remember(memory.ticket(), 'izyum', 'b', grant);
		expect(memory.recall('izyum', 'a')).toEqual(grant);
		memory.remember(memory.ticket(), 'lyman', 'c', grant);
		expect(memory.size).toBe(2);
		expect(memory.recall('izyum', 'b')).toBeUndefined();
		expect(memory.recall('izyum', 'a')).toEqual(grant);
		// A refusal read later replaces the grant: it does not come back from memory.
		memory.remember(memory.ticket(), 'izyum', 'a', null);
		expect(memory.recall('izyum', 'a')).toBeUndefined();
	});
});
