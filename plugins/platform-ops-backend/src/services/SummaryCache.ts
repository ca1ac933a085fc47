import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { NextFunction, Request, Response } from 'express';
import {
  ComponentIndex,
  Contact,
  OpsSummary,
  overviewRowOf,
  OverviewRow,
  sortOverviewRows,
} from '@platform-ops/plugin-platform-ops-common';
import { DateTime } from 'luxon';
import { EntityIndex } from './EntityIndex';
import {
  LayerParts,
  LayerVersion,
  LIVE_LAYERS,
  LiveLayer,
  LiveLayers,
  withLayers,
} from './liveLayers';
import { ContactResolver } from './scope/ContactResolver';
import { contactRefsOf, withContacts } from './scope/contacts';
import { yieldToRequests } from './yieldToRequests';

/** Contacts per catalog call while building. */
const CONTACT_BATCH = 500;

/** Summaries composed between two chances for requests to be served. */
const COMPOSE_BATCH = 1_000;

/**
 * The layers that judge by the time besides their sources' freshness: an
 * RPO breached, a drill overdue, a change over. They are filled again by
 * age; the others only when an input changed or a fresh source turned
 * stale.
 */
const AGED_LAYERS: LiveLayer[] = ['backups', 'changes'];

/**
 * Every annotated entity's full summary and overview row, built at once.
 *
 * @public
 */
export type BuiltSummaries = {
  /** By entity ref, lower-cased: the catalog compares refs ignoring case. */
  summaries: Map<string, OpsSummary>;
  /** In overview order, worst first. */
  rows: OverviewRow[];
  builtAt: DateTime;
  indexedAt?: DateTime;
};

/** What every layer is filled on: the entity index with the contacts. */
type Base = {
  /** The entity index generation the bases come from. */
  generation: number;
  /** The index refresh whose contacts were resolved last. */
  refreshCount: number;
  /** The contacts resolved then, as JSON, to see whether any changed. */
  contacts: string;
  /** Each entity's config-aware summary with its contacts. */
  bases: OpsSummary[];
  components: ComponentIndex;
  indexedAt?: DateTime;
};

/** A built copy with what it was built from. */
type Copy = BuiltSummaries &
  Base & {
    parts: LayerParts;
    versions: Record<LiveLayer, LayerVersion>;
    /** When each layer was filled, epoch milliseconds. */
    filledAt: Record<LiveLayer, number>;
    /** When a fresh source of the copy turns stale, epoch milliseconds. */
    expiresAt: number;
    /** The writes on this replica the copy includes. */
    writes: number;
  };

/**
 * The summaries of every annotated entity, built once per change of their
 * inputs rather than per request: the entity index (catalog) with the
 * contacts, and the live layers (alert, backup and cluster snapshots,
 * drills and reports, changes). Each backend replica keeps its own copy,
 * built from what all replicas share in the database.
 *
 * A read checks at most every `checkIntervalMs` whether an input changed,
 * from cheap markers in the database (see {@link LayerVersion}) that see
 * the polls and writes of every replica; a refresh of the entity index, a
 * poll or a write on this replica asks for a check at once. Only the
 * layers whose inputs changed are filled again, all of them when the index
 * was refreshed; meanwhile the old copy is served. Judgements by age are
 * kept honest: once one of its fresh sources has turned stale, a copy is
 * not served again until its layer is filled again (a read waits for it),
 * and the layers that judge by the time otherwise (an RPO breached, a
 * change over) are filled again at least every `maxAgeMs`. Every section
 * carries its sources' fetch times, so a copy never claims data newer than
 * it has.
 *
 * After a write on this replica (`invalidate`), the next read waits for a
 * check that started after it, so a writer reads its own write.
 */
export class SummaryCache {
  private copy?: Copy;
  private refreshing?: Promise<BuiltSummaries>;
  private queued?: Promise<BuiltSummaries>;
  /** When the inputs were last checked, epoch milliseconds. */
  private checkedAt = -Infinity;
  /** Writes on this replica so far. */
  private writes = 0;

