import { Knex } from 'knex';

/** The one migration the plugin shipped before each store ran its own. */
export const LEGACY_MIGRATION = '20261122000000_alerting.js';

/**
 * Brings a database to the state the former shared migration left it in:
 * both tables created, and the migration bookkept under its old name in
 * knex's default `knex_migrations`, as `migrate.latest` recorded it.
 */
export async function runLegacyMigration(knex: Knex): Promise<void> {
  await knex.migrate.latest({
    migrationSource: {
      getMigrations: async () => [LEGACY_MIGRATION],
      getMigrationName: (name: string) => name,
      getMigration: async () => ({ up: legacyUp, down: async () => {} }),
    },
  });
}

/** The former `migrations/20261122000000_alerting.js`, as it was. */
async function legacyUp(knex: Knex): Promise<void> {
  await knex.schema.createTable('platform_ops_snapshots', table => {
    table.string('source_id', 255).primary().notNullable();
    table.string('kind', 32).notNullable();
    table.string('environment', 63).notNullable();
    table.string('fetched_at', 32).nullable();
    table.string('attempted_at', 32).notNullable();
    table.text('last_error').nullable();
    table.text('data').notNullable();
  });
  await knex.schema.createTable('platform_ops_alert_occurrences', table => {
    table.string('day', 10).notNullable();
    table.string('entity_ref', 255).notNullable();
    table.string('environment', 63).notNullable();
    table.string('level', 2).notNullable();
    table.string('fingerprint', 64).notNullable();
    table.primary(['day', 'entity_ref', 'environment', 'fingerprint']);
    table.index(
      ['entity_ref', 'day'],
      'platform_ops_alert_occurrences_entity_day_idx',
    );
  });
}
