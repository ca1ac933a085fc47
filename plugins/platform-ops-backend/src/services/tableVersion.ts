import { Knex } from 'knex';

/**
 * A cheap marker of what a table holds: its row count and the newest value
 * of a time column that every write sets. Another value means a row was
 * added, or written with a newer time, by any replica. A write stamped
 * older than the newest row (a replica's clock behind) goes unseen until
 * the next such change; readers that must not miss it also rebuild by age.
 */
export async function tableVersion(
  db: Knex,
  table: string,
  timeColumn: string,
): Promise<string> {
  const row = (await db(table)
    .count({ rows: '*' })
    .max({ newest: timeColumn })
    .first()) as { rows?: string | number; newest?: string | null } | undefined;
  return `${Number(row?.rows ?? 0)} ${row?.newest ?? ''}`;
}