  private constructor(
    private readonly index: EntityIndex,
    private readonly contacts: ContactResolver,
    private readonly auth: AuthService,
    private readonly layers: Pick<LiveLayers, 'versions' | 'fill'>,
    private readonly logger: LoggerService,
    private readonly checkIntervalMs: number,
    private readonly maxAgeMs: number,
    private readonly clock: () => DateTime,
  ) {}

  static create(options: {
    index: EntityIndex;
    contacts: ContactResolver;
    auth: AuthService;
    layers: Pick<LiveLayers, 'versions' | 'fill'>;
    logger: LoggerService;
    /** How often reads check whether an input changed; 5 s by default. */
    checkIntervalMs?: number;
    /** How old a layer may get while its inputs stay the same; 60 s by default. */
    maxAgeMs?: number;
    clock?: () => DateTime;
  }): SummaryCache {
    return new SummaryCache(
      options.index,
      options.contacts,
      options.auth,
      options.layers,
      options.logger,
      options.checkIntervalMs ?? 5_000,
      options.maxAgeMs ?? 60_000,
      options.clock ?? (() => DateTime.utc()),
    );
  }

  /** After a write: the next read waits for a copy that includes it. */
  invalidate(): void {
    this.writes += 1;
  }

  /** The current copy; builds the first one, and checks an old one. */
  async current(): Promise<BuiltSummaries> {
    const copy = this.copy;
    if (!copy) return this.check();
    if (
      copy.writes < this.writes ||
      this.clock().toMillis() >= copy.expiresAt
    ) {
      try {
        return await this.refresh();
      } catch (error) {
        // The database may be restarting: the old copy beats no answer,
        // and the next read tries again.
        this.logger.warn(`Rebuilding the summaries failed: ${error}`);
        return this.copy ?? copy;
      }
    }
    if (this.clock().toMillis() - this.checkedAt >= this.checkIntervalMs) {
      // Served as it is meanwhile; a failed check keeps the old copy.
      this.check().catch(error =>
        this.logger.warn(`Rebuilding the summaries failed: ${error}`),
      );
    }
    return copy;
  }

  /** One entity's summary, or undefined when it is not indexed. */
  async get(ref: string): Promise<OpsSummary | undefined> {
    return (await this.current()).summaries.get(ref.toLocaleLowerCase('en-US'));
  }

  /**
   * Checks the inputs, once the check under way if any is over, and
   * rebuilds what changed: after an index refresh, a poll or a write.
   */
  refresh(): Promise<BuiltSummaries> {
    if (this.queued) return this.queued;
    if (!this.refreshing) return this.start();
    this.queued = this.refreshing
      .catch(() => undefined)
      .then(() => {
        this.queued = undefined;
        return this.start();
      });
    return this.queued;
  }

  /** A check: the one under way or queued, else a new one. */
  private check(): Promise<BuiltSummaries> {
    return this.queued ?? this.refreshing ?? this.start();
  }

  private start(): Promise<BuiltSummaries> {
    const run = this.update(this.writes).finally(() => {
      if (this.refreshing === run) this.refreshing = undefined;
    });
    this.refreshing = run;
    return run;
  }

  private async update(writes: number): Promise<BuiltSummaries> {
    const started = Date.now();
    this.checkedAt = this.clock().toMillis();
    await this.index.ensureLoaded();
    // Versions before data: data newer than its version costs one more
    // fill at the next check, never a change missed.
    const versions = await this.layers.versions();
    const now = this.clock().toMillis();
    const previous = this.copy;
    const { base, rebased } = await this.baseOf(previous);
    const stale = LIVE_LAYERS.filter(
      layer =>
        rebased ||
        !previous ||
        previous.versions[layer].key !== versions[layer].key ||
        now >= (previous.versions[layer].expiresAt ?? Infinity) ||
        (AGED_LAYERS.includes(layer) &&
          now - previous.filledAt[layer] >= this.maxAgeMs),
    );
    if (previous && stale.length === 0) {
      previous.writes = writes;
      // Refreshed, the same: the index is as recent as its last refresh.
      previous.refreshCount = base.refreshCount;
      previous.indexedAt = base.indexedAt;
      return previous;
    }
    const parts = { ...previous?.parts } as LayerParts;
    const filledAt = { ...previous?.filledAt } as Record<LiveLayer, number>;
    for (const layer of stale) {
      Object.assign(parts, {
        [layer]: await this.layers.fill(layer, base.bases, {
          components: base.components,
        }),
      });
      filledAt[layer] = now;
    }
    const built = await this.compose(base.bases, parts);
    this.copy = {
      ...built,
      generation: base.generation,
      refreshCount: base.refreshCount,
      contacts: base.contacts,
      bases: base.bases,
      components: base.components,
      indexedAt: base.indexedAt,
      parts,
      versions,
      filledAt,
      expiresAt: Math.min(
        ...LIVE_LAYERS.map(layer => versions[layer].expiresAt ?? Infinity),
      ),
      writes,
    };
    this.logger.debug(
      `Built ${built.summaries.size} summaries in ${
        Date.now() - started
      } ms (${stale.join(', ')})`,
    );
    return this.copy;
  }

