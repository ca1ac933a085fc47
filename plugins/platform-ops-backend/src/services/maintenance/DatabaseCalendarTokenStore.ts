import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { createHash, randomBytes } from 'crypto';
import { Knex } from 'knex';
import { CalendarTokenStore } from './CalendarTokenStore';

const TOKENS = 'platform_ops_calendar_tokens';

/** 32 random bytes, as much entropy as a SHA-256 hash can keep. */
const TOKEN_BYTES = 32;

/** What {@link TOKEN_BYTES} bytes look like in base64url, without padding. */
const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;

type TokenRow = {
  user_entity_ref: string;
  token_hash: string;
  issued_at: string;
};

/** This store's own migrations, with their own bookkeeping table. */
const MIGRATIONS = {
  directory: resolvePackagePath(
    '@platform-ops/plugin-platform-ops-backend',
    'migrations',
    'calendar-tokens',
  ),
  tableName: 'platform_ops_calendar_tokens__knex_migrations',
};

/** The hex SHA-256 of a token: what is stored and looked up. */
function hashOf(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * The knex {@link CalendarTokenStore}. Only each token's SHA-256 hash is
 * stored, so that a leaked database or backup holds nothing a calendar
 * client could use. One row per user: issuing again overwrites it, which
 * revokes the previous token.
 */
export class DatabaseCalendarTokenStore implements CalendarTokenStore {
  private constructor(private readonly db: Knex) {}

  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseCalendarTokenStore> {
    const db = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await db.migrate.latest(MIGRATIONS);
    }
    return new DatabaseCalendarTokenStore(db);
  }

  async issue(userEntityRef: string): Promise<string> {
    const token = randomBytes(TOKEN_BYTES).toString('base64url');
    await this.db<TokenRow>(TOKENS)
      .insert({
        user_entity_ref: userEntityRef,
        token_hash: hashOf(token),
        issued_at: new Date().toISOString(),
      })
      .onConflict('user_entity_ref')
      .merge(['token_hash', 'issued_at']);
    return token;
  }

  async resolve(token: string): Promise<string | undefined> {
    // Anything that is not a token we issued needs no query.
    if (!TOKEN_FORMAT.test(token)) return undefined;
    // Looking up by hash needs no constant-time comparison: what the lookup
    // takes can only depend on the hash of the guess, which the guesser
    // computes anyway, and knowing how much of a stored hash a guess shares
    // does not help find a token that hashes to it (SHA-256 resists
    // preimages). The secret itself is never compared.
    const row = await this.db<TokenRow>(TOKENS)
      .select('user_entity_ref')
      .where({ token_hash: hashOf(token) })
      .first();
    return row?.user_entity_ref;
  }

  async revoke(userEntityRef: string): Promise<void> {
    await this.db<TokenRow>(TOKENS)
      .where({ user_entity_ref: userEntityRef })
      .delete();
  }
}
