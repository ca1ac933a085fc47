// @ts-check

/**
 * Poll leases: which replica runs each poll, and when it is next due, so
 * that with several replicas each source is polled once per interval and a
 * replica that dies mid-poll is replaced within the next interval.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('platform_ops_poll_leases', table => {
    table.comment('One row per poll: its lease and next due time');
    table.string('poll_id', 100).primary().notNullable();
    table
      .bigInteger('next_due_at')
      .notNullable()
      .comment('Epoch milliseconds; no replica starts the poll before');
    table
      .string('holder', 100)
      .nullable()
      .comment('The replica running the poll now, if any');
    table
      .bigInteger('expires_at')
      .nullable()
      .comment('Epoch milliseconds; past it, another replica may take over');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('platform_ops_poll_leases');
};
