// @ts-check

/**
 * Backup reports pushed by application-specific tools.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('platform_ops_backup_reports', table => {
    table.comment('Backup reports pushed through POST /backup-reports, one row per report id');
    table.string('id', 128).primary().notNullable();
    table.string('entity_ref', 255).notNullable();
    table.string('environment', 63).notNullable();
    table.string('status', 32).notNullable();
    table.string('started_at', 40).notNullable();
    table.string('completed_at', 40).nullable();
    table.string('expires_at', 40).nullable();
    table.bigInteger('size_bytes').nullable();
    table.text('location').nullable().comment('Shown as text, never fetched');
    table.text('failure_reason').nullable();
    table.string('received_at', 32).notNullable();
    table.string('received_from', 255).notNullable().comment('User or service that pushed it');
    table.index(['entity_ref', 'environment', 'started_at'], 'platform_ops_backup_reports_entity_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('platform_ops_backup_reports');
};
