// @ts-check

/**
 * Latest result of each data source (alerts now, backups next), shared by
 * every aspect, so it has its own migrations run by the SnapshotStore.
 *
 * Idempotent: databases from before the stores ran their own migrations
 * already have this table, created by the former `20261122000000_alerting.js`
 * (bookkept in `knex_migrations`, which nothing reads any more).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  if (await knex.schema.hasTable('platform_ops_snapshots')) return;
  await knex.schema.createTable('platform_ops_snapshots', table => {
    table.comment(
      'Latest result of each data source, shared by all backend replicas',
    );
    table.string('source_id', 255).primary().notNullable();
    table.string('kind', 32).notNullable().comment('alerts or backups');
    table.string('environment', 63).notNullable();
    table
      .string('fetched_at', 32)
      .nullable()
      .comment('Last successful fetch, ISO 8601');
    table
      .string('attempted_at', 32)
      .notNullable()
      .comment('Last attempt, ISO 8601');
    table
      .text('last_error')
      .nullable()
      .comment('Message of the last failed attempt');
    table.text('data').notNullable().comment('JSON of the last good fetch');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTableIfExists('platform_ops_snapshots');
};
