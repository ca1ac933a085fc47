// @ts-check

/**
 * Snapshots of each data source, and distinct alert occurrences per day for
 * the noise review.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('platform_ops_snapshots', table => {
    table.comment('Latest result of each data source, shared by all backend replicas');
    table.string('source_id', 255).primary().notNullable();
    table.string('kind', 32).notNullable().comment('alerts or backups');
    table.string('environment', 63).notNullable();
    table.string('fetched_at', 32).nullable().comment('Last successful fetch, ISO 8601');
    table.string('attempted_at', 32).notNullable().comment('Last attempt, ISO 8601');
    table.text('last_error').nullable().comment('Message of the last failed attempt');
    table.text('data').notNullable().comment('JSON of the last good fetch');
  });
  await knex.schema.createTable('platform_ops_alert_occurrences', table => {
    table.comment('One row per alert, component, environment and day it fired');
    table.string('day', 10).notNullable();
    table.string('entity_ref', 255).notNullable();
    table.string('environment', 63).notNullable();
    table.string('level', 2).notNullable();
    table.string('fingerprint', 64).notNullable();
    table.primary(['day', 'entity_ref', 'environment', 'fingerprint']);
    table.index(['entity_ref', 'day'], 'platform_ops_alert_occurrences_entity_day_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('platform_ops_alert_occurrences');
  await knex.schema.dropTable('platform_ops_snapshots');
};