  /**
   * The bases: the previous copy's while the index has the same generation
   * and, after a refresh of the index, the contacts came out the same;
   * else new ones, which every layer is filled on again.
   */
  private async baseOf(
    previous: Copy | undefined,
  ): Promise<{ base: Base; rebased: boolean }> {
    const refreshCount = this.index.refreshCount;
    if (
      previous &&
      previous.generation === this.index.generation &&
      previous.refreshCount === refreshCount
    ) {
      return { base: previous, rebased: false };
    }
    // Read together, so that the bases and their matchers agree.
    const generation = this.index.generation;
    const entries = this.index.list();
    const components = this.index.componentIndex();
    const indexedAt = this.index.indexedAt;
    const contacts = await this.resolveContacts(
      entries.flatMap(entry => contactRefsOf(entry.summary.scope)),
    );
    const json = JSON.stringify(contacts);
    if (
      previous &&
      previous.generation === generation &&
      previous.contacts === json
    ) {
      const { bases } = previous;
      return {
        base: {
          generation,
          refreshCount,
          contacts: json,
          components,
          bases,
          indexedAt,
        },
        rebased: false,
      };
    }
    return {
      base: {
        generation,
        refreshCount,
        contacts: json,
        components,
        indexedAt,
        bases: entries.map(entry => withContacts(entry.summary, contacts)),
      },
      rebased: true,
    };
  }

  /** The summaries and overview rows, yielding to requests now and then. */
  private async compose(
    bases: OpsSummary[],
    parts: LayerParts,
  ): Promise<Pick<BuiltSummaries, 'summaries' | 'rows' | 'builtAt'>> {
    const builtAt = this.clock();
    const generatedAt = builtAt.toISO()!;
    const summaries = new Map<string, OpsSummary>();
    const rows: OverviewRow[] = [];
    for (let position = 0; position < bases.length; position++) {
      if (position > 0 && position % COMPOSE_BATCH === 0) {
        await yieldToRequests();
      }
      const summary = {
        ...withLayers(bases[position], parts, position),
        generatedAt,
      };
      summaries.set(summary.entity.ref.toLocaleLowerCase('en-US'), summary);
      rows.push(overviewRowOf(summary, builtAt));
    }
    return { summaries, rows: sortOverviewRows(rows), builtAt };
  }

  /**
   * Contacts with the plugin's own credentials: an escalation path is
   * shown to whoever may read the component it belongs to.
   */
  private async resolveContacts(
    refs: string[],
  ): Promise<Record<string, Contact>> {
    const unique = [...new Set(refs)];
    const credentials = await this.auth.getOwnServiceCredentials();
    const contacts: Record<string, Contact> = {};
    for (let start = 0; start < unique.length; start += CONTACT_BATCH) {
      Object.assign(
        contacts,
        await this.contacts.resolve(
          unique.slice(start, start + CONTACT_BATCH),
          { credentials },
        ),
      );
    }
    return contacts;
  }
}

/**
 * Express middleware: a successful write (any method but GET and HEAD) on
 * this replica invalidates the cache, so the writer's next read has it.
 */
export function invalidateOnWrite(cache: Pick<SummaryCache, 'invalidate'>) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.on('finish', () => {
        if (res.statusCode < 400) cache.invalidate();
      });
    }
    next();
  };
}
