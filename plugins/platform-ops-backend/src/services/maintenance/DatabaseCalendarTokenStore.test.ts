import {
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { createHash } from 'crypto';
import { DatabaseCalendarTokenStore } from './DatabaseCalendarTokenStore';

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const JANE = 'user:default/jane';
const JOHN = 'user:default/john';

async function createStore(databaseId: TestDatabaseId) {
  const knex = await databases.init(databaseId);
  const database = mockServices.database({ knex, migrations: { skip: false } });
  return {
    knex,
    tokens: await DatabaseCalendarTokenStore.create({ database }),
  };
}

/** The same token with its last character changed. */
function tampered(token: string): string {
  const last = token.slice(-1);
  return token.slice(0, -1) + (last === 'A' ? 'B' : 'A');
}

describe('DatabaseCalendarTokenStore', () => {
  it('runs on both PostgreSQL and SQLite', () => {
    expect(databases.eachSupportedId()).toEqual([
      ['POSTGRES_15'],
      ['SQLITE_3'],
    ]);
  });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('issues a random 32-byte base64url token that resolves to its user until revoked', async () => {
      const { tokens } = await createStore(databaseId);
      const token = await tokens.issue(JANE);
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(token, 'base64url')).toHaveLength(32);
      await expect(tokens.resolve(token)).resolves.toBe(JANE);

      await tokens.revoke(JANE);
      await expect(tokens.resolve(token)).resolves.toBeUndefined();
      // Revoking again, or a user who never had a token, is no error.
      await expect(tokens.revoke(JANE)).resolves.toBeUndefined();
      await expect(tokens.revoke(JOHN)).resolves.toBeUndefined();
    });

    it('invalidates the previous token when a user issues again, and leaves other users alone', async () => {
      const { tokens } = await createStore(databaseId);
      const first = await tokens.issue(JANE);
      const johns = await tokens.issue(JOHN);
      const second = await tokens.issue(JANE);
      expect(second).not.toBe(first);
      await expect(tokens.resolve(first)).resolves.toBeUndefined();
      await expect(tokens.resolve(second)).resolves.toBe(JANE);
      await expect(tokens.resolve(johns)).resolves.toBe(JOHN);

      await tokens.revoke(JANE);
      await expect(tokens.resolve(second)).resolves.toBeUndefined();
      await expect(tokens.resolve(johns)).resolves.toBe(JOHN);
    });

    it('resolves nothing for unknown, altered or malformed tokens', async () => {
      const { tokens } = await createStore(databaseId);
      const token = await tokens.issue(JANE);
      for (const guess of [
        '',
        'x',
        tampered(token),
        `${token}=`,
        `${token}A`,
        token.slice(0, -1),
        token.toUpperCase() === token
          ? token.toLowerCase()
          : token.toUpperCase(),
        `' OR 1=1 --`,
        createHash('sha256').update(token).digest('hex'),
      ]) {
        await expect(tokens.resolve(guess)).resolves.toBeUndefined();
      }
      await expect(tokens.resolve(token)).resolves.toBe(JANE);
    });

    it('stores only the SHA-256 hash of each token, never the token in clear', async () => {
      const { knex, tokens } = await createStore(databaseId);
      const janes = await tokens.issue(JANE);
      const johns = await tokens.issue(JOHN);
      const rows = await knex('platform_ops_calendar_tokens')
        .select('*')
        .orderBy('user_entity_ref');
      expect(rows.map(row => row.user_entity_ref)).toEqual([JANE, JOHN]);
      expect(rows.map(row => row.token_hash)).toEqual([
        createHash('sha256').update(janes).digest('hex'),
        createHash('sha256').update(johns).digest('hex'),
      ]);
      const stored = JSON.stringify(rows);
      for (const token of [janes, johns]) {
        expect(stored).not.toContain(token);
        expect(stored).not.toContain(
          Buffer.from(token, 'base64url').toString('hex'),
        );
        expect(stored).not.toContain(
          Buffer.from(token, 'base64url').toString('base64'),
        );
      }
    });

    it('keeps its migrations in its own bookkeeping table and runs them once', async () => {
      const { knex } = await createStore(databaseId);
      const database = mockServices.database({
        knex,
        migrations: { skip: false },
      });
      const again = await DatabaseCalendarTokenStore.create({ database });
      const token = await again.issue(JANE);
      await expect(again.resolve(token)).resolves.toBe(JANE);
      const applied = await knex(
        'platform_ops_calendar_tokens__knex_migrations',
      ).select('name');
      expect(applied.map(row => row.name)).toEqual([
        '20261129000000_calendar_tokens.js',
      ]);
    });
  });
});
