// @ts-check

/**
 * Whether each occurrence notified (`active`) or was silenced, for the
 * noise review's "mostly silenced" list. An occurrence can be both: an
 * alert that fired and was silenced later the same day.
 *
 * Rows from before this migration were only ever recorded for active
 * alerts, so they become active and not silenced.
 *
 * The (environment, day) index serves the review filtered to one
 * environment; unfiltered, the window is a range on the primary key's
 * leading `day`.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  const table = 'platform_ops_alert_occurrences';
  if (await knex.schema.hasColumn(table, 'silenced')) return;
  await knex.schema.alterTable(table, builder => {
    builder.boolean('active').notNullable().defaultTo(true);
    builder.boolean('silenced').notNullable().defaultTo(false);
    builder.index(
      ['environment', 'day'],
      'platform_ops_alert_occurrences_environment_day_idx',
    );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('platform_ops_alert_occurrences', builder => {
    builder.dropIndex(
      ['environment', 'day'],
      'platform_ops_alert_occurrences_environment_day_idx',
    );
    builder.dropColumn('active');
    builder.dropColumn('silenced');
  });
};
