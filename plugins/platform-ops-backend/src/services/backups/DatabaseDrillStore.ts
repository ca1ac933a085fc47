import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Drill } from '@platform-ops/plugin-platform-ops-common';
import { Knex } from 'knex';
import { tableVersion } from '../tableVersion';
import { DrillStore } from './DrillStore';

const DRILLS = 'platform_ops_drills';
const DRILL_ENTITIES = 'platform_ops_drill_entities';

/** Drills listed at most, newest first. */
const DEFAULT_LIMIT = 500;

type DrillRow = {
  id: string;
  environment: string;
  day: string;
  scenario: string;
  led_by: string;
  measured_rto: string | null;
  outcome: string;
  went_well: string;
  to_improve: string;
  action_items: string;
  recorded_by: string;
  recorded_at: string;
};

/** This store's own migrations, with their own bookkeeping table. */
const MIGRATIONS = {
  directory: resolvePackagePath(
    '@platform-ops/plugin-platform-ops-backend',
    'migrations',
    'drills',
  ),
  tableName: 'platform_ops_drills__knex_migrations',
};

/**
 * The knex {@link DrillStore}: one row per drill and one per entity it
 * covered, written in one transaction so a drill is never half-stored.
 */
export class DatabaseDrillStore implements DrillStore {
  private constructor(private readonly db: Knex) {}

  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseDrillStore> {
    const db = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await db.migrate.latest(MIGRATIONS);
    }
    return new DatabaseDrillStore(db);
  }

  async record(drill: Drill): Promise<{ drill: Drill; created: boolean }> {
    const created = await this.db.transaction(async tx => {
      const inserted = await tx<DrillRow>(DRILLS)
        .insert(toRow(drill))
        .onConflict('id')
        .ignore()
        .returning('id');
      if (inserted.length === 0) return false;
      await tx(DRILL_ENTITIES).insert(
        drill.entityRefs.map(entityRef => ({
          drill_id: drill.id,
          entity_ref: entityRef,
        })),
      );
      return true;
    });
    if (created) return { drill, created };
    const [stored] = await this.read(
      this.db<DrillRow>(DRILLS).where({ id: drill.id }),
    );
    return { drill: stored, created };
  }

  version(): Promise<string> {
    return tableVersion(this.db, DRILLS, 'recorded_at');
  }

  async list(
    options: { entityRef?: string; limit?: number } = {},
  ): Promise<Drill[]> {
    let query = this.db<DrillRow>(DRILLS).select(`${DRILLS}.*`);
    if (options.entityRef) {
      query = query.whereIn(
        'id',
        this.db(DRILL_ENTITIES)
          .select('drill_id')
          .where({ entity_ref: options.entityRef }),
      );
    }
    return this.read(
      query
        .orderBy([
          { column: 'day', order: 'desc' },
          { column: 'recorded_at', order: 'desc' },
        ])
        .limit(options.limit ?? DEFAULT_LIMIT),
    );
  }

  private async read(
    query: Knex.QueryBuilder<DrillRow, DrillRow[]>,
  ): Promise<Drill[]> {
    const rows: DrillRow[] = await query;
    if (rows.length === 0) return [];
    const entities = await this.db(DRILL_ENTITIES)
      .select('drill_id', 'entity_ref')
      .whereIn(
        'drill_id',
        rows.map(row => row.id),
      )
      .orderBy('entity_ref');
    const refsOf = new Map<string, string[]>();
    for (const { drill_id: id, entity_ref: ref } of entities) {
      refsOf.set(id, [...(refsOf.get(id) ?? []), ref]);
    }
    return rows.map(row => fromRow(row, refsOf.get(row.id) ?? []));
  }
}

function toRow(drill: Drill): DrillRow {
  return {
    id: drill.id,
    environment: drill.environment,
    day: drill.date,
    scenario: drill.scenario,
    led_by: drill.ledBy,
    measured_rto: drill.measuredRto ?? null,
    outcome: drill.outcome,
    went_well: drill.wentWell,
    to_improve: drill.toImprove,
    action_items: JSON.stringify(drill.actionItems),
    recorded_by: drill.recordedBy,
    recorded_at: drill.recordedAt,
  };
}

function fromRow(row: DrillRow, entityRefs: string[]): Drill {
  return {
    id: row.id,
    entityRefs,
    environment: row.environment,
    date: row.day,
    scenario: row.scenario,
    ledBy: row.led_by,
    measuredRto: row.measured_rto ?? undefined,
    outcome: row.outcome as Drill['outcome'],
    wentWell: row.went_well,
    toImprove: row.to_improve,
    actionItems: JSON.parse(row.action_items) as string[],
    recordedBy: row.recorded_by,
    recordedAt: row.recorded_at,
  };
}
