// @ts-check

/**
 * Disaster-recovery drills, and the entities each one covered.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('platform_ops_drills', table => {
    table.comment('Disaster-recovery drills with their measured RTO and retrospective');
    table.string('id', 64).primary().notNullable().comment('Chosen by the client, so a retry records one drill');
    table.string('environment', 63).notNullable();
    table.string('day', 10).notNullable().comment('YYYY-MM-DD the drill took place');
    table.text('scenario').notNullable();
    table.string('led_by', 255).notNullable();
    table.string('measured_rto', 16).nullable().comment('Duration such as 3h');
    table.string('outcome', 32).notNullable();
    table.text('went_well').notNullable();
    table.text('to_improve').notNullable();
    table.text('action_items').notNullable().comment('JSON array of strings');
    table.string('recorded_by', 255).notNullable();
    table.string('recorded_at', 32).notNullable();
    table.index(['day'], 'platform_ops_drills_day_idx');
  });
  await knex.schema.createTable('platform_ops_drill_entities', table => {
    table.comment('Which entities each drill covered');
    table
      .string('drill_id', 64)
      .notNullable()
      .references('id')
      .inTable('platform_ops_drills')
      .onDelete('CASCADE');
    table.string('entity_ref', 255).notNullable();
    table.primary(['drill_id', 'entity_ref']);
    table.index(['entity_ref'], 'platform_ops_drill_entities_entity_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('platform_ops_drill_entities');
  await knex.schema.dropTable('platform_ops_drills');
};
