import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Change } from '@platform-ops/plugin-platform-ops-common';
import { Knex } from 'knex';
import { tableVersion } from '../tableVersion';
import { ChangeFilter, ChangeSilence, ChangeStore } from './ChangeStore';

const CHANGES = 'platform_ops_changes';
const ENTITIES = 'platform_ops_change_entities';
const SILENCES = 'platform_ops_change_silences';

/** Changes listed at most. */
const DEFAULT_LIMIT = 1000;

/** This store's own migrations, with their own bookkeeping table. */
const MIGRATIONS = {
  directory: resolvePackagePath(
    '@platform-ops/plugin-platform-ops-backend',
    'migrations',
    'changes',
  ),
  tableName: 'platform_ops_changes__knex_migrations',
};

type Row = {
  id: string;
  title: string;
  class: string;
  status: string;
  environments: string;
  window: string | null;
  start_at: string;
  end_at: string;
  updates: string;
  description: string;
  link: string | null;
  contingency_plan: string;
  silence_alerts: boolean | number;
  announced_at: string;
  announced_by: string;
  notice_required: string;
  notice_given: string;
  short_notice: boolean | number;
  retrospective: string | null;
  sequence: number;
  updated_at: string;
};

/**
 * The knex {@link ChangeStore}: a row per change, one per affected entity
 * and one per silence, each change written in one transaction.
 */
export class DatabaseChangeStore implements ChangeStore {
  private constructor(private readonly db: Knex) {}

  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseChangeStore> {
    const db = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await db.migrate.latest(MIGRATIONS);
    }
    return new DatabaseChangeStore(db);
  }

  async announce(
    change: Change,
  ): Promise<{ change: Change; created: boolean }> {
    const created = await this.db.transaction(async tx => {
      const inserted = await tx<Row>(CHANGES)
        .insert(toRow(change))
        .onConflict('id')
        .ignore()
        .returning('id');
      if (inserted.length === 0) return false;
      await tx(ENTITIES).insert(
        change.entityRefs.map(entityRef => ({
          change_id: change.id,
          entity_ref: entityRef,
        })),
      );
      return true;
    });
    return { change: created ? change : (await this.get(change.id))!, created };
  }

  version(): Promise<string> {
    return tableVersion(this.db, CHANGES, 'updated_at');
  }

  async get(id: string): Promise<Change | undefined> {
    const [change] = await this.read(this.db<Row>(CHANGES).where({ id }));
    return change;
  }

  async update(
    id: string,
    update: (current: Change) => Change,
  ): Promise<Change | undefined> {
    return this.db.transaction(async tx => {
      const row = await tx<Row>(CHANGES).where({ id }).forUpdate().first();
      if (!row) return undefined;
      const refs = await tx(ENTITIES)
        .where({ change_id: id })
        .orderBy('entity_ref')
        .pluck('entity_ref');
      const next = update(fromRow(row, refs));
      const { id: _id, ...fields } = toRow(next);
      await tx<Row>(CHANGES).where({ id }).update(fields);
      return next;
    });
  }

  async list(filter: ChangeFilter = {}): Promise<Change[]> {
    let query = this.db<Row>(CHANGES).select(`${CHANGES}.*`);
    if (filter.entityRefs) {
      query = query.whereIn(
        'id',
        this.db(ENTITIES)
          .select('change_id')
          .whereIn('entity_ref', filter.entityRefs),
      );
    }
    if (filter.from) query = query.where('end_at', '>', filter.from);
    if (filter.to) query = query.where('start_at', '<', filter.to);
    const changes = await this.read(
      query
        .orderBy([{ column: 'start_at' }, { column: 'id' }])
        .limit(filter.limit ?? DEFAULT_LIMIT),
    );
    return filter.environment
      ? changes.filter(change =>
          change.environments.includes(filter.environment!),
        )
      : changes;
  }

  async silences(changeId: string): Promise<ChangeSilence[]> {
    const rows = await this.db(SILENCES)
      .where({ change_id: changeId })
      .orderBy(['environment', 'entity_ref']);
    return rows.map(row => ({
      environment: row.environment,
      entityRef: row.entity_ref,
      silenceId: row.silence_id,
    }));
  }

  async setSilences(
    changeId: string,
    silences: ChangeSilence[],
  ): Promise<void> {
    await this.db.transaction(async tx => {
      await tx(SILENCES).where({ change_id: changeId }).delete();
      if (silences.length > 0) {
        await tx(SILENCES).insert(
          silences.map(silence => ({
            change_id: changeId,
            environment: silence.environment,
            entity_ref: silence.entityRef,
            silence_id: silence.silenceId,
          })),
        );
      }
    });
  }

  private async read(query: Knex.QueryBuilder<Row, Row[]>): Promise<Change[]> {
    const rows: Row[] = await query;
    if (rows.length === 0) return [];
    const links = await this.db(ENTITIES)
      .select('change_id', 'entity_ref')
      .whereIn(
        'change_id',
        rows.map(row => row.id),
      )
      .orderBy('entity_ref');
    const refsOf = new Map<string, string[]>();
    for (const { change_id: id, entity_ref: ref } of links) {
      refsOf.set(id, [...(refsOf.get(id) ?? []), ref]);
    }
    return rows.map(row => fromRow(row, refsOf.get(row.id) ?? []));
  }
}

function toRow(change: Change): Row {
  return {
    id: change.id,
    title: change.title,
    class: change.class,
    status: change.status,
    environments: JSON.stringify(change.environments),
    window: change.window ?? null,
    start_at: change.start,
    end_at: change.end,
    updates: JSON.stringify(change.updates),
    description: change.description,
    link: change.link ?? null,
    contingency_plan: change.contingencyPlan,
    silence_alerts: change.silenceAlerts,
    announced_at: change.announcedAt,
    announced_by: change.announcedBy,
    notice_required: change.noticeRequired,
    notice_given: change.noticeGiven,
    short_notice: change.shortNotice,
    retrospective: change.retrospective
      ? JSON.stringify(change.retrospective)
      : null,
    sequence: change.sequence,
    updated_at: change.updatedAt,
  };
}

function fromRow(row: Row, entityRefs: string[]): Change {
  return {
    id: row.id,
    title: row.title,
    class: row.class as Change['class'],
    status: row.status as Change['status'],
    entityRefs,
    environments: JSON.parse(row.environments),
    window: row.window ?? undefined,
    start: row.start_at,
    end: row.end_at,
    updates: JSON.parse(row.updates),
    description: row.description,
    link: row.link ?? undefined,
    contingencyPlan: row.contingency_plan,
    silenceAlerts: Boolean(row.silence_alerts),
    announcedAt: row.announced_at,
    announcedBy: row.announced_by,
    noticeRequired: row.notice_required,
    noticeGiven: row.notice_given,
    shortNotice: Boolean(row.short_notice),
    retrospective: row.retrospective
      ? JSON.parse(row.retrospective)
      : undefined,
    sequence: row.sequence,
    updatedAt: row.updated_at,
  };
}
