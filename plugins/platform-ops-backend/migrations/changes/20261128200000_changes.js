// @ts-check

/**
 * Announced maintenance changes, the entities each affects, and the
 * Alertmanager silences created for them.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('platform_ops_changes', table => {
    table.comment('Announced maintenance changes with notice, status and retrospective');
    table.string('id', 64).primary().notNullable().comment('Chosen by the client, so a retry announces one change');
    table.string('title', 255).notNullable();
    table.string('class', 32).notNullable();
    table.string('status', 32).notNullable();
    table.text('environments').notNullable().comment('JSON array');
    table.string('window', 63).nullable();
    table.string('start_at', 32).notNullable().comment('ISO 8601 UTC');
    table.string('end_at', 32).notNullable().comment('ISO 8601 UTC');
    table.text('updates').notNullable().comment('JSON array');
    table.text('description').notNullable();
    table.text('link').nullable();
    table.text('contingency_plan').notNullable();
    table.boolean('silence_alerts').notNullable();
    table.string('announced_at', 32).notNullable();
    table.string('announced_by', 255).notNullable();
    table.string('notice_required', 16).notNullable();
    table.string('notice_given', 16).notNullable();
    table.boolean('short_notice').notNullable();
    table.text('retrospective').nullable().comment('JSON');
    table.integer('sequence').notNullable();
    table.string('updated_at', 32).notNullable();
    table.index(['start_at'], 'platform_ops_changes_start_idx');
  });
  await knex.schema.createTable('platform_ops_change_entities', table => {
    table.comment('Which entities each change affects');
    table.string('change_id', 64).notNullable().references('id').inTable('platform_ops_changes').onDelete('CASCADE');
    table.string('entity_ref', 255).notNullable();
    table.primary(['change_id', 'entity_ref']);
    table.index(['entity_ref'], 'platform_ops_change_entities_entity_idx');
  });
  await knex.schema.createTable('platform_ops_change_silences', table => {
    table.comment('Alertmanager silences created for a change, to move or remove with it');
    table.string('change_id', 64).notNullable().references('id').inTable('platform_ops_changes').onDelete('CASCADE');
    table.string('environment', 63).notNullable();
    table.string('entity_ref', 255).notNullable();
    table.string('silence_id', 64).notNullable();
    table.primary(['change_id', 'environment', 'entity_ref']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('platform_ops_change_silences');
  await knex.schema.dropTable('platform_ops_change_entities');
  await knex.schema.dropTable('platform_ops_changes');
};
