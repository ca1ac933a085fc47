// @ts-check

/**
 * Calendar subscription tokens: one per user, kept only as a SHA-256 hash,
 * so that a copy of the database cannot be used to read anyone's calendar.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('platform_ops_calendar_tokens', table => {
    table.comment(
      'Secret calendar feed tokens, one per user, stored as hashes',
    );
    table
      .string('user_entity_ref', 255)
      .primary()
      .notNullable()
      .comment('The user the feed is read as');
    table
      .string('token_hash', 64)
      .notNullable()
      .unique()
      .comment('Hex SHA-256 of the token; the token itself is never stored');
    table.string('issued_at', 32).notNullable().comment('ISO 8601 UTC');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('platform_ops_calendar_tokens');
};
