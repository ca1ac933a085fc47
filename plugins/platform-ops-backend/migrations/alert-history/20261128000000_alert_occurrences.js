// @ts-check

/**
 * Distinct alert occurrences per component, environment and day, for the
 * noise review. Run by the AlertHistoryStore.
 *
 * Idempotent: databases from before the stores ran their own migrations
 * already have this table, created by the former `20261122000000_alerting.js`
 * (bookkept in `knex_migrations`, which nothing reads any more).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  if (await knex.schema.hasTable('platform_ops_alert_occurrences')) return;
  await knex.schema.createTable('platform_ops_alert_occurrences', table => {
    table.comment('One row per alert, component, environment and day it fired');
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
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTableIfExists('platform_ops_alert_occurrences');
};
